using System.Text;

namespace Bidui.Core.Text;

/// <summary>
/// NFKC for table cells without calling the runtime normaliser on the common path: ASCII and CJK
/// unified ideographs are already NFKC, so only other text pays for normalisation.
/// </summary>
internal static class Nfkc
{
    /// <summary>True when the text is certainly unchanged by NFKC.</summary>
    public static bool IsStable(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (c >= 0x80 && !CharClass.IsUnifiedIdeograph(c))
                return false;
        }
        return true;
    }

    /// <summary>
    /// True when every character is ASCII, full-width ASCII or U+3000, for which NFKC is a simple
    /// per-character mapping (see <see cref="MapWidth"/>).
    /// </summary>
    public static bool IsWidthOnly(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (c >= 0x80 && !(c >= '\uFF01' && c <= '\uFF5E') && c != '\u3000')
                return false;
        }
        return true;
    }

    public static char MapWidth(char c) =>
        c >= '\uFF01' && c <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c;

    /// <summary>NFKC of the cell; the input's own span when it is stable (no allocation).</summary>
    public static ReadOnlySpan<char> Apply(ReadOnlySpan<char> s, ref string? holder)
    {
        if (IsStable(s))
            return s;
        holder = Normalize(s.ToString());
        return holder;
    }

    /// <summary>NFKC then trim, allocating only for text that NFKC could change.</summary>
    public static ReadOnlySpan<char> ApplyTrim(ReadOnlySpan<char> s, ref string? holder) =>
        Apply(s.Trim(), ref holder).Trim();

    public static string Normalize(string s)
    {
        try
        {
            return s.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; such text is compared as given.
            return s;
        }
    }
}
