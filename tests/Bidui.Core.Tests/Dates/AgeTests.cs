using Bidui.Core.Dates;

namespace Bidui.Core.Tests.Dates;

public class AgeTests
{
    private static readonly DateOnly Reference = new(2026, 8, 31);

    [Theory]
    [InlineData("2010-08-31", 16)] // birthday on the reference date: the year is complete
    [InlineData("2010-09-01", 15)] // one day short
    [InlineData("2020-08-31", 6)]
    [InlineData("2020-09-01", 5)]
    [InlineData("2026-08-31", 0)]
    public void Whole_years_completed(string birth, int expected)
    {
        Assert.Equal(expected, Age.On(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), Reference));
    }

    [Theory]
    [InlineData(2026, 2, 28, 5)]
    [InlineData(2026, 3, 1, 6)]
    [InlineData(2028, 2, 29, 8)]
    public void Leap_day_birthdays_complete_on_the_first_of_march(int year, int month, int day, int expected)
    {
        Assert.Equal(expected, Age.On(new DateOnly(2020, 2, 29), new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    [InlineData(15, true)]
    [InlineData(16, false)]
    public void Compulsory_school_band_is_6_to_15(int age, bool expected)
    {
        Assert.Equal(expected, AgeBand.CompulsorySchool.Contains(age));
        Assert.Equal(new AgeBand(6, 15), AgeBand.CompulsorySchool);
    }
}
