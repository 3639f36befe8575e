using Bidui.Assessment.Indicators;

namespace Bidui.Assessment.Scoring;

/// <summary>One indicator of a county as scored: its value, marks (0–100), light, the points of the total it costs, and its change.</summary>
/// <param name="PointsLost">Points of the 100-point total lost on this indicator: its share of the weights × (100 − score).</param>
/// <param name="Change">Value now minus value in the previous round; null when either has none.</param>
public sealed record IndicatorScore(IndicatorValue Value, IndicatorRule? Rule, double? Score, Rag Rag, double PointsLost, double? Change);

/// <summary>A county's assessment in one round.</summary>
/// <param name="Total">Weighted mean of the scores of the indicators that have a value (weights of the others left out); null when none has.</param>
/// <param name="TotalChange">Total now minus the previous round's total.</param>
/// <param name="ProvinceRankChange">Previous rank minus this rank: positive means the county moved up.</param>
public sealed record CountyScore(
    int County,
    string CountyName,
    int Prefecture,
    string PrefectureName,
    bool IsKey,
    IReadOnlyList<IndicatorScore> Indicators,
    double? Total,
    Rag Rag,
    int? ProvinceRank,
    int? PrefectureRank,
    int? KeyRank,
    double? TotalChange,
    int? ProvinceRankChange)
{
    public IndicatorScore? Of(Indicator indicator) => Indicators.FirstOrDefault(i => i.Value.Indicator == indicator);
}

/// <summary>Every county's assessment in one round, ranked; key counties also on their own.</summary>
public sealed record AssessmentResult(Scorecard Scorecard, IReadOnlyList<CountyScore> Counties)
{
    /// <summary>The key counties (重点帮扶县), by their rank among themselves.</summary>
    public IEnumerable<CountyScore> KeyCounties => Counties.Where(c => c.IsKey).OrderBy(c => c.KeyRank ?? int.MaxValue).ThenBy(c => c.County);
}
