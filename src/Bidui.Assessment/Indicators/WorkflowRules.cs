namespace Bidui.Assessment.Indicators;

/// <summary>
/// Which cases are behind each workflow indicator: its base (denominator) and its numerator. The web's
/// drill-down lists exactly these cases, so the figures and the lists cannot disagree.
/// </summary>
public sealed class WorkflowRules(DateOnly deadline, DateOnly today)
{
    public const string DropoutCategory = "dropout_suspect";

    /// <summary>The deadline has passed (the day after it at the earliest): cases are due.</summary>
    public bool Due => today > deadline;

    /// <summary>Whether the case counts in the indicator's base. For 问题复现率 the base is the previous round's cases.</summary>
    public bool InBase(Indicator indicator, CaseFact c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return indicator switch
        {
            Indicator.DropoutOverdueShare => Due && c.Category == DropoutCategory,
            Indicator.Timeliness => Due,
            Indicator.ClosureRate => true,
            Indicator.MedianDaysToClose => c.Closed,
            Indicator.ReturnRate => c.Submitted,
            Indicator.RecurrenceRate => c.Closed, // of the previous round
            _ => false,
        };
    }

    /// <summary>Whether the case counts in the indicator's numerator. For 问题复现率 it is a case of this round that reappeared.</summary>
    public bool InNumerator(Indicator indicator, CaseFact c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return indicator switch
        {
            Indicator.DropoutOverdueShare => c.ClosedOn is not { } d || d > deadline,
            Indicator.Timeliness => c.ClosedOn is { } d && d <= deadline,
            Indicator.ClosureRate => c.Closed,
            Indicator.MedianDaysToClose => c.Closed,
            Indicator.ReturnRate => c.Returned,
            Indicator.RecurrenceRate => c.Reappeared,
            _ => false,
        };
    }

    /// <summary>Days from dispatch to closure, to a tenth of a day.</summary>
    public static double DaysToClose(CaseFact c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Math.Round((c.ClosedAt!.Value - c.CreatedAt).TotalDays, 1);
    }
}
