namespace Bidui.Core.Dates;

public static class ReferenceDates
{
    /// <summary>SPEC 3 default: 31 August of the year the current school year (starting 1 September) began.</summary>
    public static DateOnly Default(DateOnly today)
    {
        int startYear = today.Month >= 9 ? today.Year : today.Year - 1;
        return new DateOnly(startYear, 8, 31);
    }
}
