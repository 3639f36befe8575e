using System.Globalization;

namespace Bidui.Inputs.Excel;

/// <summary>
/// Turns an ExcelDataReader cell value into the text a person sees in the cell, as far as it matters
/// for identifiers, codes, dates and amounts.
/// </summary>
internal static class CellText
{
    // Excel keeps 15 significant digits; at or above this an integral number has lost digits.
    private const double ExactIntegerLimit = 1e15;

    internal static string Format(object? value, string? numberFormat) => value switch
    {
        null => string.Empty,
        string s => s,
        double d => FormatNumber(d, numberFormat),
        DateTime dt => FormatDate(dt),
        bool b => b ? "TRUE" : "FALSE",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        float f => FormatNumber(f, numberFormat),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>
    /// Integral values below 1e15 without decimals; larger integral values in exponent form
    /// ("4.30102199001011E+17"), as Excel shows an ID typed as a number, so that downstream checks
    /// see the damage instead of a plausible but wrong 18-digit number; other values with at most
    /// 15 significant digits, as Excel's General format.
    /// </summary>
    internal static string FormatNumber(double d, string? numberFormat = null)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return d.ToString(CultureInfo.InvariantCulture);
        }

        if (d == Math.Floor(d))
        {
            if (Math.Abs(d) < ExactIntegerLimit)
            {
                long integral = (long)d;
                string text = integral.ToString(CultureInfo.InvariantCulture);
                int width = ZeroPadWidth(numberFormat);
                // A code column formatted "000000" shows its leading zeros; keep them.
                return width > text.Length && integral >= 0 ? text.PadLeft(width, '0') : text;
            }

            return d.ToString("G15", CultureInfo.InvariantCulture);
        }

        return d.ToString("G15", CultureInfo.InvariantCulture);
    }

    private static string FormatDate(DateTime dt) =>
        dt.TimeOfDay == TimeSpan.Zero
            ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Width of a number format made only of zeros ("000000"), else 0.</summary>
    private static int ZeroPadWidth(string? numberFormat)
    {
        if (string.IsNullOrEmpty(numberFormat) || numberFormat.Length < 2)
        {
            return 0;
        }

        foreach (char c in numberFormat)
        {
            if (c != '0')
            {
                return 0;
            }
        }

        return numberFormat.Length;
    }
}
