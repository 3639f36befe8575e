using Bidui.Core.Dates;

namespace Bidui.Core.Tests.Dates;

public class ReferenceDatesTests
{
    [Theory]
    [InlineData("2026-11-29", "2026-08-31")]
    [InlineData("2026-03-01", "2025-08-31")]
    [InlineData("2026-09-01", "2026-08-31")]
    [InlineData("2026-08-31", "2025-08-31")]
    [InlineData("2026-01-01", "2025-08-31")]
    [InlineData("2026-12-31", "2026-08-31")]
    public void Default_is_the_eve_of_the_current_school_year(string today, string expected)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(DateOnly.Parse(expected, culture), ReferenceDates.Default(DateOnly.Parse(today, culture)));
    }
}
