using Bidui.Assessment.Indicators;
using Bidui.Assessment.Scoring;

namespace Bidui.Assessment.Tests;

public sealed class ScorecardTests
{
    [Fact]
    public void The_default_scorecard_parses_and_scores_every_indicator()
    {
        var card = Scorecard.Default;
        Assert.Equal(IndicatorInfo.All.Count, card.Rules.Count);
        Assert.All(card.Rules, r => Assert.True(r.Weight > 0));
        Assert.Contains("默认", card.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(99.0, 90.0)]   // higher is better: target 100, zero 90 → (99 − 90) / 10 = 90 marks
    [InlineData(100.0, 100.0)]
    [InlineData(85.0, 0.0)]
    public void Higher_is_better_scores_on_a_straight_line(double value, double marks)
    {
        var rule = new IndicatorRule(Indicator.AidCoverage, 10, 100, 90, 99, 97);
        Assert.Equal(marks, rule.Score(value), 9);
    }

    [Theory]
    [InlineData(5.0, 75.0, Rag.Amber)] // lower is better: target 0, zero 20 → (5 − 20) / (0 − 20) = 75 marks
    [InlineData(2.0, 90.0, Rag.Green)]
    [InlineData(25.0, 0.0, Rag.Red)]
    public void Lower_is_better_scores_and_lights(double value, double marks, Rag rag)
    {
        var rule = new IndicatorRule(Indicator.DropoutRate, 10, 0, 20, 2, 5);
        Assert.Equal(marks, rule.Score(value), 9);
        Assert.Equal(rag, rule.RagOf(value));
    }

    [Theory]
    [InlineData("{", "", "不是有效的 JSON")]
    [InlineData("""{"indicators":{"dropout_rate":{"weight":1,"target":0,"zero":20,"green":2,"amber":5}}}""", "overall", "缺少此项")]
    [InlineData("""{"overall":{"green":85,"amber":70},"indicators":{"drop_rate":{"weight":1,"target":0,"zero":20,"green":2,"amber":5}}}""", "indicators.drop_rate", "没有这个指标")]
    [InlineData("""{"overall":{"green":85,"amber":70},"indicators":{"dropout_rate":{"weight":1,"target":20,"zero":0,"green":2,"amber":5}}}""", "indicators.dropout_rate.target", "越小越好")]
    [InlineData("""{"overall":{"green":85,"amber":70},"indicators":{"aid_coverage":{"weight":1,"target":100,"zero":90,"green":95,"amber":97}}}""", "indicators.aid_coverage.green", "不应小于")]
    [InlineData("""{"overall":{"green":85,"amber":70},"indicators":{"aid_coverage":{"weight":-1,"target":100,"zero":90,"green":99,"amber":97}}}""", "indicators.aid_coverage.weight", "负数")]
    [InlineData("""{"overall":{"green":85,"amber":70},"indicators":{"aid_coverage":{"weight":1,"target":120,"zero":90,"green":99,"amber":97}}}""", "indicators.aid_coverage.target", "0–100")]
    [InlineData("""{"overall":{"green":85,"amber":70},"indicators":{"aid_coverage":{"weight":1,"target":"100","zero":90,"green":99,"amber":97}}}""", "indicators.aid_coverage.target", "应为数字")]
    [InlineData("""{"overall":{"green":85,"amber":70},"indicators":{"aid_coverage":{"weight":1,"zero":90,"green":99,"amber":97}}}""", "indicators.aid_coverage.target", "缺少此项")]
    [InlineData("""{"overall":{"green":85,"amber":70},"indicators":{"aid_coverage":{"weight":1,"target":100,"zero":90,"green":99,"amber":97,"red":1}}}""", "indicators.aid_coverage.red", "没有这个字段")]
    [InlineData("""{"overall":{"green":60,"amber":70},"indicators":{"aid_coverage":{"weight":1,"target":100,"zero":90,"green":99,"amber":97}}}""", "overall.amber", "高于绿灯")]
    [InlineData("""{"overall":{"green":85,"amber":70},"indicators":{"aid_coverage":{"weight":0,"target":100,"zero":90,"green":99,"amber":97}}}""", "indicators", "权重大于 0")]
    public void A_wrong_scorecard_is_refused_naming_file_and_field(string json, string field, string words)
    {
        var e = Assert.Throws<ScorecardException>(() => Scorecard.Parse(json, "考核标准.json"));
        Assert.Equal(field, e.Field);
        Assert.Contains("考核标准.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(words, e.Message, StringComparison.Ordinal);
        if (field.Length > 0)
            Assert.Contains($"“{field}”", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed_and_left_out_indicators_are_not_scored()
    {
        var card = Scorecard.Parse("""
            // 省里的标准
            { "overall": { "green": 80, "amber": 60, },
              "indicators": { "aid_coverage": { "weight": 3, "target": 100, "zero": 80, "green": 98, "amber": 95 } } }
            """, "x.json");
        Assert.Single(card.Rules);
        Assert.Null(card.RuleOf(Indicator.DropoutRate));
        Assert.Equal("考核评分标准", card.Name);
    }
}
