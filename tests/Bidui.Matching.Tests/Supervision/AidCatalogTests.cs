using Bidui.Core.Schooling;
using Bidui.Matching.Supervision;

namespace Bidui.Matching.Tests.Supervision;

/// <summary>SPEC §4.7: amounts, and the catalogue's cells.</summary>
public class AidCatalogTests
{
    [Theory]
    [InlineData("500", 500)]
    [InlineData("500.00", 500)]
    [InlineData(" 1,000.00 ", 1000)]
    [InlineData("１２３４.５", 1234.5)]
    [InlineData("312.5", 312.5)]
    public void Valid_amounts(string cell, double value) => Assert.Equal((decimal)value, AidAmount.Parse(cell));

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("-500")]
    [InlineData("伍佰元")]
    [InlineData("1,2")]
    [InlineData("1,0000")]
    [InlineData("500.")]
    [InlineData("1e3")]
    public void Amounts_that_are_not_a_positive_number(string cell) => Assert.Null(AidAmount.Parse(cell));

    [Fact]
    public void Funds_round_half_up() => Assert.Equal("0.13", AidAmount.Format(0.125m));

    [Theory]
    [InlineData("1000", 1000, 1000)]
    [InlineData("1000-3000", 1000, 3000)]
    [InlineData("1000～3000元", 1000, 3000)]
    [InlineData("1000 至 3000", 1000, 3000)]
    [InlineData("1,500元", 1500, 1500)]
    public void Standards(string cell, int min, int max)
    {
        var (lo, hi) = AidCatalog.ParseStandard(cell, out string? error);
        Assert.Null(error);
        Assert.Equal((min, max), ((int)lo!.Value, (int)hi!.Value));
    }

    [Theory]
    [InlineData("3000-1000")]
    [InlineData("一千")]
    [InlineData("0")]
    [InlineData("1000-2000-3000")]
    public void Bad_standards(string cell)
    {
        AidCatalog.ParseStandard(cell, out string? error);
        Assert.NotNull(error);
    }

    [Fact]
    public void Stages_and_audiences()
    {
        Assert.Equal([SchoolStage.Preschool, SchoolStage.Senior, SchoolStage.Vocational],
            AidCatalog.ParseStages("幼儿园、普通高中，中等职业教育", out var error));
        Assert.Null(error);
        Assert.Empty(AidCatalog.ParseStages(" ", out error));
        AidCatalog.ParseStages("大学", out error);
        Assert.NotNull(error);

        Assert.Equal(AudienceKind.Needy, AidCatalog.ParseAudience("", out _).Kind);
        Assert.Equal(AudienceKind.All, AidCatalog.ParseAudience("全体", out _).Kind);
        Assert.Equal(AudienceKind.Poverty, AidCatalog.ParseAudience(" 脱贫 ", out _).Kind);
        var (kind, items) = AidCatalog.ParseAudience("脱贫、 低保,特困", out error);
        Assert.Equal(AudienceKind.List, kind);
        Assert.Equal(["脱贫", "低保", "特困"], items);
        Assert.Equal(["孤儿"], AidCatalog.ParseAudience("孤儿", out _).Items);
        AidCatalog.ParseAudience("全体、低保", out error);
        Assert.NotNull(error);
    }

    [Fact]
    public void The_yearly_standard_is_twice_a_term_or_one_year()
    {
        var term = new AidProject { Name = "a", Key = "a", Minimum = 500, Maximum = 1000, Period = AidPeriod.Term };
        Assert.Equal(2000m, term.YearlyStandard);
        Assert.Equal(1000m, (term with { Period = AidPeriod.Year }).YearlyStandard);
        Assert.Equal(AidPeriod.Year, AidCatalog.ParsePeriod("每学年", out _));
        AidCatalog.ParsePeriod("每月", out var error);
        Assert.NotNull(error);
    }
}
