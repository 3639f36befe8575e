using Bidui.Core.Text;

namespace Bidui.Core.Schooling;

/// <summary>
/// The age (whole years on 31 August, the start of the school year) at which children are usually in a
/// grade: 小班 3, 中班 4, 大班 5, 一年级 6 … 九年级 14, 高一 15 … 高三 17, 中职一年级 15. When only the
/// stage is known, the ages of the stage. Children start a year early or late and repeat a grade, so a
/// comparison allows a year either way.
/// </summary>
public static class TypicalAge
{
    /// <summary>The usual ages (Min ≤ Max) of a grade, or of the stage when the grade cannot be read; (0, 0) when neither is known.</summary>
    public static (int Min, int Max) Of(SchoolStage stage, ReadOnlySpan<char> gradeCell)
    {
        int age = OfGrade(gradeCell);
        if (age != 0)
            return (age, age);
        return stage switch
        {
            SchoolStage.Preschool => (3, 5),
            SchoolStage.Primary => (6, 11),
            SchoolStage.Junior => (12, 14),
            SchoolStage.Senior => (15, 17),
            SchoolStage.Vocational => (15, 17),
            _ => (0, 0),
        };
    }

    private static int OfGrade(ReadOnlySpan<char> cell)
    {
        string? holder = null;
        Span<char> nfkcBuffer = stackalloc char[Nfkc.StackLimit];
        ReadOnlySpan<char> s = Nfkc.ApplyTrim(cell, nfkcBuffer, ref holder);
        switch (s)
        {
            case "托班": return 2;
            case "小班": return 3;
            case "中班": return 4;
            case "大班" or "学前班": return 5;
            case "初一": return 12;
            case "初二": return 13;
            case "初三": return 14;
            case "高一": return 15;
            case "高二": return 16;
            case "高三": return 17;
        }
        int overall = GradeNumber.Parse(s);
        if (overall == 0)
            overall = GradeNumber.OfGradeWord(s);
        if (overall != 0)
            return overall + 5;
        if (s.Length <= 2)
            return 0;
        // "小学三年级", "初中一年级", "高中二年级", "中职一年级": the grade counts within the stage (or overall).
        int within = GradeNumber.OfGradeWord(s.StartsWith("普通高中", StringComparison.Ordinal) ? s[4..] : s[2..]);
        if (within == 0)
            return 0;
        return (s.StartsWith("普通高中", StringComparison.Ordinal) ? "高中" : s[..2]) switch
        {
            "小学" => within + 5,
            "初中" => within <= 3 ? within + 11 : within + 5,
            "高中" => within <= 3 ? within + 14 : within + 5,
            "中职" => within + 14,
            _ => 0,
        };
    }
}
