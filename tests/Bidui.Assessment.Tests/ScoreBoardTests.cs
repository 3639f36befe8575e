using Bidui.Assessment.Indicators;
using Bidui.Assessment.Scoring;
using Bidui.Core.Regions;

namespace Bidui.Assessment.Tests;

/// <summary>Totals, ranks and changes on three made-up counties, worked out by hand.</summary>
public sealed class ScoreBoardTests
{
    // Two indicators: dropout (weight 1, target 0, zero 20) and aid coverage (weight 3, target 100, zero 90).
    private static readonly Scorecard Card = new("测试", [
        new IndicatorRule(Indicator.DropoutRate, 1, 0, 20, 2, 5),
        new IndicatorRule(Indicator.AidCoverage, 3, 100, 90, 99, 97),
    ], 85, 70);

    private const int Shaodong = 430582, Longhui = 430524, Furong = 430102;

    private static IReadOnlyList<IndicatorValue> Values(double? dropout, double? aid) =>
    [
        new(Indicator.DropoutRate, dropout, 0, 0),
        new(Indicator.AidCoverage, aid, 0, 0),
        new(Indicator.DataQualityRural, 3, 0, 0), // not in the scorecard: shown, not scored
    ];

    [Fact]
    public void Totals_ranks_lights_and_points_lost_are_as_worked_out_by_hand()
    {
        var now = new Dictionary<int, IReadOnlyList<IndicatorValue>>
        {
            // dropout 5 ‰ → 75 marks; aid 99 % → 90 marks; total (75 + 3 × 90) / 4 = 86.25 (green)
            [Shaodong] = Values(5, 99),
            // dropout 0 → 100; aid 95 → 50; total (100 + 150) / 4 = 62.5 (red)
            [Longhui] = Values(0, 95),
            // dropout no value (no child of compulsory age) → aid alone: 98 → 80 marks, total 80 (amber)
            [Furong] = Values(null, 98),
            [0] = Values(50, 10), // unknown county: never scored
        };
        var before = new Dictionary<int, IReadOnlyList<IndicatorValue>>
        {
            [Shaodong] = Values(10, 95),  // (50 + 150) / 4 = 50 → rank 3
            [Longhui] = Values(0, 97),    // (100 + 210) / 4 = 77.5 → rank 1
            [Furong] = Values(null, 96),  // 60 → rank 2
        };
        var result = ScoreBoard.Assess(Card, now, before, new HashSet<int> { Longhui, Furong }, RegionTable.Default);

        Assert.Equal(3, result.Counties.Count);
        var sd = result.Counties.Single(c => c.County == Shaodong);
        var lh = result.Counties.Single(c => c.County == Longhui);
        var fr = result.Counties.Single(c => c.County == Furong);
        Assert.Equal(86.25, sd.Total!.Value, 9);
        Assert.Equal(62.5, lh.Total!.Value, 9);
        Assert.Equal(80, fr.Total!.Value, 9);
        Assert.Equal((Rag.Green, Rag.Red, Rag.Amber), (sd.Rag, lh.Rag, fr.Rag));
        Assert.Equal((1, 3, 2), (sd.ProvinceRank, lh.ProvinceRank, fr.ProvinceRank));
        // 邵阳市 holds 邵东市 and 隆回县; 长沙市 only 芙蓉区.
        Assert.Equal((1, 2, 1), (sd.PrefectureRank, lh.PrefectureRank, fr.PrefectureRank));
        Assert.Equal("邵阳市", sd.PrefectureName);
        Assert.Equal("邵东市", sd.CountyName);
        Assert.Equal(430500, sd.Prefecture);
        // Key counties among themselves: 芙蓉区 80 before 隆回县 62.5; 邵东市 is not key.
        Assert.Equal((null, 2, 1), (sd.KeyRank, lh.KeyRank, fr.KeyRank));
        Assert.Equal([Furong, Longhui], result.KeyCounties.Select(c => c.County));
        Assert.False(sd.IsKey);

        // Changes: 邵东市 86.25 − 50 = +36.25 and from rank 3 to 1 (+2); 隆回县 62.5 − 77.5 = −15, rank 1 → 3 (−2).
        Assert.Equal(36.25, sd.TotalChange!.Value, 9);
        Assert.Equal(2, sd.ProvinceRankChange);
        Assert.Equal(-15, lh.TotalChange!.Value, 9);
        Assert.Equal(-2, lh.ProvinceRankChange);
        Assert.Equal(-5, sd.Of(Indicator.DropoutRate)!.Change!.Value, 9);

        // Where 邵东市 loses points: dropout 1/4 × (100 − 75) = 6.25, aid 3/4 × (100 − 90) = 7.5; 86.25 + 13.75 = 100.
        Assert.Equal(6.25, sd.Of(Indicator.DropoutRate)!.PointsLost, 9);
        Assert.Equal(7.5, sd.Of(Indicator.AidCoverage)!.PointsLost, 9);
        Assert.Equal(Rag.Amber, sd.Of(Indicator.DropoutRate)!.Rag);
        var shown = sd.Of(Indicator.DataQualityRural)!;
        Assert.Null(shown.Score);
        Assert.Equal(Rag.None, shown.Rag);
        Assert.Equal(0, fr.Of(Indicator.DropoutRate)!.PointsLost);
    }

    [Fact]
    public void Equal_totals_share_a_rank_and_a_county_without_any_value_is_not_ranked()
    {
        var now = new Dictionary<int, IReadOnlyList<IndicatorValue>>
        {
            [Shaodong] = Values(5, 99),
            [Longhui] = Values(5, 99),
            [Furong] = Values(null, null),
        };
        var result = ScoreBoard.Assess(Card, now, new Dictionary<int, IReadOnlyList<IndicatorValue>>(), new HashSet<int>(), RegionTable.Default);
        Assert.All(result.Counties.Where(c => c.County != Furong), c => Assert.Equal(1, c.ProvinceRank));
        var fr = result.Counties.Single(c => c.County == Furong);
        Assert.Null(fr.Total);
        Assert.Null(fr.ProvinceRank);
        Assert.Equal(Rag.None, fr.Rag);
        Assert.All(result.Counties, c => Assert.Null(c.TotalChange));
    }
}
