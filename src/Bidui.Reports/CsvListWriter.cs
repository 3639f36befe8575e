using System.Buffers;
using System.Text;

namespace Bidui.Reports;

/// <summary>
/// Writes one result list as CSV: UTF-8 with BOM (Excel and WPS detect the encoding by it), CRLF line ends,
/// RFC 4180 quoting only for fields that need it. Values are written as given, except that text Excel
/// would run as a formula gets a leading <c>'</c> (<see cref="FormulaSafety"/>).
/// </summary>
public sealed class CsvListWriter : IDisposable
{
    private const int BufferSize = 1 << 16;

    // A field needs quotes only when it holds a separator, a quote or a line break (RFC 4180 §2.6).
    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create(",\"\r\n");

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private readonly StreamWriter _writer;
    private readonly int _fieldCount;
    private bool _disposed;

    public CsvListWriter(string path, IReadOnlyList<string> headers)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Count == 0)
        {
            throw new ArgumentException("A CSV list needs at least one column.", nameof(headers));
        }

        _fieldCount = headers.Count;
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, BufferSize);
        try
        {
            _writer = new StreamWriter(stream, Utf8WithBom, BufferSize) { NewLine = "\r\n", AutoFlush = false };
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        string?[] headerFields = [.. headers];
        WriteRecord(headerFields);
    }

    /// <summary>Data rows written so far (the header is not counted).</summary>
    public long RowsWritten { get; private set; }

    /// <summary>Writes one record. <c>null</c> is written as an empty field.</summary>
    /// <exception cref="ArgumentException">The row does not have one field per header: columns would shift.</exception>
    public void WriteRow(ReadOnlySpan<string?> fields)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (fields.Length != _fieldCount)
        {
            throw new ArgumentException(
                $"Row {RowsWritten + 1} has {fields.Length} fields, the header has {_fieldCount}.", nameof(fields));
        }

        WriteRecord(fields);
        RowsWritten++;
    }

    private void WriteRecord(ReadOnlySpan<string?> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            WriteField(fields[i]);
        }

        // A lone empty field would make an empty line, which readers take for a blank row.
        if (fields.Length == 1 && string.IsNullOrEmpty(fields[0]))
        {
            _writer.Write("\"\"");
        }

        _writer.Write("\r\n");
    }

    private void WriteField(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var span = value.AsSpan();
        if (FormulaSafety.NeedsMark(span))
        {
            // The mark goes inside any quotes: '"=1,2"' would be read as text starting with a quote.
            span = ("'" + value).AsSpan();
        }

        if (!span.ContainsAny(NeedsQuoting))
        {
            _writer.Write(span);
            return;
        }

        _writer.Write('"');
        while (true)
        {
            var quote = span.IndexOf('"');
            if (quote < 0)
            {
                _writer.Write(span);
                break;
            }

            _writer.Write(span[..(quote + 1)]);
            _writer.Write('"');
            span = span[(quote + 1)..];
        }

        _writer.Write('"');
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _writer.Dispose();
    }
}
