using Bidui.Core.Text;

namespace Bidui.Core.Schooling;

/// <summary>What a poverty register's 在校生状况 cell states (SPEC 4.4).</summary>
public readonly record struct SchoolingStatement(StatementKind Kind, SchoolStage Stage)
{
    private const int StackLimit = 64;

    /// <summary>
    /// NFKC (full-width brackets and digits become ASCII), trim, drop a leading two-digit code
    /// ("03 小学", "03-小学"), drop a leading 在校生 / 在校生- / 在校生(…) wrapper, ignore white space,
    /// then map by the SPEC 4.4 value sets.
    /// </summary>
    public static SchoolingStatement Parse(ReadOnlySpan<char> cell)
    {
        string? holder = null;
        Span<char> nfkcBuffer = stackalloc char[Nfkc.StackLimit];
        ReadOnlySpan<char> s = StatementText.DropCode(Nfkc.ApplyTrim(cell, nfkcBuffer, ref holder));
        if (s.IsEmpty || s.Length > StackLimit)
            return default;
        Span<char> buffer = stackalloc char[StackLimit];
        return Map(StatementText.DropInSchoolWrapper(StatementText.WithoutSpaces(s, buffer)));
    }

    private static SchoolingStatement Map(ReadOnlySpan<char> s) => s switch
    {
        "学前教育" or "学前" => InSchool(SchoolStage.Preschool),
        "小学" or "小学一年级" or "小学二年级" or "小学三年级" or "小学四年级" or "小学五年级" or "小学六年级"
            => InSchool(SchoolStage.Primary),
        "初中" or "七年级" or "八年级" or "九年级" => InSchool(SchoolStage.Junior),
        "高中" or "普通高中" or "高中一年级" or "高中二年级" or "高中三年级"
            or "普通高中一年级" or "普通高中二年级" or "普通高中三年级" => InSchool(SchoolStage.Senior),
        "中职" or "中职一年级" or "中职二年级" or "中职三年级" => InSchool(SchoolStage.Vocational),
        "高职" or "高职一年级" or "高职二年级" or "高职三年级" => InSchool(SchoolStage.HigherVocational),
        "本科" or "大专及以上" or "研究生" or "硕士研究生及以上" => InSchool(SchoolStage.Higher),
        "学龄前儿童" or "非在校生" or "失学辍学" or "失学或辍学" => new(StatementKind.NotInSchool, SchoolStage.None),
        _ => default,
    };

    private static SchoolingStatement InSchool(SchoolStage stage) => new(StatementKind.InSchool, stage);
}
