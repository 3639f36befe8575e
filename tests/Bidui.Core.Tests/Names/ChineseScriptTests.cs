using Bidui.Core.Names;

namespace Bidui.Core.Tests.Names;

public class ChineseScriptTests
{
    [Theory]
    [InlineData('張', '张')]
    [InlineData('偉', '伟')]
    [InlineData('麼', '么')]
    [InlineData('幹', '干')]
    [InlineData('臺', '台')]
    [InlineData('乾', '乾')] // its variants include itself
    [InlineData('台', '台')]
    [InlineData('张', '张')]
    [InlineData('A', 'A')]
    public void Characters(char traditional, char simplified)
    {
        Assert.Equal(simplified, ChineseScript.ToSimplified(traditional));
    }

    [Fact]
    public void Strings()
    {
        Assert.Equal("欧阳国华", ChineseScript.ToSimplified("歐陽國華"));
    }

    [Fact]
    public void An_unchanged_string_is_the_same_instance()
    {
        const string simplified = "欧阳国华";

        Assert.Same(simplified, ChineseScript.ToSimplified(simplified));
    }
}
