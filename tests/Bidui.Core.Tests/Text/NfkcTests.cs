using System.Text;
using Bidui.Core.Text;

namespace Bidui.Core.Tests.Text;

/// <summary>The fast paths must give exactly what the runtime's NFKC gives.</summary>
public class NfkcTests
{
    [Fact]
    public void Characters_taken_as_stable_are_NFKC_stable()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c))
                continue;
            string s = ((char)c).ToString();
            if (Nfkc.IsStable(s))
                Assert.True(s.IsNormalized(NormalizationForm.FormKC), $"U+{c:X4}");
        }
    }

    [Fact]
    public void Width_mapping_equals_NFKC()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            string s = ((char)c).ToString();
            if (!char.IsSurrogate((char)c) && Nfkc.IsWidthOnly(s))
                Assert.Equal(s.Normalize(NormalizationForm.FormKC), Nfkc.MapWidth((char)c).ToString());
        }
    }

    [Theory]
    [InlineData("在校生（小学）")]
    [InlineData("ＺＨＡＮＧ　ＳＡＮ")]
    [InlineData("阿依古丽·买买提")]
    [InlineData("ｶﾞ")]           // half-width kana compose: the full normaliser is needed
    [InlineData("Ａ\u0301")]      // a combining mark after a full-width letter
    [InlineData("①②")]
    public void Apply_equals_NFKC(string text)
    {
        string? holder = null;
        Span<char> buffer = stackalloc char[Nfkc.StackLimit];

        Assert.Equal(text.Normalize(NormalizationForm.FormKC), Nfkc.Apply(text, buffer, ref holder).ToString());
    }
}
