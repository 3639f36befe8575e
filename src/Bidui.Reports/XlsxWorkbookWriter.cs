using System.Globalization;

namespace Bidui.Reports;

/// <summary>
/// Writes one workbook with one sheet per <see cref="SheetSpec"/>. Rows are streamed: only the first
/// <see cref="WidthSampleRows"/> rows of a sheet are held, to size its columns before the sheet starts.
/// </summary>
public static class XlsxWorkbookWriter
{
    /// <summary>Excel's row limit per sheet, header included.</summary>
    internal const int ExcelMaxRows = 1_048_576;

    public const int WidthSampleRows = 500;
    internal const double MinColumnWidth = 6;
    internal const double MaxColumnWidth = 60;

    /// <summary>
    /// Numbers wider than their column show as ##### or 1E+06, so number columns get room for 12 digits
    /// even when the sampled rows are short (later rows may be longer).
    /// </summary>
    internal const double MinNumberColumnWidth = 14;

    /// <summary>Excel refuses longer cell texts.</summary>
    internal const int MaxCellChars = 32_767;

    internal const int MaxSheetNameLength = 31;

    // Excel shows numbers with 15 significant digits; longer ones would be silently rounded.
    private const int MaxExactDigits = 15;

    internal const int BufferSize = 1 << 16;

    public static void Write(string path, IEnumerable<SheetSpec> sheets) => Write(path, sheets, ExcelMaxRows);

    /// <summary>The same as <see cref="Write(string, IEnumerable{SheetSpec})"/>, off the caller's thread, for callers that are async.</summary>
    public static Task WriteAsync(string path, IEnumerable<SheetSpec> sheets, CancellationToken cancellationToken = default)
        => Task.Run(() => Write(path, sheets), cancellationToken);

    /// <summary>Tests pass a small row limit to check the sheet split without writing a million rows.</summary>
    internal static void Write(string path, IEnumerable<SheetSpec> sheets, int maxRowsPerSheet)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(sheets);
        using var book = XlsxStreamingWorkbook.Create(path, maxRowsPerSheet);
        foreach (var sheet in sheets)
        {
            book.AddSheet(sheet);
        }

