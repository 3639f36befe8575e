using Bidui.Assessment.Indicators;
using Bidui.Core.Regions;

namespace Bidui.Assessment.Scoring;

/// <summary>
/// Scores and ranks counties by a scorecard (docs/ASSESSMENT.md): marks per indicator, a weighted total,
/// ranks within the prefecture, the province and among key counties, and the change since the previous round.
/// </summary>
public static class ScoreBoard
{
    /// <param name="current">County code → its indicator values this round (county 0, unknown, is left out).</param>
    /// <param name="previous">The same for the previous round, or empty.</param>
    public static AssessmentResult Assess(Scorecard card, IReadOnlyDictionary<int, IReadOnlyList<IndicatorValue>> current,
        IReadOnlyDictionary<int, IReadOnlyList<IndicatorValue>> previous, IReadOnlySet<int> keyCounties, RegionTable regions)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(keyCounties);
        ArgumentNullException.ThrowIfNull(regions);
        var now = Score(card, current);
        var before = Score(card, previous);
        Rank(now, keyCounties);
        Rank(before, keyCounties);

        var counties = new List<CountyScore>();
        foreach (var (county, s) in now.OrderBy(kv => kv.Key))
        {
            before.TryGetValue(county, out var b);
            var indicators = s.Indicators.Select(i => i with
            {
                Change = i.Value.Value is { } v && b?.Indicators.FirstOrDefault(x => x.Value.Indicator == i.Value.Indicator)?.Value.Value is { } pv ? v - pv : null,
            }).ToList();
            int prefecture = county / 100 * 100;
            counties.Add(new CountyScore(county, regions.CountyName(county) is { Length: > 0 } name ? name : regions.FullName(county),
                prefecture, regions.PrefectureName(county), keyCounties.Contains(county), indicators,
                s.Total, s.Total is { } t ? card.OverallRag(t) : Rag.None, s.ProvinceRank, s.PrefectureRank, s.KeyRank,
                s.Total is { } t2 && b?.Total is { } bt ? t2 - bt : null,
                s.ProvinceRank is { } r && b?.ProvinceRank is { } br ? br - r : null));
        }
        return new AssessmentResult(card, counties);
    }

    private sealed class Work
    {
        public required List<IndicatorScore> Indicators { get; init; }
        public double? Total { get; init; }
        public int? ProvinceRank { get; set; }
        public int? PrefectureRank { get; set; }
        public int? KeyRank { get; set; }
    }

    private static Dictionary<int, Work> Score(Scorecard card, IReadOnlyDictionary<int, IReadOnlyList<IndicatorValue>> values)
    {
        var result = new Dictionary<int, Work>();
        foreach (var (county, list) in values)
        {
            if (county == 0)
                continue;
            var scored = list.Select(v => (Value: v, Rule: card.RuleOf(v.Indicator))).ToList();
            double weights = scored.Where(x => x.Value.Value is not null && x.Rule is { Weight: > 0 }).Sum(x => x.Rule!.Weight);
            var indicators = new List<IndicatorScore>();
            double sum = 0;
            foreach (var (value, rule) in scored)
            {
                if (value.Value is not { } v || rule is null)
                {
                    indicators.Add(new IndicatorScore(value, rule, null, Rag.None, 0, null));
                    continue;
                }
                double score = rule.Score(v);
                double share = weights > 0 ? rule.Weight / weights : 0;
                sum += share * score;
                indicators.Add(new IndicatorScore(value, rule, score, rule.RagOf(v), share * (100 - score), null));
            }
            result[county] = new Work { Indicators = indicators, Total = weights > 0 ? sum : null };
        }
        return result;
    }

    /// <summary>Competition ranking ("1224") by total, highest first; ties share a rank. Counties without a total have no rank.</summary>
    private static void Rank(Dictionary<int, Work> scores, IReadOnlySet<int> keyCounties)
    {
        var ranked = scores.Where(kv => kv.Value.Total is not null).ToList();
        Assign(ranked, (w, r) => w.ProvinceRank = r);
        foreach (var group in ranked.GroupBy(kv => kv.Key / 100))
            Assign([.. group], (w, r) => w.PrefectureRank = r);
        Assign([.. ranked.Where(kv => keyCounties.Contains(kv.Key))], (w, r) => w.KeyRank = r);
    }

    private static void Assign(List<KeyValuePair<int, Work>> group, Action<Work, int> set)
    {
        // Totals are rounded to 0.01 before comparing, as they are shown: two counties shown with equal totals share a rank.
        foreach (var kv in group)
        {
            double mine = Math.Round(kv.Value.Total!.Value, 2);
            set(kv.Value, 1 + group.Count(o => Math.Round(o.Value.Total!.Value, 2) > mine));
        }
    }
}
