namespace Bidui.Core.Names;

/// <summary>
/// Characters people type for the middle dot in transliterated names (阿依古丽·买买提). Checked after
/// NFKC, which already turns ･ into ・ and ． into '.' ('.' counts only between name parts).
/// </summary>
internal static class MiddleDotLookalikes
{
    public static bool Is(char c) => c is
        '\u00B7'    // · middle dot (the target)
        or '\u2022' // • bullet
        or '\u30FB' // ・ katakana middle dot
        or '\uFF65' // ･ half-width katakana middle dot
        or '\u2027' // ‧ hyphenation point
        or '\u2219' // ∙ bullet operator
        or '\u22C5' // ⋅ dot operator
        or '\u2E31' // ⸱ word separator middle dot
        or '\uA78F' // ꞏ sinological dot
        or '\uFF0E'; // ． full-width full stop (kept for text that skipped NFKC)
}