        book.Finish();
    }

    internal static bool TryParseExactInteger(string value, out long result)
    {
        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        return long.TryParse(value, Styles, CultureInfo.InvariantCulture, out result)
            && CountDigits(value) <= MaxExactDigits;
    }

    internal static bool TryParseExactDecimal(string value, out decimal result)
    {
        // No thousands separators: .NET accepts them anywhere ("1,2" would read as 12).
        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint
            | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        return decimal.TryParse(value, Styles, CultureInfo.InvariantCulture, out result)
            && CountDigits(value) <= MaxExactDigits;
    }

    private static int CountDigits(string value)
    {
        var digits = 0;
        var leading = true;
        foreach (var ch in value)
        {
            if (ch is >= '1' and <= '9' || (ch == '0' && !leading))
            {
                digits++;
                leading = false;
            }
        }

        return digits;
    }

    /// <summary>A column of wrapped prose (说明) is this wide; its rows grow instead.</summary>
    internal const double WrapColumnWidth = 100;

    /// <summary>Widths in Excel character units from the header and the sampled rows, capped.</summary>
    internal static double[] MeasureColumnWidths(IReadOnlyList<SheetColumn> columns, IEnumerable<string?[]> sample)
    {
        var widths = MeasureColumnWidths(columns.Select(c => c.Header).ToList(), columns.Select(c => c.Kind).ToList(), sample);
        for (var c = 0; c < widths.Length; c++)
        {
            if (columns[c].Wrap)
            {
                widths[c] = WrapColumnWidth;
            }
            else if (columns[c].Choices is { } choices)
            {
                // Room for the longest choice: the drop-down is as wide as its column.
                widths[c] = Math.Min(MaxColumnWidth, Math.Max(widths[c], choices.Max(DisplayWidth) + 4));
            }
        }

        return widths;
    }

    internal static double[] MeasureColumnWidths(IReadOnlyList<string> headers, IReadOnlyList<CellKind> kinds, IEnumerable<string?[]> sample)
    {
        var widths = new double[headers.Count];
        for (var c = 0; c < headers.Count; c++)
        {
            // Bold header text is a little wider than body text.
            widths[c] = DisplayWidth(headers[c]) * 1.1;
        }

        foreach (var row in sample)
        {
            if (row is null)
            {
                continue;
            }

            for (var c = 0; c < Math.Min(row.Length, widths.Length); c++)
            {
                // A cell at most as wide as the column so far (two units a character at most), or a column
                // already past the cap, changes nothing: skip the character-by-character count.
                var length = row[c]?.Length ?? 0;
                if (length * 2 <= widths[c] || widths[c] >= MaxColumnWidth)
                {
                    continue;
                }

                var w = DisplayWidth(row[c]);
                if (w > widths[c])
                {
                    widths[c] = w;
                }
            }
        }

        for (var c = 0; c < widths.Length; c++)
        {
            var min = kinds[c] == CellKind.Text ? MinColumnWidth : MinNumberColumnWidth;
            widths[c] = Math.Round(Math.Clamp(widths[c] + 2, min, MaxColumnWidth), 1);
        }

        return widths;
    }

    /// <summary>Approximate width in Excel's character units: East Asian wide characters take about two.</summary>
    internal static int DisplayWidth(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var width = 0;
        var lineWidth = 0;
        foreach (var ch in text)
        {
            if (ch is '\n' or '\r')
            {
                // Only the longest line needs to fit.
                width = Math.Max(width, lineWidth);
                lineWidth = 0;
                continue;
            }

            lineWidth += char.IsLowSurrogate(ch) ? 0 : char.IsHighSurrogate(ch) || IsWide(ch) ? 2 : 1;
        }

        return Math.Max(width, lineWidth);
    }

    private static bool IsWide(char ch) => ch switch
    {
        >= '\u1100' and <= '\u115F' => true, // Hangul Jamo
        >= '\u2E80' and <= '\uA4CF' => true, // CJK radicals, punctuation, kana, CJK ideographs, Yi
        >= '\uAC00' and <= '\uD7A3' => true, // Hangul syllables
        >= '\uF900' and <= '\uFAFF' => true, // CJK compatibility ideographs
        >= '\uFE30' and <= '\uFE4F' => true, // CJK compatibility forms
        >= '\uFF00' and <= '\uFF60' => true, // full-width forms
        >= '\uFFE0' and <= '\uFFE6' => true,
        _ => false,
    };

    /// <summary>Applies Excel's sheet-name rules: at most 31 characters, none of []:*?/\, no leading or trailing quote.</summary>
    internal static string SanitizeSheetName(string? name)
    {
        var chars = new System.Text.StringBuilder(name?.Length ?? 0);
        foreach (var ch in name ?? string.Empty)
        {
            if (char.IsControl(ch))
            {
                continue;
            }

            chars.Append(ch is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? '_' : ch);
        }

        var result = Truncate(chars.ToString().Trim().Trim('\''), MaxSheetNameLength).Trim().Trim('\'');
        if (result.Length == 0)
        {
            return "工作表";
        }

        // Excel reserves "History" for its change-tracking sheet.
        return string.Equals(result, "History", StringComparison.OrdinalIgnoreCase) ? result + "_" : result;
    }

    internal static string WithSuffix(string name, string suffix)
        => Truncate(name, MaxSheetNameLength - suffix.Length).TrimEnd().TrimEnd('\'') + suffix;

    internal static string UniqueName(string name, HashSet<string> usedNames)
    {
        if (usedNames.Add(name))
        {
            return name;
        }

        for (var n = 2; ; n++)
        {
            var candidate = WithSuffix(name, $"({n.ToString(CultureInfo.InvariantCulture)})");
            if (usedNames.Add(candidate))
            {
                return candidate;
            }
        }
    }

    private static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        // Never cut a surrogate pair in half.
        var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..cut];
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
