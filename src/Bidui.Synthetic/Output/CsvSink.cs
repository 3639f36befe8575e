using System.Buffers;
using System.Text;

namespace Bidui.Synthetic.Output;

/// <summary>
/// A CSV file written through one char buffer and one encoder (no per-cell allocation): comma
/// separated, CRLF line ends, cells quoted only when they hold a comma, a quote or a line break.
/// </summary>
internal sealed class CsvSink : ICellSink, IDisposable
{
    private const int FlushAt = 1 << 16;
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");

    private readonly FileStream _stream;
    private readonly Encoder _encoder;
    private readonly char[] _chars = new char[FlushAt + 4096];
    private readonly byte[] _bytes;
    private int _pos;
    private bool _rowStart = true;

    public CsvSink(string path, Encoding encoding, bool byteOrderMark)
    {
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _encoder = encoding.GetEncoder();
        _bytes = new byte[encoding.GetMaxByteCount(_chars.Length)];
        if (byteOrderMark)
        {
            _stream.Write(encoding.Preamble);
        }
    }

    public bool IsSpreadsheet => false;

    public void Text(ReadOnlySpan<char> value)
    {
        Separator();
        if (value.IndexOfAny(Special) < 0)
        {
            Put(value);
            return;
        }

        Put('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                Put('"');
            }

            Put(c);
        }

        Put('"');
    }

    public void Empty() => Separator();

    public void Number(double value)
    {
        Separator();
        Ensure(32);
        value.TryFormat(_chars.AsSpan(_pos), out int n, "0.##", CultureInfo.InvariantCulture);
        _pos += n;
    }

    public void Date(DateOnly value)
    {
        Separator();
        Ensure(16);
        value.TryFormat(_chars.AsSpan(_pos), out int n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        _pos += n;
    }

    public void EndRow()
    {
        Put('\r');
        Put('\n');
        _rowStart = true;
        if (_pos >= FlushAt)
        {
            Flush(false);
        }
    }

    public void Dispose()
    {
        Flush(true);
        _stream.Dispose();
    }

    private void Separator()
    {
        if (!_rowStart)
        {
            Put(',');
        }

        _rowStart = false;
    }

    private void Put(char c)
    {
        Ensure(1);
        _chars[_pos++] = c;
    }

    private void Put(ReadOnlySpan<char> s)
    {
        Ensure(s.Length);
        s.CopyTo(_chars.AsSpan(_pos));
        _pos += s.Length;
    }

    private void Ensure(int n)
    {
        if (_pos + n > _chars.Length)
        {
            Flush(false);
            if (n > _chars.Length)
            {
                throw new InvalidOperationException("A cell longer than the CSV buffer.");
            }
        }
    }

    private void Flush(bool final)
    {
        ReadOnlySpan<char> chars = _chars.AsSpan(0, _pos);
        bool completed;
        do
        {
            _encoder.Convert(chars, _bytes, final, out int used, out int written, out completed);
            _stream.Write(_bytes, 0, written);
            chars = chars[used..];
        }
        while (!completed || chars.Length > 0);

        _pos = 0;
    }
}
