using System.IO.Compression;
using System.Xml;

namespace Bidui.Inputs.Excel;

/// <summary>
/// Checks an xlsx package against <see cref="InputLimits"/> before ExcelDataReader opens it: ExcelDataReader
/// materialises every cell's text, every shared string and every row up to the highest row number, so a
/// 2 KB file claiming row 2,000,000,000, a 2 MB file holding one 700-million-character cell, or 4 MB of
/// empty shared strings took minutes or gigabytes. The declared sizes of all parts are summed first (the
/// zip reader refuses a part that inflates past its declared size); then each XML part is streamed once
/// through <see cref="XmlPartScanner"/>, a byte-level pass that looks only at tags and the length of text
/// between them (an XML reader took a third as long as ExcelDataReader's whole read). A part whose text
/// may be too long is read again by an XML reader that counts characters exactly, in chunks. The first
/// bound broken is an <see cref="InputFileException"/> naming the row; the pass stops there.
/// </summary>
internal static class XlsxGuard
{
    private const int ChunkChars = 8192;

    public static void Check(Stream stream, string path)
    {
        stream.Position = 0;
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
            }

            if (declared > InputLimits.MaxDecompressedBytes)
            {
                throw InputErrors.XlsxTooLarge(path, declared);
            }

            var scanner = new XmlPartScanner(path);
            char[]? chunk = null;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                {
                    bool longText;
                    using (var part = entry.Open())
                    {
                        longText = scanner.Scan(part);
                    }

                    if (longText)
                    {
                        using var part = entry.Open();
                        CheckPart(part, path, entry.FullName, chunk ??= new char[ChunkChars]);
                    }
                }
            }
        }

        stream.Position = 0;
    }

    private static void CheckPart(Stream part, string path, string partName, char[] chunk)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        using var xml = XmlReader.Create(part, settings);
        var names = xml.NameTable;
        object row = names.Add("row"), cell = names.Add("c"), sharedString = names.Add("si"), dimension = names.Add("dimension");
        bool sharedStrings = partName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
        int currentRow = 0, currentColumn = 0;
        long strings = 0;
        try
        {
            while (xml.Read())
            {
                switch (xml.NodeType)
                {
                    case XmlNodeType.Element:
                        object name = xml.LocalName;
                        if (ReferenceEquals(name, row))
                        {
                            if (long.TryParse(xml.GetAttribute("r"), out long r))
                            {
                                if (r > InputLimits.MaxSheetRows)
                                {
                                    throw InputErrors.SheetRowBeyondLimit(path, r);
                                }

                                currentRow = (int)r;
                            }
                        }
                        else if (ReferenceEquals(name, cell))
                        {
                            if (xml.GetAttribute("r") is { } reference && CellReference.TryParse(reference, out long cellRow, out long column))
                            {
                                CheckPlace(path, cellRow, column);
                                currentColumn = (int)column;
                            }
                        }
                        else if (ReferenceEquals(name, sharedString) && sharedStrings && ++strings > InputLimits.MaxSharedStrings)
                        {
                            throw InputErrors.TooManySharedStrings(path);
                        }
                        else if (ReferenceEquals(name, dimension) && xml.GetAttribute("ref") is { } range)
                        {
                            foreach (var corner in range.Split(':'))
                            {
                                if (CellReference.TryParse(corner, out long cornerRow, out long cornerColumn))
                                {
                                    CheckPlace(path, cornerRow, cornerColumn);
                                }
                            }
                        }

                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                        long length = 0;
                        int read;
                        while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                        {
                            length += read;
                            if (length > InputLimits.MaxCellChars)
                            {
                                throw sharedStrings
                                    ? InputErrors.SharedStringTooLong(path, strings)
                                    : InputErrors.WorkbookCellTooLong(path, currentRow, currentColumn);
                            }
                        }

                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            throw InputErrors.CorruptWorkbook(path, "xlsx", currentRow > 0 ? currentRow : null, ex);
        }
    }

    internal static void CheckPlace(string path, long row, long column)
    {
        if (row > InputLimits.MaxSheetRows)
        {
            throw InputErrors.SheetRowBeyondLimit(path, row);
        }

        if (column > InputLimits.MaxColumns)
        {
            throw InputErrors.SheetColumnBeyondLimit(path, row);
        }
    }
}

/// <summary>An A1-style reference ("XFD1048576", "$A$1"), read from the XML's bytes without allocating.</summary>
internal static class CellReference
{
    public static bool TryParse(ReadOnlySpan<char> text, out long row, out long column)
    {
        Span<byte> bytes = stackalloc byte[Math.Min(text.Length, 32)];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = text[i] < 128 ? (byte)text[i] : (byte)'?';
        }

        return TryParse(bytes, out row, out column);
    }

    public static bool TryParse(ReadOnlySpan<byte> text, out long row, out long column)
    {
        row = column = 0;
        text = text.Trim((byte)' ').TrimStart((byte)'$');
        int i = 0;
        while (i < text.Length && i < 8 && (uint)((text[i] | 0x20) - 'a') <= 'z' - 'a')
        {
            column = (column * 26) + ((text[i] | 0x20) - 'a' + 1);
            i++;
        }

        if (i < text.Length && text[i] == '$')
        {
            i++;
        }

        return i > 0 && System.Buffers.Text.Utf8Parser.TryParse(text[i..], out row, out int used) && used == text.Length - i;
    }
}
