namespace Bidui.Assessment.Indicators;

/// <summary>Computes the indicators of docs/ASSESSMENT.md for one county; pure functions of the figures.</summary>
public static class IndicatorCalculator
{
    /// <summary>The indicators that need only the comparison (aid ones only when aid was compared, 资助精准率 only with funds).</summary>
    public static IReadOnlyList<IndicatorValue> Comparison(ComparisonCounts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var values = new List<IndicatorValue>
        {
            IndicatorValue.Ratio(Indicator.DropoutRate, c.DropoutSuspects, c.CompulsoryAge, 1000),
        };
        if (c.HasAid)
            values.Add(IndicatorValue.Complement(Indicator.AidCoverage, c.AidMissing, c.AidStageStudents));
        if (c.AidPaid is { } paid && c.MoneyAtRisk is { } risk)
            values.Add(IndicatorValue.Complement(Indicator.AidPrecision, (double)risk, (double)paid));
        values.Add(IndicatorValue.Ratio(Indicator.DataQualityEducation,
            c.InvalidEducation + c.ConflictEducation + c.DuplicateEnrollment, c.EducationRows, 1000));
        values.Add(IndicatorValue.Ratio(Indicator.DataQualityRural,
            c.InvalidRural + c.ConflictRural + c.DuplicatePoverty, c.RuralRows, 1000));
        return values;
    }

    /// <summary>
    /// The workflow indicators of one county's cases in one round. <paramref name="deadline"/> and
    /// <paramref name="today"/> are local dates: a case is due once the deadline has passed, and closed in
    /// time when closed on or before the deadline. <paramref name="previousRound"/> holds the county's
    /// cases of the previous round (empty for the first round: no recurrence rate).
    /// </summary>
    public static IReadOnlyList<IndicatorValue> Workflow(IReadOnlyCollection<CaseFact> cases, DateOnly deadline, DateOnly today,
        IReadOnlyCollection<CaseFact> previousRound)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(previousRound);
        var rule = new WorkflowRules(deadline, today);
        var values = new List<IndicatorValue>();
        foreach (var info in IndicatorInfo.All.Where(i => i.Source == IndicatorSource.Workflow))
        {
            var indicator = info.Indicator;
            if (indicator == Indicator.MedianDaysToClose)
            {
                var days = cases.Where(c => c.Closed).Select(WorkflowRules.DaysToClose).Order().ToList();
                values.Add(new IndicatorValue(indicator, days.Count == 0 ? null : Median(days), days.Count == 0 ? 0 : Median(days), days.Count));
                continue;
            }
            var basis = indicator == Indicator.RecurrenceRate ? previousRound : cases;
            double denominator = basis.Count(c => rule.InBase(indicator, c));
            double numerator = indicator == Indicator.RecurrenceRate
                ? cases.Count(c => rule.InNumerator(indicator, c))
                : basis.Count(c => rule.InBase(indicator, c) && rule.InNumerator(indicator, c));
            values.Add(IndicatorValue.Ratio(indicator, numerator, denominator, 100));
        }
        return values;
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
