using Bidui.Assessment.Indicators;

namespace Bidui.Assessment.Tests;

/// <summary>Each indicator on small made-up figures, against values worked out by hand.</summary>
public sealed class IndicatorTests
{
    private static double? Value(IReadOnlyList<IndicatorValue> values, Indicator i) => values.Single(v => v.Indicator == i).Value;

    [Fact]
    public void Comparison_indicators_follow_their_definitions()
    {
        var values = IndicatorCalculator.Comparison(new ComparisonCounts
        {
            DropoutSuspects = 3, CompulsoryAge = 400,          // 3 / 400 × 1000 = 7.5 ‰
            HasAid = true, AidMissing = 5, AidStageStudents = 250, // (1 − 5/250) × 100 = 98 %
            AidPaid = 200_000m, MoneyAtRisk = 3_000m,          // (1 − 3000/200000) × 100 = 98.5 %
            InvalidEducation = 4, ConflictEducation = 2, DuplicateEnrollment = 6, EducationRows = 2_000, // 12/2000 × 1000 = 6 ‰
            InvalidRural = 1, ConflictRural = 0, DuplicatePoverty = 4, RuralRows = 500,                  // 5/500 × 1000 = 10 ‰
        });
        Assert.Equal(7.5, Value(values, Indicator.DropoutRate)!.Value, 9);
        Assert.Equal(98, Value(values, Indicator.AidCoverage)!.Value, 9);
        Assert.Equal(98.5, Value(values, Indicator.AidPrecision)!.Value, 9);
        Assert.Equal(6, Value(values, Indicator.DataQualityEducation)!.Value, 9);
        Assert.Equal(10, Value(values, Indicator.DataQualityRural)!.Value, 9);
        var dropout = values.Single(v => v.Indicator == Indicator.DropoutRate);
        Assert.Equal((3d, 400d), (dropout.Numerator, dropout.Denominator));
    }

    [Fact]
    public void Without_aid_or_funds_those_indicators_are_absent_and_an_empty_base_gives_no_value()
    {
        var values = IndicatorCalculator.Comparison(new ComparisonCounts { DropoutSuspects = 0, CompulsoryAge = 0, RuralRows = 10 });
        Assert.DoesNotContain(values, v => v.Indicator is Indicator.AidCoverage or Indicator.AidPrecision);
        Assert.Null(Value(values, Indicator.DropoutRate));
        Assert.Null(Value(values, Indicator.DataQualityEducation));
        Assert.Equal(0, Value(values, Indicator.DataQualityRural));
    }

    private static readonly DateTime T0 = new(2026, 9, 10, 2, 0, 0, DateTimeKind.Utc);

    private static CaseFact Case(long id, string category = "aid_missing", double? closedAfterDays = null, bool submitted = false,
        bool returned = false, bool reappeared = false)
    {
        DateTime? closed = closedAfterDays is { } d ? T0.AddDays(d) : null;
        return new CaseFact(id, 430582, category, T0, closed, closed is { } c ? DateOnly.FromDateTime(c.AddHours(8)) : null,
            submitted || closed is not null, returned, reappeared);
    }

    [Fact]
    public void Workflow_indicators_count_the_cases_by_hand()
    {
        // Deadline 2026-09-30, assessed on 2026-10-05 (due). Cases created 2026-09-10 10:00 Beijing time.
        var cases = new[]
        {
            Case(1, closedAfterDays: 2),                                  // closed 09-12, in time, 2 days
            Case(2, closedAfterDays: 10, returned: true),                 // closed 09-20, in time, 10 days, was returned once
            Case(3, closedAfterDays: 25),                                 // closed 10-05: late, 25 days
            Case(4, submitted: true),                                     // waiting for review
            Case(5, "dropout_suspect", closedAfterDays: 5),               // dropout closed in time
            Case(6, "dropout_suspect", reappeared: true),                 // dropout still open: overdue; reappeared after closure
            Case(7, "dropout_suspect", submitted: true, returned: true),  // dropout open after a return: overdue
        };
        var previous = new[] { Case(100, closedAfterDays: 1), Case(101, closedAfterDays: 3), Case(102), Case(103, closedAfterDays: 4) };
        var values = IndicatorCalculator.Workflow(cases, new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 5), previous);

        Assert.Equal(200.0 / 3, Value(values, Indicator.DropoutOverdueShare)!.Value, 9); // 2 of 3 dropout cases
        Assert.Equal(300.0 / 7, Value(values, Indicator.Timeliness)!.Value, 9);          // cases 1, 2, 5 of 7
        Assert.Equal(400.0 / 7, Value(values, Indicator.ClosureRate)!.Value, 9);         // 1, 2, 3, 5 of 7
        Assert.Equal(7.5, Value(values, Indicator.MedianDaysToClose)!.Value, 9);         // 2, 5, 10, 25 → (5 + 10) / 2
        Assert.Equal(200.0 / 6, Value(values, Indicator.ReturnRate)!.Value, 9);          // 2 and 7 of the 6 submitted (all but 6)
        Assert.Equal(100.0 / 3, Value(values, Indicator.RecurrenceRate)!.Value, 9);      // 1 reappeared of 3 closed before
    }

    [Fact]
    public void Before_the_deadline_nothing_is_due_and_the_first_round_has_no_recurrence()
    {
        var values = IndicatorCalculator.Workflow([Case(1, closedAfterDays: 1), Case(2, "dropout_suspect")],
            new DateOnly(2026, 9, 30), new DateOnly(2026, 9, 30), []);
        Assert.Null(Value(values, Indicator.Timeliness));
        Assert.Null(Value(values, Indicator.DropoutOverdueShare));
        Assert.Null(Value(values, Indicator.RecurrenceRate));
        Assert.Equal(50, Value(values, Indicator.ClosureRate));
        Assert.Equal(1, Value(values, Indicator.MedianDaysToClose));
    }

    [Fact]
    public void Every_indicator_has_a_unique_code_and_a_definition()
    {
        Assert.Equal(Enum.GetValues<Indicator>().Length, IndicatorInfo.All.Count);
        Assert.Equal(IndicatorInfo.All.Count, IndicatorInfo.All.Select(i => i.Code).Distinct().Count());
        Assert.All(IndicatorInfo.All, i => Assert.Equal(i, IndicatorInfo.Of(i.Indicator)));
        Assert.All(IndicatorInfo.All, i => Assert.NotEmpty(i.Definition));
    }
}
