using Bidui.Core.Dates;

namespace Bidui.Core.Tests.Dates;

public class FlexibleDateTests
{
    [Theory]
    [InlineData("2023-03-05", 2023, 3, 5)]
    [InlineData("2023-3-5", 2023, 3, 5)]
    [InlineData("2023/3/5", 2023, 3, 5)]
    [InlineData("2023/03/05", 2023, 3, 5)]
    [InlineData("2023.3.5", 2023, 3, 5)]
    [InlineData("2023.03.05", 2023, 3, 5)]
    [InlineData("20230305", 2023, 3, 5)]
    [InlineData("2023年3月5日", 2023, 3, 5)]
    [InlineData("2023年03月05日", 2023, 3, 5)]
    [InlineData("2023年3月5", 2023, 3, 5)]
    [InlineData("２０２３年３月５日", 2023, 3, 5)]
    [InlineData("2023-03-05 12:34:56", 2023, 3, 5)]
    [InlineData("2023/3/5 0:00:00", 2023, 3, 5)]
    [InlineData("2023-03-05T08:00:00", 2023, 3, 5)]
    [InlineData(" 2023-03-05 ", 2023, 3, 5)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("45000", 2023, 3, 15)]       // Excel serial
    [InlineData("45000.75", 2023, 3, 15)]    // time of day ignored
    [InlineData("1", 1900, 1, 1)]
    [InlineData("59", 1900, 2, 28)]
    [InlineData("61", 1900, 3, 1)]           // after Excel's phantom 1900-02-29
    [InlineData("2958465", 9999, 12, 31)]
    [InlineData("36526", 2000, 1, 1)]
    public void Accepted_forms(string text, int year, int month, int day)
    {
        Assert.True(FlexibleDate.TryParse(text, out DateOnly date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2023-02-30")]
    [InlineData("20230230")]
    [InlineData("2023年2月30日")]
    [InlineData("2023-13-01")]
    [InlineData("2023-00-10")]
    [InlineData("2023-03/05")]   // mixed separators
    [InlineData("2023-03-05x")]
    [InlineData("2023-003-05")]
    [InlineData("23-03-05")]
    [InlineData("0")]
    [InlineData("2016")]                     // a bare year, not the serial 1905-07-08
    [InlineData("1900")]
    [InlineData("60")]           // 1900-02-29 never was
    [InlineData("2958466")]
    [InlineData("-45000")]
    [InlineData("abc")]
    [InlineData("2023年")]
    public void Rejected_forms(string text)
    {
        Assert.False(FlexibleDate.TryParse(text, out _));
    }
}
