using Bidui.Core.Identity;
using Bidui.Matching.Probabilistic;

namespace Bidui.Matching.Tests.Probabilistic;

public class IdDigitsTests
{
    [Theory]
    [InlineData("430121201603010019", "430121201603010019")]
    [InlineData(" 430121 20160301 0019 ", "430121201603010019")] // spaces (SPEC 2.1 normalisation)
    [InlineData("４３０１２１２０１６０３０１００１９", "430121201603010019")] // full width
    [InlineData("43012120160301001x", "43012120160301001X")]
    [InlineData("4301212O16O3010019", "430121201603010019")] // letter O for zero
    [InlineData("43012l201603010019", "430121201603010019")] // letter l for one
    [InlineData("43012120160301001", "43012120160301001")]   // a digit lost: still comparable
    [InlineData("4.30121E+17", null)]                          // Excel destroyed the digits
    [InlineData("430121********0019", null)]                   // masked
    [InlineData("", null)]
    [InlineData("4301212016", null)]
    public void Clean(string cell, string? expected) => Assert.Equal(expected, IdDigits.Clean(cell));

    [Fact]
    public void Region_birth_and_sex_come_from_the_digits_when_they_can()
    {
        Assert.Equal(430121, IdDigits.Region("430121201603010019"));
        Assert.Equal(20160301, IdDigits.Birth("430121201603010019"));
        Assert.Equal(Sex.Male, IdDigits.SexOf("430121201603010019"));
        Assert.Equal(0, IdDigits.Birth("430121201613010019")); // month 13
        Assert.Equal(0, IdDigits.Region(null));
        Assert.Equal(Sex.Unknown, IdDigits.SexOf("43012120160301001"));
    }

    [Fact]
    public void Blocking_keys_agree_across_scripts_spacing_and_homophones()
    {
        Assert.Equal(BlockingKeys.Surname("張偉"), BlockingKeys.Surname("张伟"));
        Assert.Equal(BlockingKeys.Sound("王伟"), BlockingKeys.Sound("王玮"));
        Assert.Equal(BlockingKeys.Sound("王 伟"), BlockingKeys.Sound("王伟"));
        Assert.Equal(BlockingKeys.Sound("阿依古丽•买买提"), BlockingKeys.Sound("阿依古丽·买买提"));
        Assert.NotEqual(BlockingKeys.Sound("王伟"), BlockingKeys.Sound("王芳"));
        Assert.Equal(0, BlockingKeys.Sound(""));
        // The three rules never share a key, and a missing part gives no key.
        long a = BlockingKeys.BirthSurname(20160301, '王'), b = BlockingKeys.CountyBirth(430121, 20160301);
        Assert.NotEqual(a, b);
        Assert.Equal(0, BlockingKeys.BirthSurname(0, '王'));
        Assert.Equal(0, BlockingKeys.CountySound(0, BlockingKeys.Sound("王伟")));
    }

    [Theory]
    [InlineData("王伟", "王伟", true)]
    [InlineData("王 伟", "王伟", true)]
    [InlineData("張偉", "张伟", true)]
    [InlineData("王伟", "王玮", true)]       // read alike
    [InlineData("王伟", "王传", true)]       // one character
    [InlineData("王伟明", "王伟", true)]     // one character more
    [InlineData("阿依古丽•买买提", "阿依古丽·买买提", true)]
    [InlineData("王伟", "王建国", false)]
    [InlineData("王伟", "李娜", false)]
    public void Names_close_enough_to_be_compared(string a, string b, bool close) =>
        Assert.Equal(close, BlockingKeys.NamesClose(a, b));
}
