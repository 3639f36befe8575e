namespace Bidui.Inputs;

public static class TabularFile
{
    /// <summary>
    /// Opens a CSV, xlsx or xls file. The format comes from the content (zip magic → xlsx,
    /// OLE2 magic → xls, else delimited text), never from the extension, because people rename files.
    /// </summary>
    /// <param name="sheetName">Sheet to read for xlsx/xls; null means the first sheet. Ignored for CSV.</param>
    /// <exception cref="InputFileException">The file is missing, unreadable, corrupt, or the sheet does not exist.</exception>
    public static ITabularReader Open(string path, string? sheetName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        throw new NotImplementedException();
    }
}
