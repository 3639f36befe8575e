namespace Bidui.Reports;

/// <summary>
/// SPEC §5: a CSV cell that Excel or WPS would run as a formula — text beginning with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return that is not a plain number — is written with a leading
/// <c>'</c>, which both show as text (the mark itself is not shown). Readers of Bidui's own lists take it off again.
/// </summary>
public static class FormulaSafety
{
    /// <summary>Whether <paramref name="value"/> needs the mark.</summary>
    public static bool NeedsMark(ReadOnlySpan<char> value) =>
        !value.IsEmpty && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsPlainNumber(value);

    public static string Escape(string value) => NeedsMark(value) ? "'" + value : value;

    /// <summary>The cell as the list meant it: the mark taken off where <see cref="Escape"/> put it.</summary>
    public static string Unescape(string value) =>
        value.Length > 1 && value[0] == '\'' && NeedsMark(value.AsSpan(1)) ? value[1..] : value;

    /// <summary>A sign, then digits with at most one point and any thousands commas, then an optional exponent: -500, +1,000.50, -1.5E+3.</summary>
    internal static bool IsPlainNumber(ReadOnlySpan<char> value)
    {
        int i = value[0] is '+' or '-' ? 1 : 0;
        bool digits = false, point = false;
        for (; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsAsciiDigit(c))
                digits = true;
            else if (c == '.' && !point)
                point = true;
            else if (c == ',' && !point && digits)
                continue;
            else
                break;
        }

        if (i < value.Length && digits && value[i] is 'e' or 'E')
        {
            i++;
            if (i < value.Length && value[i] is '+' or '-')
                i++;
            int start = i;
            while (i < value.Length && char.IsAsciiDigit(value[i]))
                i++;
            if (i == start)
                return false;
        }

        return digits && i == value.Length;
    }
}
