namespace Bidui.Inputs.Excel;

/// <summary>
/// One pass over an xlsx XML part, byte by byte only where it matters: text runs are skipped with a
/// vectorised search for the next <c>&lt;</c> (in XML a raw <c>&lt;</c> always begins markup), and of each
/// tag only its name and <c>r</c> attribute are read (<c>row</c>, <c>c</c>, <c>dimension</c>; <c>si</c> is
/// counted). A DTD is refused (the entity-expansion attack). Text is measured in bytes, which bounds the
/// characters from above; a run longer than a cell may be is reported to the caller to be counted exactly.
/// </summary>
internal sealed class XmlPartScanner(string path)
{
    private const int TagKeep = 256;

    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly byte[] _tag = new byte[TagKeep];

    /// <summary>Scans a part; true when some text run is longer in bytes than a cell may be in characters.</summary>
    public bool Scan(Stream part)
    {
        bool inTag = false, longText = false;
        long text = 0;
        int tagLength = 0;
        long sharedStrings = 0;
        int read;
        while ((read = part.Read(_buffer, 0, _buffer.Length)) > 0)
        {
            var span = _buffer.AsSpan(0, read);
            while (!span.IsEmpty)
            {
                if (!inTag)
                {
                    int lt = span.IndexOf((byte)'<');
                    text += lt < 0 ? span.Length : lt;
                    longText |= text > InputLimits.MaxCellChars;
                    if (lt < 0)
                    {
                        break;
                    }

                    span = span[(lt + 1)..];
                    inTag = true;
                    tagLength = 0;
                }

                int gt = span.IndexOf((byte)'>');
                var piece = gt < 0 ? span : span[..gt];
                int keep = Math.Min(piece.Length, TagKeep - tagLength);
                piece[..keep].CopyTo(_tag.AsSpan(tagLength));
                tagLength += keep;
                if (gt < 0)
                {
                    break;
                }

                span = span[(gt + 1)..];
                inTag = false;
                text = 0;
                var tag = _tag.AsSpan(0, tagLength);
                if (tag.StartsWith("!DOCTYPE"u8) || tag.StartsWith("!ENTITY"u8))
                {
                    throw InputErrors.CorruptWorkbook(path, "xlsx", null, new InvalidDataException("DTD in an xlsx part"));
                }

                // CDATA's text may hold '<' and '>': its length is counted exactly by the second pass.
                longText |= tag.StartsWith("![CDATA["u8);
                if (!tag.IsEmpty && tag[0] is not ((byte)'/' or (byte)'?' or (byte)'!'))
                {
                    Inspect(tag, ref sharedStrings);
                }
            }
        }

        return longText;
    }

    private void Inspect(ReadOnlySpan<byte> tag, ref long sharedStrings)
    {
        int end = tag.IndexOfAny((byte)' ', (byte)'/', (byte)'\t');
        var name = end < 0 ? tag : tag[..end];
        if (name.IndexOf((byte)':') is var colon and >= 0)
        {
            name = name[(colon + 1)..]; // a namespace prefix, as some writers use (x:row)
        }

        if (name.SequenceEqual("si"u8))
        {
            if (++sharedStrings > InputLimits.MaxSharedStrings)
            {
                throw InputErrors.TooManySharedStrings(path);
            }
        }
        else if (name.SequenceEqual("row"u8))
        {
            if (System.Buffers.Text.Utf8Parser.TryParse(Attribute(tag, "r"u8), out long row, out _) && row > InputLimits.MaxSheetRows)
            {
                throw InputErrors.SheetRowBeyondLimit(path, row);
            }
        }
        else if (name.SequenceEqual("c"u8) || name.SequenceEqual("dimension"u8))
        {
            var value = Attribute(tag, name.Length == 1 ? "r"u8 : "ref"u8);
            while (!value.IsEmpty)
            {
                int split = value.IndexOf((byte)':');
                if (CellReference.TryParse(split < 0 ? value : value[..split], out long row, out long column))
                {
                    XlsxGuard.CheckPlace(path, row, column);
                }

                value = split < 0 ? [] : value[(split + 1)..];
            }
        }
    }

    /// <summary>The value of attribute <paramref name="name"/> in a tag (kept to its first 256 bytes); empty when absent.</summary>
    private static ReadOnlySpan<byte> Attribute(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> name)
    {
        for (int at = tag.IndexOf(name); at >= 0; at = Next(tag, name, at))
        {
            int after = at + name.Length;
            bool startsName = at > 0 && tag[at - 1] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';
            if (startsName && after + 1 < tag.Length && tag[after] == '=' && tag[after + 1] is (byte)'"' or (byte)'\'')
            {
                var rest = tag[(after + 2)..];
                int close = rest.IndexOf(tag[after + 1]);
                return close < 0 ? rest : rest[..close];
            }
        }

        return [];
    }

    private static int Next(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> name, int at)
    {
        int more = tag[(at + 1)..].IndexOf(name);
        return more < 0 ? -1 : at + 1 + more;
    }
}
