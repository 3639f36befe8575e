using System.Globalization;
using System.Text;

namespace Bidui.Matching.Supervision;

/// <summary>SPEC §4.7: the 金额 of an aid row, and the rounding of funds.</summary>
public static class AidAmount
{
    /// <summary>
    /// The amount when the cell, after NFKC and trimming, is a number greater than 0 (<c>500</c>,
    /// <c>500.00</c>, <c>1,000.00</c>: commas only between groups of three digits); null otherwise
    /// (empty, zero, negative, text: <c>金额无效</c>).
    /// </summary>
    public static decimal? Parse(ReadOnlySpan<char> cell)
    {
        var text = cell.ToString();
        if (!text.IsNormalized(NormalizationForm.FormKC))
            text = text.Normalize(NormalizationForm.FormKC);
        var s = text.AsSpan().Trim();
        if (s.IsEmpty || !WellFormed(s))
            return null;
        return decimal.TryParse(s, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v : null;
    }

    /// <summary>Digits, at most one point, commas only as thousands separators before it.</summary>
    private static bool WellFormed(ReadOnlySpan<char> s)
    {
        int point = s.IndexOf('.');
        var whole = point < 0 ? s : s[..point];
        var fraction = point < 0 ? [] : s[(point + 1)..];
        if (whole.IsEmpty || (point >= 0 && fraction.IsEmpty) || fraction.ContainsAnyExcept("0123456789"))
            return false;
        if (!whole.Contains(','))
            return !whole.ContainsAnyExcept("0123456789");
        int group = 0;
        for (int i = whole.Length - 1; i >= 0; i--)
        {
            if (whole[i] == ',')
            {
                if (group != 3 || i == 0)
                    return false;
                group = 0;
            }
            else if (char.IsAsciiDigit(whole[i]))
            {
                group++;
            }
            else
            {
                return false;
            }
        }
        return group is >= 1 and <= 3;
    }

    /// <summary>Funds round half-up to 0.01 元 (SPEC §4.7).</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>An amount as summary.json and the CSV files write it: 2 decimals, invariant.</summary>
    public static string Format(decimal amount) => Round(amount).ToString("0.00", CultureInfo.InvariantCulture);
}
