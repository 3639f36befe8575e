namespace Bidui.Assessment.Indicators;

/// <summary>
/// One indicator of one county in one round: its value in the indicator's unit, and the figures it is
/// made of (a count or an amount over a count; for the median, the median over the closed cases).
/// <see cref="Value"/> is null when the base is empty (no child of compulsory age, no case due …): no value, no score.
/// </summary>
public sealed record IndicatorValue(Indicator Indicator, double? Value, double Numerator, double Denominator)
{
    public IndicatorInfo Info => IndicatorInfo.Of(Indicator);

    /// <summary>numerator ÷ denominator × scale, or no value on an empty base.</summary>
    public static IndicatorValue Ratio(Indicator indicator, double numerator, double denominator, double scale) =>
        new(indicator, denominator > 0 ? numerator / denominator * scale : null, numerator, denominator);

    /// <summary>(1 − numerator ÷ denominator) × 100: the share that is right.</summary>
    public static IndicatorValue Complement(Indicator indicator, double numerator, double denominator) =>
        new(indicator, denominator > 0 ? (1 - numerator / denominator) * 100 : null, numerator, denominator);
}
