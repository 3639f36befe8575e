namespace Bidui.Core.Schooling;

/// <summary>The prefixes that different versions of the monitoring system put around a 在校生状况 value.</summary>
internal static class StatementText
{
    /// <summary>"03 小学", "03-小学", "03小学" → "小学": a two-digit code (not part of a longer number).</summary>
    public static ReadOnlySpan<char> DropCode(ReadOnlySpan<char> s)
    {
        if (s.Length < 3 || !IsDigit(s[0]) || !IsDigit(s[1]) || IsDigit(s[2]))
            return s;
        int i = 2;
        while (i < s.Length && IsSeparator(s[i]))
            i++;
        return s[i..];
    }

    /// <summary>"在校生小学", "在校生-小学", "在校生(小学)" → "小学". A bare 在校生 gives "" (no stage, no reason).</summary>
    public static ReadOnlySpan<char> DropInSchoolWrapper(ReadOnlySpan<char> s)
    {
        if (!s.StartsWith("在校生", StringComparison.Ordinal))
            return s;
        ReadOnlySpan<char> rest = s[3..];
        if (rest.IsEmpty)
            return rest;
        if (IsSeparator(rest[0]))
            return rest[1..];
        char close = rest[0] switch
        {
            '(' => ')',
            '[' => ']',
            '【' => '】',
            '〔' => '〕',
            _ => '\0',
        };
        if (close == '\0')
            return rest;
        // Only a wrapper that closes at the very end is a bracketed form; anything else stays unmapped.
        return rest[^1] == close ? rest[1..^1] : s;
    }

    public static ReadOnlySpan<char> WithoutSpaces(ReadOnlySpan<char> s, Span<char> buffer)
    {
        int n = 0;
        foreach (char c in s)
        {
            if (!Text.CharClass.IsSpace(c))
                buffer[n++] = c;
        }
        return buffer[..n];
    }

    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    private static bool IsSeparator(char c) =>
        c is ' ' or '-' or '_' or ':' or '.' or '、' or '—' || Text.CharClass.IsSpace(c);
}
