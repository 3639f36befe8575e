namespace Bidui.Inputs;

/// <summary>
/// An input file with its header row located and its columns bound to a <see cref="DatasetSchema"/>.
/// </summary>
public sealed class BoundTable : IDisposable
{
    private BoundTable(ITabularReader reader)
    {
        Reader = reader;
    }

    /// <summary>
    /// Opens the file, finds the header (first row holding at least two recognised names, within
    /// the first 200 rows) and binds the columns.
    /// </summary>
    /// <exception cref="InputFileException">Unreadable or corrupt file, sheet not found, empty file,
    /// no header found, or a required column missing.</exception>
    public static BoundTable Open(string path, DatasetSchema schema, string? sheetName = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _ = TabularFile.Open(path, sheetName);
        throw new NotImplementedException();
    }

    public ITabularReader Reader { get; }

    /// <summary>Row number of the header as Excel/WPS shows it.</summary>
    public int HeaderRowNumber { get; }

    /// <summary>Header cells as found in the file (original text), in column order.</summary>
    public IReadOnlyList<string> HeadersFound { get; } = [];

    /// <summary>Ordinal of a canonical column; -1 when the column is absent.</summary>
    public int Ordinal(string canonical) => throw new NotImplementedException();

    /// <summary>Next row after the header, blank rows included (the caller counts them).</summary>
    public bool ReadRow() => Reader.Read();

    public void Dispose() => Reader.Dispose();
}
