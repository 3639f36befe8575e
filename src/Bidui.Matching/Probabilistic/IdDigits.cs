using Bidui.Core.Identity;

namespace Bidui.Matching.Probabilistic;

/// <summary>Reads a broken ID cell as far as it can still be compared digit by digit.</summary>
public static class IdDigits
{
    /// <summary>
    /// The SPEC 2.1 normalised text with letters that stand for digits read as digits (O→0, I/l→1);
    /// null when nothing comparable is left: empty, Excel's scientific notation (the digits are
    /// gone), masked with '*', other characters, or a length that is not 15 (an 18-digit number cut
    /// short) or 17–19.
    /// </summary>
    public static string? Clean(ReadOnlySpan<char> cell)
    {
        string s = ResidentId.Normalize(cell);
        if (s.Length is not (15 or (>= 17 and <= 19)))
            return null;
        Span<char> buffer = stackalloc char[s.Length];
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i] switch
            {
                'O' or 'o' => '0',
                'I' or 'l' => '1',
                var other => other,
            };
            bool ok = char.IsAsciiDigit(c) || c == 'X' && i == s.Length - 1 && s.Length != 15;
            if (!ok)
                return null;
            buffer[i] = c;
        }
        return buffer.SequenceEqual(s) ? s : buffer.ToString();
    }

    /// <summary>The region part (first six digits) as a number; 0 when not digits.</summary>
    public static int Region(string? id)
    {
        if (id is null || id.Length < 6)
            return 0;
        int v = 0;
        for (int i = 0; i < 6; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
                return 0;
            v = v * 10 + (id[i] - '0');
        }
        return v;
    }

    /// <summary>Characters 7–14 as yyyyMMdd when they are a real date; 0 otherwise.</summary>
    public static int Birth(string? id)
    {
        if (id is null || id.Length < 14)
            return 0;
        int v = 0;
        for (int i = 6; i < 14; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
                return 0;
            v = v * 10 + (id[i] - '0');
        }
        int y = v / 10000, m = v / 100 % 100, d = v % 100;
        return y is >= 1900 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? v : 0;
    }

    /// <summary>Sex from character 17 when it is a digit.</summary>
    public static Sex SexOf(string? id) =>
        id is { Length: 18 } && char.IsAsciiDigit(id[16]) ? ((id[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female) : Sex.Unknown;
}

/// <summary>The 全国学籍号 (SPEC §1.1): a letter, then usually the ID number first entered for the child.</summary>
public static class StudentNumbers
{
    /// <summary>
    /// The 18 characters after the letter (or the whole cell, when a system wrote the number alone) when they
    /// read as an ID number (digits, a last X); null otherwise.
    /// </summary>
    public static string? Digits(ReadOnlySpan<char> cell)
    {
        cell = cell.Trim();
        if (!(cell.Length == 19 && char.IsAsciiLetter(cell[0]) || cell.Length == 18))
            return null;
        var rest = cell[^18..];
        for (int i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(rest[i]))
                return null;
        }
        char last = rest[17];
        if (!char.IsAsciiDigit(last) && last is not ('X' or 'x'))
            return null;
        return string.Concat(rest[..17], last == 'x' ? "X" : rest[17..]);
    }

    /// <summary>Whether the 学籍号 holds exactly this resident key's number (its 17 leading digits): a copy of the row's ID, no new evidence.</summary>
    public static bool HoldsKey(ReadOnlySpan<char> cell, long key)
    {
        cell = cell.Trim();
        if (cell.Length is not (18 or 19) || key <= 0)
            return false;
        long v = 0;
        for (int i = cell.Length - 18; i < cell.Length - 1; i++)
        {
            int d = cell[i] - '0';
            if ((uint)d > 9)
                return false;
            v = v * 10 + d;
        }
        return v == key;
    }
}
