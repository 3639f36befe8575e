namespace Bidui.Inputs;

/// <summary>
/// The bounds every input is read within, so that a small crafted file can neither hang a run nor
/// exhaust memory. Each is what Excel and WPS themselves allow (a file past them was not made by them)
/// or far beyond any real export; a file past one is an input error (exit status 2) naming the place.
/// </summary>
public static class InputLimits
{
    /// <summary>Characters in one cell: Excel's limit.</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>Columns in one row: Excel's limit (column XFD).</summary>
    public const int MaxColumns = 16_384;

    /// <summary>Rows of a worksheet: Excel's limit. A CSV file may hold more records (province exports).</summary>
    public const int MaxSheetRows = 1_048_576;

    /// <summary>Characters in one CSV record (all its cells): bounds the parser's buffer.</summary>
    public const int MaxRecordChars = 4 * 1024 * 1024;

    /// <summary>Entries of an xlsx shared-string table: several per row of a full sheet.</summary>
    public const int MaxSharedStrings = 16 * 1024 * 1024;

    /// <summary>Bytes of all the parts of an xlsx package once decompressed.</summary>
    public const long MaxDecompressedBytes = 4L * 1024 * 1024 * 1024;
}
