namespace Bidui.Core.Schooling;

public static class SchoolStages
{
    public static SchoolStage FromStageCell(ReadOnlySpan<char> cell) => throw new NotImplementedException();

    public static SchoolStage FromGrade(ReadOnlySpan<char> cell) => throw new NotImplementedException();

    public static string ToChinese(this SchoolStage s) => s switch
    {
        SchoolStage.Preschool => "学前",
        SchoolStage.Primary => "小学",
        SchoolStage.Junior => "初中",
        SchoolStage.Senior => "高中",
        SchoolStage.Vocational => "中职",
        SchoolStage.HigherVocational => "高职",
        SchoolStage.Higher => "高等教育",
        _ => "",
    };

    /// <summary>The five registry stages of SPEC 4: 学前, 小学, 初中, 高中, 中职.</summary>
    public static bool IsRegistryStage(this SchoolStage s) => s is >= SchoolStage.Preschool and <= SchoolStage.Vocational;
}
