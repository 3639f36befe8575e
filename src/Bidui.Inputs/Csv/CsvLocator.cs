using System.Text;

namespace Bidui.Inputs.Csv;

/// <summary>
/// Finds the row (record number, as Excel shows it) and column of a character offset in a CSV file's
/// text, honouring quotes as the parser does. Used only to report a problem, so it may read the file
/// again from the start: that is linear, and a run that reaches it stops anyway.
/// </summary>
internal static class CsvLocator
{
    internal static (int Row, int Column) Locate(string path, Encoding encoding, int preambleLength, char delimiter, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        stream.Position = preambleLength;
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        return Locate(reader, delimiter, offset);
    }

    internal static (int Row, int Column) Locate(TextReader text, char delimiter, long offset)
    {
        int row = 1, column = 1;
        bool inQuotes = false, fieldStart = true, justClosed = false;
        var buffer = new char[1 << 16];
        long position = 0;
        int n;
        char previous = '\0';
        while (position < offset && (n = text.Read(buffer, 0, (int)Math.Min(buffer.Length, offset - position))) > 0)
        {
            foreach (char c in buffer.AsSpan(0, n))
            {
                bool crlf = c == '\n' && previous == '\r';
                previous = c;
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        inQuotes = false;
                        justClosed = true;
                    }

                    continue;
                }

                if (c == '"' && (fieldStart || justClosed))
                {
                    inQuotes = true; // an opening quote, or the second of an escaped pair
                    fieldStart = justClosed = false;
                    continue;
                }

                justClosed = false;
                if (c == delimiter)
                {
                    column++;
                    fieldStart = true;
                }
                else if (c is '\n' or '\r')
                {
                    if (!crlf)
                    {
                        row++;
                        column = 1;
                    }

                    fieldStart = true;
                }
                else
                {
                    fieldStart = false;
                }
            }

            position += n;
        }

        return (row, column);
    }
}
