namespace Bidui.Inputs.Csv;

/// <summary>
/// Recognises HTML or XML files saved with a spreadsheet extension: many government systems export
/// "xls" files that are really web pages or XML Spreadsheet 2003, which must be re-saved, not parsed as CSV.
/// </summary>
internal static class MarkupSniffer
{
    private static readonly string[] Markers = ["<html", "<table", "<?xml", "<!doctype", "<workbook"];

    internal static bool LooksLikeMarkup(ReadOnlySpan<char> text)
    {
        var head = text.TrimStart();
        if (head.IsEmpty || head[0] != '<')
        {
            return false;
        }

        head = head[..Math.Min(head.Length, 2048)];
        foreach (var marker in Markers)
        {
            if (head.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
