using Bidui.Core.Names;

namespace Bidui.Core.Tests.Names;

public class PersonNameTests
{
    [Theory]
    [InlineData("张伟", "张伟")]
    [InlineData("張偉", "张伟")]                       // traditional → simplified
    [InlineData(" 张 伟 ", "张伟")]                    // white space inside a Han name goes
    [InlineData("张\u3000伟", "张伟")]
    [InlineData("张\t伟\u00A0", "张伟")]
    [InlineData("ＺＨＡＮＧ　ＳＡＮ", "ZHANG SAN")]       // full width via NFKC
    [InlineData("Zhang  San", "ZHANG SAN")]            // non-Han: one space, upper case
    [InlineData(" zhang san ", "ZHANG SAN")]
    [InlineData("乾隆", "乾隆")]                       // 乾 is its own simplified form
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Comparison_form(string raw, string expected)
    {
        Assert.Equal(expected, PersonName.ComparisonForm(raw));
    }

    [Theory]
    [InlineData("阿依古丽·买买提")]
    [InlineData("阿依古丽•买买提")]  // bullet
    [InlineData("阿依古丽・买买提")] // katakana middle dot
    [InlineData("阿依古丽･买买提")]  // half-width katakana middle dot
    [InlineData("阿依古丽‧买买提")]  // hyphenation point
    [InlineData("阿依古丽∙买买提")]  // bullet operator
    [InlineData("阿依古丽⋅买买提")]  // dot operator
    [InlineData("阿依古丽．买买提")] // full-width full stop
    [InlineData("阿依古丽.买买提")]  // full stop between Han characters
    [InlineData("阿依古丽 · 买买提")]
    [InlineData("阿依古麗·買買提")]  // and traditional characters
    public void Middle_dot_look_alikes_compare_equal(string raw)
    {
        Assert.Equal("阿依古丽\u00B7买买提", PersonName.ComparisonForm(raw));
    }

    [Theory]
    [InlineData("A.B", "A·B")]
    [InlineData("J.R.", "J·R.")]  // a full stop after the last letter stays
    [InlineData(".张三", ".张三")]
    [InlineData("张三.", "张三.")]
    [InlineData("1.2", "1.2")]
    public void A_full_stop_is_a_middle_dot_only_between_letters(string raw, string expected)
    {
        Assert.Equal(expected, PersonName.ComparisonForm(raw));
    }

    [Fact]
    public void Null_gives_empty()
    {
        Assert.Equal("", PersonName.ComparisonForm(null));
    }

    [Theory]
    [InlineData("张伟")]
    [InlineData("ZHANG SAN")]
    [InlineData("阿依古丽·买买提")]
    public void A_name_already_in_form_is_returned_as_is(string name)
    {
        Assert.Same(name, PersonName.ComparisonForm(name));
    }

    [Fact]
    public void Long_names_work()
    {
        string name = string.Concat(Enumerable.Repeat("張 ", 100));

        Assert.Equal(new string('张', 100), PersonName.ComparisonForm(name));
    }
}
