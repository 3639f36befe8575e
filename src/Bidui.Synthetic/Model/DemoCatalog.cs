namespace Bidui.Synthetic.Model;

/// <summary>Who a project may pay (SPEC 1.5 对象), as the demo catalogue says it.</summary>
internal enum Audience : byte
{
    Needy,
    All,
    Poverty,
    List,
}

/// <summary>One project of the demo's catalogue: its stages, 对象, 标准 (in 角) and 周期.</summary>
internal sealed record ProjectRule(AidProject Project, Stage[] Stages, Audience Audience, string[] Registers, int MinJiao, int MaxJiao, bool Yearly)
{
    /// <summary>SPEC 4.7: twice the maximum for 学期, the maximum for 学年.</summary>
    public int YearlyJiao => Yearly ? MaxJiao : 2 * MaxJiao;

    public bool Pays(Stage stage) => Stages.Length == 0 || Array.IndexOf(Stages, stage) >= 0;
}

/// <summary>
/// The demo province's aid project catalogue and its other eligibility registers. The amounts are an
/// example (each province sets its own); the generator pays by them and the truth judges by them, so
/// the catalogue file and the truth can only agree through the comparison.
/// </summary>
internal static class DemoCatalog
{
    public const string Dibao = "低保";
    public const string Tekun = "特困";
    public const string Disabled = "残疾人";
    public const string Orphan = "孤儿";

    /// <summary>The registers in the order they are given to compare; 低保 is a workbook, the others CSV.</summary>
    public static readonly string[] Registers = [Dibao, Tekun, Disabled, Orphan];

    /// <summary>类别 texts per register.</summary>
    public static readonly string[][] Kinds =
    [
        ["城市低保", "农村低保"],
        ["分散供养", "集中供养"],
        ["视力残疾一级", "肢体残疾二级", "听力残疾三级", "智力残疾二级", "精神残疾四级"],
        ["孤儿", "事实无人抚养儿童"],
    ];

    private static readonly Stage[] Compulsory = [Stage.Primary, Stage.Middle];

    public static readonly ProjectRule[] Rules =
    [
        new(AidProject.PreschoolAid, [Stage.Preschool], Audience.Needy, [], 5000, 5000, false),
        new(AidProject.CompulsoryLivingAllowance, Compulsory, Audience.Needy, [], 2500, 6250, false),
        new(AidProject.Nutrition, Compulsory, Audience.All, [], 5000, 5000, false),
        new(AidProject.HighSchoolGrant, [Stage.High], Audience.Needy, [], 7500, 12500, false),
        new(AidProject.HighSchoolFeeWaiver, [Stage.High], Audience.Needy, [], 5500, 6000, false),
        new(AidProject.VocationalGrant, [Stage.Vocational], Audience.Needy, [], 10000, 10000, false),
        new(AidProject.VocationalFeeWaiver, [Stage.Vocational], Audience.All, [], 10000, 10000, false),
        new(AidProject.RainDew, [Stage.Vocational], Audience.Poverty, [], 15000, 15000, false),
        new(AidProject.DisabilityAid, [Stage.Primary, Stage.Middle, Stage.High, Stage.Vocational], Audience.List, [Disabled, Orphan], 10000, 10000, true),
    ];

    private static readonly ProjectRule[] ByProject = [.. Rules.OrderBy(r => r.Project)];

    public static ProjectRule Of(AidProject project) => ByProject[(int)project];
}
