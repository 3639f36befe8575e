using Bidui.Core.Text;

namespace Bidui.Core.Schooling;

public static class SchoolStages
{
    /// <summary>
    /// SPEC 1.1 学段: 学前 (幼儿园, 学前教育), 小学, 初中, 高中 (普通高中), 中职 (中等职业教育), plus a few
    /// common longer names; empty → None; any other value → Other (kept as given by the caller).
    /// </summary>
    public static SchoolStage FromStageCell(ReadOnlySpan<char> cell)
    {
        string? holder = null;
        Span<char> nfkcBuffer = stackalloc char[Nfkc.StackLimit];
        ReadOnlySpan<char> s = Nfkc.ApplyTrim(cell, nfkcBuffer, ref holder);
        return s switch
        {
            "" => SchoolStage.None,
            "学前" or "幼儿园" or "学前教育" or "学前班" => SchoolStage.Preschool,
            "小学" or "小学教育" => SchoolStage.Primary,
            "初中" or "初级中学" => SchoolStage.Junior,
            "高中" or "普通高中" or "高级中学" => SchoolStage.Senior,
            "中职" or "中等职业教育" or "中等职业学校" => SchoolStage.Vocational,
            _ => SchoolStage.Other,
        };
    }

    /// <summary>
    /// SPEC 1.1 年级 table: 小班/中班/大班 → 学前; 一年级…六年级, 1…6 → 小学; 七年级…九年级, 初一…初三,
    /// 7…9 → 初中; 高一…高三, 10…12 → 高中; 中职一年级…中职三年级 → 中职. Also a stage prefix with the
    /// grade inside it (小学一年级, 初中二年级, 高中三年级, 高职一年级). Unknown → None.
    /// </summary>
    public static SchoolStage FromGrade(ReadOnlySpan<char> cell)
    {
        string? holder = null;
        Span<char> nfkcBuffer = stackalloc char[Nfkc.StackLimit];
        ReadOnlySpan<char> s = Nfkc.ApplyTrim(cell, nfkcBuffer, ref holder);
        switch (s)
        {
            case "小班" or "中班" or "大班" or "托班" or "学前班":
                return SchoolStage.Preschool;
            case "初一" or "初二" or "初三":
                return SchoolStage.Junior;
            case "高一" or "高二" or "高三":
                return SchoolStage.Senior;
        }
        int plain = GradeNumber.Parse(s);
        if (plain == 0)
            plain = GradeNumber.OfGradeWord(s);
        if (plain != 0)
            return ByOverallGrade(plain);
        return WithStagePrefix(s);
    }

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

    private static SchoolStage ByOverallGrade(int grade) => grade switch
    {
        <= 6 => SchoolStage.Primary,
        <= 9 => SchoolStage.Junior,
        _ => SchoolStage.Senior,
    };

    // "小学三年级", "初中一年级" (= 七年级), "高中二年级", "中职一年级": the grade counts within the stage,
    // though 初中七年级 / 高中十年级 style (overall grade) is accepted too.
    private static SchoolStage WithStagePrefix(ReadOnlySpan<char> s)
    {
        ReadOnlySpan<char> rest;
        SchoolStage stage;
        if (s.StartsWith("普通高中", StringComparison.Ordinal))
        {
            stage = SchoolStage.Senior;
            rest = s[4..];
        }
        else if (s.Length > 2)
        {
            stage = s[..2] switch
            {
                "小学" => SchoolStage.Primary,
                "初中" => SchoolStage.Junior,
                "高中" => SchoolStage.Senior,
                "中职" => SchoolStage.Vocational,
                "高职" => SchoolStage.HigherVocational,
                _ => SchoolStage.None,
            };
            rest = s[2..];
        }
        else
        {
            return SchoolStage.None;
        }

        int grade = GradeNumber.OfGradeWord(rest);
        bool fits = stage switch
        {
            SchoolStage.Primary => grade is >= 1 and <= 6,
            SchoolStage.Junior => grade is >= 1 and <= 3 or >= 7 and <= 9,
            SchoolStage.Senior => grade is >= 1 and <= 3 or >= 10 and <= 12,
            SchoolStage.Vocational or SchoolStage.HigherVocational => grade is >= 1 and <= 3,
            _ => false,
        };
        return fits ? stage : SchoolStage.None;
    }
}
