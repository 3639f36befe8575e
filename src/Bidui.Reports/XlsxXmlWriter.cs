using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace Bidui.Reports;

/// <summary>
/// UTF-8 XML into a stream through one buffer: markup is copied as bytes, text is escaped on the way.
/// Characters XML 1.0 cannot hold (most control characters, U+FFFE, U+FFFF) are dropped, so a stray
/// byte in a source file never makes a workbook Excel refuses to open.
/// </summary>
internal sealed class XlsxXmlWriter(Stream output)
{
    // What text may not hold as it is: the markup characters, CR (kept as a reference), and what XML forbids.
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "&<>\r\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    public void Raw(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _buffer.Length - _used)
        {
            Flush();
            if (utf8.Length > _buffer.Length)
            {
                output.Write(utf8);
                return;
            }
        }

        utf8.CopyTo(_buffer.AsSpan(_used));
        _used += utf8.Length;
    }

    /// <summary>Markup or an attribute value known to need no escaping (names, references, numbers).</summary>
    public void Raw(string ascii) => Encode(ascii);

    public void Number(long value)
    {
        if (_buffer.Length - _used < 24)
        {
            Flush();
        }

        value.TryFormat(_buffer.AsSpan(_used), out int written, default, CultureInfo.InvariantCulture);
        _used += written;
    }

    public void Number(decimal value) => Raw(value.ToString(CultureInfo.InvariantCulture));

    public void Number(double value) => Raw(value.ToString("0.##", CultureInfo.InvariantCulture));

    /// <summary>Text content or an attribute value, escaped (quotes too, so it serves both).</summary>
    public void Text(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            int special = text.IndexOfAny(Special);
            var plain = special < 0 ? text : text[..special];
            Encode(plain);
            if (special < 0)
            {
                return;
            }

            switch (text[special])
            {
                case '&': Raw("&amp;"u8); break;
                case '<': Raw("&lt;"u8); break;
                case '>': Raw("&gt;"u8); break;
                case '\r': Raw("&#13;"u8); break;
                default: break; // not allowed in XML 1.0: dropped
            }

            text = text[(special + 1)..];
        }
    }

    /// <summary>An attribute value: as <see cref="Text"/>, with quotes escaped too.</summary>
    public void Attribute(ReadOnlySpan<char> value)
    {
        while (!value.IsEmpty)
        {
            int quote = value.IndexOf('"');
            Text(quote < 0 ? value : value[..quote]);
            if (quote < 0)
            {
                return;
            }

            Raw("&quot;"u8);
            value = value[(quote + 1)..];
        }
    }

    public void Flush()
    {
        if (_used > 0)
        {
            output.Write(_buffer, 0, _used);
            _used = 0;
        }
    }

    private void Encode(ReadOnlySpan<char> chars)
    {
        while (!chars.IsEmpty)
        {
            var status = Utf8.FromUtf16(chars, _buffer.AsSpan(_used), out int read, out int written, replaceInvalidSequences: true, isFinalBlock: true);
            _used += written;
            chars = chars[read..];
            if (status == OperationStatus.DestinationTooSmall)
            {
                Flush();
            }
        }
    }
}
