using Bidui.Core.Text;

namespace Bidui.Core.Identity;

/// <summary>Chinese resident ID numbers (GB 11643-1999) as SPEC 2.1 judges them.</summary>
public static class ResidentId
{
    // Cells longer than this are wrong anyway; they take the allocating path.
    private const int StackLimit = 64;
    private const long KeyLimit = 100_000_000_000_000_000; // 10^17: keys are 17 digits
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Normalises the cell (SPEC 2.1) and judges it, checking in the spec's order.</summary>
    public static ResidentIdResult Parse(ReadOnlySpan<char> cell, DateOnly today)
    {
        // Nearly every cell is already 17 ASCII digits and a digit or X: normalising would give it back as is.
        if (cell.Length == 18 && AllDigits(cell[..17]) && (CharClass.IsAsciiDigit(cell[17]) || cell[17] == 'X'))
            return Judge(cell, today);
        Span<char> buffer = stackalloc char[StackLimit];
        return Judge(NormalizeInto(cell, buffer), today);
    }

    /// <summary>The 18-character ID of a key, check character included.</summary>
    public static string Format(long key)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(key, KeyLimit);
        return string.Create(18, key, static (span, k) =>
        {
            for (int i = 16; i >= 0; i--)
            {
                span[i] = (char)('0' + (int)(k % 10));
                k /= 10;
            }
            span[17] = CheckCharacter(span[..17]);
        });
    }

    /// <summary>ISO 7064 MOD 11-2 check character of the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17Digits)
    {
        if (first17Digits.Length != 17)
            throw new ArgumentException("Expected exactly 17 digits.", nameof(first17Digits));
        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            char c = first17Digits[i];
            if (!CharClass.IsAsciiDigit(c))
                throw new ArgumentException("Expected exactly 17 digits.", nameof(first17Digits));
            sum += (c - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    /// <summary>The SPEC 2.1 normalised text of a cell.</summary>
    public static string Normalize(ReadOnlySpan<char> cell)
    {
        Span<char> buffer = stackalloc char[StackLimit];
        return NormalizeInto(cell, buffer).ToString();
    }

    /// <summary>SPEC 2.1 province codes: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82, 83.</summary>
    public static bool IsProvinceCode(int twoDigits) => twoDigits switch
    {
        >= 11 and <= 15 => true,
        >= 21 and <= 23 => true,
        >= 31 and <= 37 => true,
        >= 41 and <= 46 => true,
        >= 50 and <= 54 => true,
        >= 61 and <= 65 => true,
        71 or 81 or 82 or 83 => true,
        _ => false,
    };

    private static ReadOnlySpan<char> NormalizeInto(ReadOnlySpan<char> cell, Span<char> buffer)
    {
        if (cell.Length <= buffer.Length && Nfkc.IsWidthOnly(cell))
            return Clean(cell, mapWidth: true, buffer);
        // Rare: other compatibility characters (or a huge cell) need the real normaliser.
        string normalized = Nfkc.Normalize(cell.ToString());
        return Clean(normalized, mapWidth: false, new char[normalized.Length]);
    }

    private static ReadOnlySpan<char> Clean(ReadOnlySpan<char> source, bool mapWidth, Span<char> target)
    {
        int n = 0;
        foreach (char raw in source)
        {
            char c = mapWidth ? Nfkc.MapWidth(raw) : raw;
            if (CharClass.IsSpace(c) || CharClass.IsHyphen(c))
                continue;
            target[n++] = c == 'x' ? 'X' : c;
        }
        // Excel's text marks: only one is dropped, a second one is a real error.
        int start = n > 0 && target[0] is '\'' or '`' ? 1 : 0;
        return target[start..n];
    }

    private static ResidentIdResult Judge(ReadOnlySpan<char> id, DateOnly today)
    {
        if (id.IsEmpty)
            return Failed(IdProblem.Empty);
        if (ScientificNotation.Matches(id))
            return Failed(IdProblem.ScientificNotation);
        if (id.Length == 15 && AllDigits(id) && TryConvertLegacy(id, today, out ResidentIdResult legacy))
            return legacy;
        if (id.Length != 18)
            return Failed(IdProblem.WrongLength);
        if (!AllDigits(id[..17]) || !(CharClass.IsAsciiDigit(id[17]) || id[17] == 'X'))
            return Failed(IdProblem.IllegalCharacter);
        if (!IsProvinceCode(Digits(id, 0, 2)))
            return Failed(IdProblem.InvalidRegion);
        if (!TryDate(Digits(id, 6, 4), Digits(id, 10, 2), Digits(id, 12, 2), today, out DateOnly birth))
            return Failed(IdProblem.InvalidBirthDate);
        if (CheckCharacter(id[..17]) != id[17])
            return Failed(IdProblem.WrongCheckCharacter);
        return Keyed(IdProblem.None, id[..17], birth);
    }

    private static bool TryConvertLegacy(ReadOnlySpan<char> id, DateOnly today, out ResidentIdResult result)
    {
        if (!TryDate(1900 + Digits(id, 6, 2), Digits(id, 8, 2), Digits(id, 10, 2), today, out DateOnly birth))
        {
            result = default;
            return false;
        }
        Span<char> first17 = stackalloc char[17];
        id[..6].CopyTo(first17);
        first17[6] = '1';
        first17[7] = '9';
        id[6..].CopyTo(first17[8..]);
        result = Keyed(IdProblem.Legacy15, first17, birth);
        return true;
    }

    private static ResidentIdResult Keyed(IdProblem problem, ReadOnlySpan<char> first17, DateOnly birth)
    {
        long key = 0;
        foreach (char c in first17)
            key = key * 10 + (c - '0');
        Sex sex = (first17[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        return new ResidentIdResult(problem, key, birth, sex, Digits(first17, 0, 6));
    }

    private static ResidentIdResult Failed(IdProblem problem) => new(problem, 0, default, Sex.Unknown, 0);

    private static bool TryDate(int year, int month, int day, DateOnly today, out DateOnly date)
    {
        date = default;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return date >= EarliestBirth && date <= today;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!CharClass.IsAsciiDigit(c))
                return false;
        }
        return true;
    }

    private static int Digits(ReadOnlySpan<char> s, int start, int count)
    {
        int value = 0;
        for (int i = start; i < start + count; i++)
            value = value * 10 + (s[i] - '0');
        return value;
    }
}
