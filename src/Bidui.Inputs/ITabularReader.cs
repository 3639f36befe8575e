namespace Bidui.Inputs;

/// <summary>
/// One row source for every input format (CSV, xlsx, xls): physical rows in file order,
/// blank rows included, each with the row number a person sees in Excel/WPS (SPEC 5).
/// </summary>
public interface ITabularReader : IDisposable
{
    string FilePath { get; }

    /// <summary>"CSV (UTF-8)", "CSV (GB18030)", "xlsx" or "xls" — for the run summary.</summary>
    string FormatName { get; }

    /// <summary>The sheet being read (xlsx/xls); null for CSV.</summary>
    string? SheetName { get; }

    /// <summary>Advances to the next physical row, blank rows included; false at the end.</summary>
    bool Read();

    /// <summary>
    /// Sheet row for xlsx/xls; for CSV the record number counting from the first line
    /// (a quoted cell holding line breaks does not add rows).
    /// </summary>
    int RowNumber { get; }

    int FieldCount { get; }

    /// <summary>Cell text as a person sees it; "" when out of range or empty.</summary>
    string GetString(int ordinal);

    /// <summary>Same as <see cref="GetString"/>, without allocating where the format allows (CSV).</summary>
    ReadOnlySpan<char> GetSpan(int ordinal);

    /// <summary>Every cell of the row is empty or white space.</summary>
    bool IsBlank { get; }
}
