using Bidui.Core.Identity;

namespace Bidui.Core.Tests.Identity;

public class SexTextTests
{
    [Theory]
    [InlineData("男", Sex.Male)]
    [InlineData(" 男性 ", Sex.Male)]
    [InlineData("M", Sex.Male)]
    [InlineData("m", Sex.Male)]
    [InlineData("1", Sex.Male)]
    [InlineData("女", Sex.Female)]
    [InlineData("女性", Sex.Female)]
    [InlineData("F", Sex.Female)]
    [InlineData("2", Sex.Female)]
    [InlineData("", Sex.Unknown)]
    [InlineData("未知", Sex.Unknown)]
    [InlineData("0", Sex.Unknown)]
    [InlineData("9", Sex.Unknown)]
    public void Parse_reads_common_spellings(string cell, Sex expected)
    {
        Assert.Equal(expected, SexText.Parse(cell));
    }

    [Theory]
    [InlineData(Sex.Male, "男")]
    [InlineData(Sex.Female, "女")]
    [InlineData(Sex.Unknown, "")]
    public void ToChinese_names_the_sex(Sex sex, string expected)
    {
        Assert.Equal(expected, sex.ToChinese());
    }
}
