namespace Bidui.Core.Dates;

/// <summary>Excel's 1900 date system: serial 1 = 1900-01-01, with its phantom 1900-02-29 (serial 60).</summary>
internal static class ExcelSerial
{
    private const int LastSerial = 2_958_465; // 9999-12-31
    private static readonly DateOnly Day0 = new(1899, 12, 31);

    /// <summary>A plain number 1..2958465, a fraction (the time of day) ignored.</summary>
    public static bool TryConvert(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        int point = s.IndexOf('.');
        ReadOnlySpan<char> whole = point < 0 ? s : s[..point];
        if (whole.IsEmpty || whole.Length > 7 || (point >= 0 && !AllDigits(s[(point + 1)..])) || !AllDigits(whole))
            return false;
        int serial = int.Parse(whole, provider: System.Globalization.CultureInfo.InvariantCulture);
        if (serial is < 1 or > LastSerial || serial == 60)
            return false; // 60 is 1900-02-29, a day that never was
        // Excel counts the phantom leap day, so serials after it are one day ahead.
        date = Day0.AddDays(serial < 60 ? serial : serial - 1);
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if ((uint)(c - '0') > 9)
                return false;
        }
        return true;
    }
}
