namespace Bidui.Reports;

/// <summary>Writes a list as CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting only where needed.</summary>
public sealed class CsvListWriter : IDisposable
{
    public CsvListWriter(string path, IReadOnlyList<string> headers)
    {
        throw new NotImplementedException();
    }

    public long RowsWritten { get; private set; }

    public void WriteRow(ReadOnlySpan<string?> fields) => throw new NotImplementedException();

    public void Dispose()
    {
    }
}
