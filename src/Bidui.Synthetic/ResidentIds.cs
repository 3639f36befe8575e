namespace Bidui.Synthetic;

/// <summary>
/// GB 11643-1999 citizen identity numbers, implemented here on purpose rather than taken from the
/// engine: the generator is an independent oracle for the engine's checks.
/// </summary>
internal static class ResidentIds
{
    /// <summary>ISO 7064 MOD 11-2 weights of the 17 leading digits.</summary>
    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Check character by (weighted sum mod 11).</summary>
    private const string CheckChars = "10X98765432";

    /// <summary>The check character of 17 leading digits.</summary>
    public static char CheckChar(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("17 digits expected.", nameof(first17));
        }

        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            int d = first17[i] - '0';
            if ((uint)d > 9)
            {
                throw new ArgumentException("17 digits expected.", nameof(first17));
            }

            sum += d * Weights[i];
        }

        return CheckChars[sum % 11];
    }

    /// <summary>The check character of a 17-digit number (region, birth date, sequence).</summary>
    public static char CheckChar(long id17)
    {
        int sum = 0;
        for (int i = 16; i >= 0; i--)
        {
            sum += (int)(id17 % 10) * Weights[i];
            id17 /= 10;
        }

        return CheckChars[sum % 11];
    }

    /// <summary>Writes the 18 characters of the number into <paramref name="dest"/>.</summary>
    public static void Write(long id17, Span<char> dest)
    {
        long v = id17;
        for (int i = 16; i >= 0; i--)
        {
            dest[i] = (char)('0' + (int)(v % 10));
            v /= 10;
        }

        dest[17] = CheckChar(id17);
    }

    public static string Format(long id17)
    {
        Span<char> buffer = stackalloc char[18];
        Write(id17, buffer);
        return new string(buffer);
    }

    /// <summary>Builds the 17 leading digits from a region code, a birth date and a 3-digit sequence.</summary>
    public static long Compose(int region, DateOnly birth, int sequence)
        => (region * 100_000_000L + (birth.Year * 10_000 + birth.Month * 100 + birth.Day)) * 1000 + sequence;

    public static int Region(long id17) => (int)(id17 / 100_000_000_000L);

    public static DateOnly BirthDate(long id17)
    {
        int ymd = (int)(id17 / 1000 % 100_000_000);
        return new DateOnly(ymd / 10_000, ymd / 100 % 100, ymd % 100);
    }

    /// <summary>Odd 17th digit: male.</summary>
    public static bool IsMale(long id17) => id17 % 2 == 1;
}
