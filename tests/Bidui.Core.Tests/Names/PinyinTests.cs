using Bidui.Core.Names;

namespace Bidui.Core.Tests.Names;

public class PinyinTests
{
    [Theory]
    [InlineData('张', "zhang")]
    [InlineData('張', "zhang")]
    [InlineData('王', "wang")]
    [InlineData('李', "li")]
    [InlineData('吕', "lv")]  // ü as v
    [InlineData('女', "nv")]
    [InlineData('欧', "ou")]
    public void Readings_without_tones(char c, string expected)
    {
        Assert.Equal(expected, Pinyin.Of(c));
    }

    [Theory]
    [InlineData('A')]
    [InlineData('1')]
    [InlineData('·')]
    public void No_reading_for_non_Han(char c)
    {
        Assert.Null(Pinyin.Of(c));
    }
}
