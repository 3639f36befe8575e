namespace Bidui.Reports;

/// <summary>Writes one workbook with one (or more, when split) sheet per <see cref="SheetSpec"/>, streaming.</summary>
public static class XlsxWorkbookWriter
{
    public static void Write(string path, IEnumerable<SheetSpec> sheets) => throw new NotImplementedException();
}
