namespace Bidui.Core.Dates;

/// <summary>
/// SPEC 2.4 dates: yyyy-M-d, yyyy/M/d, yyyy.M.d (each optionally followed by a time, which is
/// ignored), yyyyMMdd, yyyy年M月d日, and Excel serial numbers. Full-width digits are accepted.
/// </summary>
public static class FlexibleDate
{
    private const int StackLimit = 64;

    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        text = text.Trim();
        if (text.IsEmpty || text.Length > StackLimit)
            return false;
        Span<char> buffer = stackalloc char[StackLimit];
        ReadOnlySpan<char> s = ToAsciiDigits(text, buffer);

        int digits = CountDigits(s, 0);
        if (digits == s.Length)
        {
            // A plain number: 8 digits are yyyyMMdd first (they are beyond Excel's last serial anyway).
            // Four digits from 1900 to 2099 are a bare year (出生日期 "2016"), not a serial of 1905:
            // reading it as a date would invent a field_conflict.
            if (digits == 4 && Number(s, 0, 4) is >= 1900 and <= 2099)
                return false;
            return digits == 8
                ? TryCreate(Number(s, 0, 4), Number(s, 4, 2), Number(s, 6, 2), out date)
                : ExcelSerial.TryConvert(s, out date);
        }
        if (digits != 4)
            return ExcelSerial.TryConvert(s, out date);
        return s[4] switch
        {
            '-' or '/' or '.' => TrySeparated(s, s[4], out date),
            '年' => TryChinese(s, out date),
            _ => false,
        };
    }

    // yyyy-M-d with the same separator twice, then nothing or a time after a space or 'T'.
    private static bool TrySeparated(ReadOnlySpan<char> s, char separator, out DateOnly date)
    {
        date = default;
        int i = 5;
        if (!TryReadPart(s, ref i, out int month) || i >= s.Length || s[i] != separator)
            return false;
        i++;
        if (!TryReadPart(s, ref i, out int day))
            return false;
        if (i < s.Length && s[i] != ' ' && s[i] != 'T')
            return false;
        return TryCreate(Number(s, 0, 4), month, day, out date);
    }

    // yyyy年M月d日 (the final 日 may be missing), optionally followed by a time.
    private static bool TryChinese(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        int i = 5;
        if (!TryReadPart(s, ref i, out int month) || i >= s.Length || s[i] != '月')
            return false;
        i++;
        if (!TryReadPart(s, ref i, out int day))
            return false;
        if (i < s.Length && s[i] is '日' or '号')
            i++;
        if (i < s.Length && s[i] != ' ')
            return false;
        return TryCreate(Number(s, 0, 4), month, day, out date);
    }

    // One or two digits.
    private static bool TryReadPart(ReadOnlySpan<char> s, ref int i, out int value)
    {
        int count = CountDigits(s, i);
        value = count is 1 or 2 ? Number(s, i, count) : 0;
        i += count;
        return count is 1 or 2;
    }

    internal static bool TryCreate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static ReadOnlySpan<char> ToAsciiDigits(ReadOnlySpan<char> text, Span<char> buffer)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            buffer[i] = c >= '０' && c <= '９' ? (char)(c - '０' + '0') : c;
        }
        return buffer[..text.Length];
    }

    private static int CountDigits(ReadOnlySpan<char> s, int start)
    {
        int i = start;
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
            i++;
        return i - start;
    }

    private static int Number(ReadOnlySpan<char> s, int start, int count)
    {
        int value = 0;
        for (int i = start; i < start + count; i++)
            value = value * 10 + (s[i] - '0');
        return value;
    }
}
