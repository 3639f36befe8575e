using System.Text;
using System.Text.RegularExpressions;

namespace Bidui.Synthetic.Tests.Support;

/// <summary>SPEC 2.1 written again, plainly, on the test side: what the engine must say about an ID cell.</summary>
public static partial class IdRules
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
        61, 62, 63, 64, 65, 71, 81, 82, 83,
    ];

    public static char Check(string first17)
    {
        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return "10X98765432"[sum % 11];
    }

    public static string Normalize(string cell)
    {
        var sb = new StringBuilder();
        foreach (var c in cell.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c) && c is not ('-' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '−'))
            {
                sb.Append(c == 'x' ? 'X' : c);
            }
        }

        string s = sb.ToString();
        return s.Length > 0 && s[0] is '\'' or '`' ? s[1..] : s;
    }

    /// <summary>The invalid_id reason, or null for a valid ID.</summary>
    public static string? Reason(SourceCell cell, DateOnly today)
    {
        if (cell.Numeric)
        {
            return cell.Text.Contains('E', StringComparison.OrdinalIgnoreCase) ? "科学计数法损坏" : "长度错误";
        }

        string s = Normalize(cell.Text);
        if (s.Length == 0)
        {
            return "证件号码为空";
        }

        if (Scientific().IsMatch(s))
        {
            return "科学计数法损坏";
        }

        if (s.Length == 15 && s.All(char.IsAsciiDigit) && DateOnly.TryParseExact("19" + s[6..12], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return "15位旧号码";
        }

        if (s.Length != 18)
        {
            return "长度错误";
        }

        if (!s[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(s[17]) || s[17] == 'X'))
        {
            return "含非法字符";
        }

        if (!Provinces.Contains(int.Parse(s[..2], CultureInfo.InvariantCulture)))
        {
            return "地区码无效";
        }

        if (!DateOnly.TryParseExact(s[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth < new DateOnly(1900, 1, 1) || birth > today)
        {
            return "出生日期无效";
        }

        return Check(s[..17]) == s[17] ? null : "校验码错误";
    }

    /// <summary>The 18-digit ID a valid or 15-digit cell stands for.</summary>
    public static string? Key(SourceCell cell, DateOnly today)
    {
        string? reason = Reason(cell, today);
        string s = Normalize(cell.Text);
        if (reason is null)
        {
            return s;
        }

        if (reason == "15位旧号码")
        {
            string first17 = s[..6] + "19" + s[6..];
            return first17 + Check(first17);
        }

        return null;
    }

    [GeneratedRegex(@"^\d+(\.\d+)?[Ee]\+?\d+$")]
    private static partial Regex Scientific();
}
