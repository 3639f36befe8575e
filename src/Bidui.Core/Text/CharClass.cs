namespace Bidui.Core.Text;

/// <summary>Character classes the normalisers need, kept as plain range checks for speed.</summary>
public static class CharClass
{
    /// <summary>CJK Unified Ideographs and Extension A (BMP), which NFKC leaves unchanged.</summary>
    public static bool IsUnifiedIdeograph(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF');

    /// <summary>
    /// Han characters in a name: unified ideographs, compatibility ideographs, 〇, and high
    /// surrogates of planes 2–3 (the supplementary ideograph extensions).
    /// </summary>
    public static bool IsHan(char c) =>
        IsUnifiedIdeograph(c)
        || (c >= '\uF900' && c <= '\uFAFF')
        || c == '\u3007'
        || (c >= '\uD840' && c <= '\uD88F');

    /// <summary>White space in any of its forms, including zero-width ones people paste from web pages.</summary>
    public static bool IsSpace(char c) =>
        char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    /// <summary>Hyphens and dashes that people type inside ID numbers.</summary>
    public static bool IsHyphen(char c) =>
        c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015'
            or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D';

    public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;
}
