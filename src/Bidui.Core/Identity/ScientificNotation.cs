namespace Bidui.Core.Identity;

/// <summary>
/// Recognises an ID that Excel turned into a number and shows as <c>4.30102E+17</c>: the digits
/// are lost, so the row gets its own reason instead of a misleading length error.
/// </summary>
internal static class ScientificNotation
{
    /// <summary>digits[.digits]E[+]digits, case-insensitive (hyphens were already removed).</summary>
    public static bool Matches(ReadOnlySpan<char> s)
    {
        int i = SkipDigits(s, 0);
        if (i == 0)
            return false;
        if (i < s.Length && s[i] == '.')
        {
            int afterPoint = SkipDigits(s, i + 1);
            if (afterPoint == i + 1)
                return false;
            i = afterPoint;
        }
        if (i >= s.Length || (s[i] != 'E' && s[i] != 'e'))
            return false;
        i++;
        if (i < s.Length && s[i] == '+')
            i++;
        int end = SkipDigits(s, i);
        return end > i && end == s.Length;
    }

    private static int SkipDigits(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
            i++;
        return i;
    }
}
