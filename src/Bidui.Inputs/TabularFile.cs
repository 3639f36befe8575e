using Bidui.Inputs.Csv;
using Bidui.Inputs.Excel;

namespace Bidui.Inputs;

public static class TabularFile
{
    /// <summary>
    /// Opens a CSV, xlsx or xls file. The format comes from the content (zip magic → xlsx,
    /// OLE2 magic → xls, else delimited text), never from the extension, because people rename files.
    /// </summary>
    /// <param name="sheetName">Sheet to read for xlsx/xls; null means the first (visible) sheet. Ignored for CSV.</param>
    /// <exception cref="InputFileException">The file is missing, unreadable, corrupt, not a table
    /// (an HTML/XML page saved as "xls"), or the sheet does not exist.</exception>
    public static ITabularReader Open(string path, string? sheetName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        var stream = OpenStream(path);
        try
        {
            Span<byte> magic = stackalloc byte[8];
            int read = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
            magic = magic[..read];

            if (magic.StartsWith("PK"u8))
            {
                return ExcelTabularReader.Open(stream, path, "xlsx", sheetName);
            }

            if (magic.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            {
                return ExcelTabularReader.Open(stream, path, "xls", sheetName);
            }

            return CsvTabularReader.Open(stream, path);
        }
        catch (IOException ex)
        {
            stream.Dispose();
            throw InputErrors.CannotOpen(path, ex);
        }
        catch
        {
            // The readers own the stream once built; until then it is ours to close.
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The sheets of a workbook, in order (hidden ones too); empty for delimited text.</summary>
    /// <exception cref="InputFileException">As <see cref="Open"/>.</exception>
    public static IReadOnlyList<string> SheetNames(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = OpenStream(path);
        Span<byte> magic = stackalloc byte[8];
        magic = magic[..stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false)];
        string? format = magic.StartsWith("PK"u8) ? "xlsx"
            : magic.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) ? "xls" : null;
        return format is null ? [] : ExcelTabularReader.SheetNames(stream, path, format);
    }

    private static FileStream OpenStream(string path)
    {
        if (Directory.Exists(path))
        {
            throw InputErrors.IsDirectory(path);
        }

        try
        {
            // ReadWrite sharing: a file still open in Excel/WPS can be read on most systems. Delete sharing:
            // an input kept inside the output folder can be carried into the new results while it is read.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw InputErrors.FileNotFound(path, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw InputErrors.AccessDenied(path, ex);
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ArgumentException)
        {
            throw InputErrors.CannotOpen(path, ex);
        }
    }
}
