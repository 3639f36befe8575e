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
            if (c >= 0x80 && !CharClass.IsUnifiedIdeograph(c) && !IsStableDot(c))
                return false;
        }
        return true;
    }

    // Dots common in minority names; each is NFKC-stable and never composes (NFKC_QC=Yes, ccc=0).
    private static bool IsStableDot(char c) => c is '\u00B7' or '\u2022' or '\u30FB' or '\u2027' or '\u2219' or '\u22C5';

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

    /// <summary>Size of the stack buffer callers pass to <see cref="Apply"/>: longer cells may allocate.</summary>
    public const int StackLimit = 64;

    /// <summary>
    /// NFKC of the cell without allocating in the common cases: the input's own span when it is stable,
    /// a per-character mapping into <paramref name="buffer"/> when only width forms need folding
    /// (在校生（小学）), the runtime normaliser (kept alive by <paramref name="holder"/>) otherwise.
    /// </summary>
    public static ReadOnlySpan<char> Apply(ReadOnlySpan<char> s, Span<char> buffer, ref string? holder)
    {
        if (IsStable(s))
            return s;
        if (s.Length <= buffer.Length && IsWidthOrIdeograph(s))
        {
            for (int i = 0; i < s.Length; i++)
                buffer[i] = MapWidth(s[i]);
            return buffer[..s.Length];
        }
        holder = Normalize(s.ToString());
        return holder;
    }

    /// <summary>NFKC then trim, as <see cref="Apply"/>.</summary>
    public static ReadOnlySpan<char> ApplyTrim(ReadOnlySpan<char> s, Span<char> buffer, ref string? holder) =>
        Apply(s.Trim(), buffer, ref holder).Trim();

    // Ideographs are NFKC-stable and never combine, so mapping the width forms around them is exact NFKC.
    private static bool IsWidthOrIdeograph(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (c >= 0x80 && !CharClass.IsUnifiedIdeograph(c) && !IsStableDot(c) && !(c >= '\uFF01' && c <= '\uFF5E') && c != '\u3000')
                return false;
        }
        return true;
    }

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
