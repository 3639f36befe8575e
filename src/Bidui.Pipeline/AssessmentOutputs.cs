using System.Globalization;
using Bidui.Assessment.Indicators;
using Bidui.Assessment.Scoring;
using Bidui.Core.Regions;
using Bidui.Matching.Categories;
using Bidui.Pipeline.Results;
using Bidui.Reports;

namespace Bidui.Pipeline;

/// <summary>
/// The comparison-only indicators of every county (docs/ASSESSMENT.md) with their score and rank by the
/// scorecard, as the summary workbook's 考核指标 sheet and the report's section. Built from the same
/// tally as summary.json, through the same <see cref="CountySummary"/> that assessment reads back.
/// </summary>
internal static class AssessmentOutputs
{
    private static readonly IReadOnlyList<IndicatorInfo> Shown = [.. IndicatorInfo.All.Where(i => i.Source == IndicatorSource.Comparison)];

    public static AssessmentResult Assess(ResultTally tally, RegionTable regions, Scorecard card)
    {
        bool hasAid = tally.Lists.Any(l => l.Category == Category.AidMissing);
        var values = Counties(tally).Where(kv => kv.Key != 0)
            .ToDictionary(kv => kv.Key, kv => IndicatorCalculator.Comparison(kv.Value.ToComparisonCounts(hasAid)));
        return ScoreBoard.Assess(card, values, new Dictionary<int, IReadOnlyList<IndicatorValue>>(), tally.KeyCounties ?? new HashSet<int>(), regions);
    }

    /// <summary>Every county of the tally as summary.json `counties` describes it.</summary>
    public static SortedDictionary<int, CountySummary> Counties(ResultTally tally)
    {
        var funds = tally.Funds?.ByCounty();
        var result = new SortedDictionary<int, CountySummary>();
        foreach (int county in tally.ByCounty.Keys.Union(tally.Bases.ByCounty.Keys))
        {
            var lists = tally.ByCounty.GetValueOrDefault(county);
            var b = tally.Bases.ByCounty.GetValueOrDefault(county) ?? new Bidui.Matching.Records.CountyBase();
            var f = funds?.GetValueOrDefault(county);
            result[county] = new CountySummary(
                tally.Lists.ToDictionary(l => CategoryInfo.Of(l.Category).Code, l => lists?.GetValueOrDefault(l.Category) ?? 0),
                b.EducationRows, b.RuralRows, b.CompulsoryAge, b.CompulsoryEnrolled, b.AidStageStudents,
                b.InvalidEducation, b.InvalidRural, b.ConflictEducation, b.ConflictRural,
                funds is null ? null : f?.Paid ?? 0, funds is null ? null : f?.AtRisk ?? 0);
        }
        return result;
    }

    public const string Hint = "只含无需核查工作即可计算的指标；核查及时率、办结率等在网页“考核评估”中。得分按考核评分标准（默认示例）换算为百分制，" +
        "总分为有值指标按权重的加权平均；排名按总分从高到低。指标定义见 docs/ASSESSMENT.md。";

    private static string[] Headers(AssessmentResult a) =>
    [
        "县级代码", "县", "市", "重点帮扶县",
        .. Shown.Select(i => $"{i.Name}（{i.Unit}）"),
        "比对指标得分", "等级", "省内排名", "市内排名", .. a.Counties.Any(c => c.IsKey) ? new[] { "重点县排名" } : [],
    ];

    private static List<string[]> Rows(AssessmentResult a) => [.. a.Counties.Select(c => (string[])[
        c.County.ToString("D6", CultureInfo.InvariantCulture), c.CountyName, c.PrefectureName, c.IsKey ? "是" : "",
        .. Shown.Select(i => c.Of(i.Indicator)?.Value.Value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—"),
        c.Total is { } t ? t.ToString("0.00", CultureInfo.InvariantCulture) : "—",
        RagText(c.Rag), c.ProvinceRank?.ToString(CultureInfo.InvariantCulture) ?? "—", c.PrefectureRank?.ToString(CultureInfo.InvariantCulture) ?? "—",
        .. a.Counties.Any(x => x.IsKey) ? new[] { c.KeyRank?.ToString(CultureInfo.InvariantCulture) ?? "" } : [],
    ])];

    public static string RagText(Rag rag) => rag switch { Rag.Green => "绿", Rag.Amber => "黄", Rag.Red => "红", _ => "—" };

    public static SheetSpec Sheet(AssessmentResult a) =>
        new("考核指标", [.. Headers(a).Select(h => new SheetColumn(h))], Rows(a));

    public static ReportAssessment Report(AssessmentResult a) => new(Hint, Headers(a), Rows(a));
}
