using System.Globalization;
using System.IO.Compression;

namespace Bidui.Reports;

/// <summary>
/// A workbook written row by row into a zip, sheet after sheet, so that memory stays flat whatever the
/// rows. Every sheet of a list is set up for the people who work through it: header row frozen, bold and
/// repeated on every printed page, an autofilter, A4 landscape fitted to the page width with page numbers,
/// a drop-down of the allowed values in a column that has them. Column widths come from sample rows given
/// when the sheet starts; a sheet longer than Excel's limit continues on "name(2)". The file is written
/// beside its target and moved into place by <see cref="Finish"/>, so a failure never leaves a workbook
/// that looks complete.
/// </summary>
/// <remarks>
/// Written by hand rather than with SpreadCheetah, which Bidui used before: SpreadCheetah cannot set up a
/// sheet for printing (orientation, fit to width, print titles), and the part it writes is deflated as it
/// goes, so adding them afterwards meant inflating and deflating every sheet again. The XML written is
/// the small subset of SpreadsheetML these workbooks need (docs/PERFORMANCE.md has the comparison).
/// </remarks>
public sealed class XlsxStreamingWorkbook : IDisposable, IAsyncDisposable
{
    private readonly string _path;
    private readonly string _partial;
    private readonly int _maxRowsPerSheet;
    private readonly FileStream _file;
    private readonly ZipArchive _zip;
    private readonly HashSet<string> _usedNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<WrittenSheet> _sheets = [];
    private SheetSpecHeader? _sheet;
    private Stream? _entry;
    private XlsxXmlWriter? _xml;
    private string _baseName = string.Empty;
    private int _part;
    private int _rowsInPart;
    private long _rowIndex;
    private bool _finished;

    private XlsxStreamingWorkbook(string path, string partial, int maxRowsPerSheet, FileStream file, ZipArchive zip)
    {
        _path = path;
        _partial = partial;
        _maxRowsPerSheet = maxRowsPerSheet;
        _file = file;
        _zip = zip;
    }

    public static XlsxStreamingWorkbook Create(string path) => Create(path, XlsxWorkbookWriter.ExcelMaxRows);

    internal static XlsxStreamingWorkbook Create(string path, int maxRowsPerSheet)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRowsPerSheet, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRowsPerSheet, XlsxWorkbookWriter.ExcelMaxRows);
        var partial = path + ".partial";
        var file = new FileStream(partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None, XlsxWorkbookWriter.BufferSize);
        try
        {
            return new XlsxStreamingWorkbook(path, partial, maxRowsPerSheet, file, new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true));
        }
        catch
        {
            file.Dispose();
            XlsxWorkbookWriter.TryDelete(partial);
            throw;
        }
    }

    /// <summary>A whole sheet: its first <see cref="XlsxWorkbookWriter.WidthSampleRows"/> rows size the columns, the rest stream.</summary>
    public void AddSheet(SheetSpec sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        using var rows = sheet.Rows.GetEnumerator();
        var sample = new List<string?[]>(XlsxWorkbookWriter.WidthSampleRows);
        while (sample.Count < XlsxWorkbookWriter.WidthSampleRows && rows.MoveNext())
        {
            sample.Add(rows.Current);
        }

        StartSheet(sheet.Name, sheet.Columns, sample, sheet.Filter);
        foreach (var row in sample)
        {
            AddRow(row);
        }

        while (rows.MoveNext())
        {
            AddRow(rows.Current);
        }
    }

    /// <summary>Starts a sheet; <paramref name="sample"/> (the first few hundred rows, or fewer) only sizes its columns.</summary>
    public void StartSheet(string name, IReadOnlyList<SheetColumn> columns, IEnumerable<string?[]> sample, bool filter = true)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException($"Sheet '{name}' has no columns.", nameof(columns));
        }

        EndPart();
        foreach (var column in columns)
        {
            CheckChoices(column);
        }

        var widths = XlsxWorkbookWriter.MeasureColumnWidths(columns, sample);
        _sheet = new SheetSpecHeader([.. columns], widths, filter);
        _baseName = XlsxWorkbookWriter.SanitizeSheetName(name);
        _part = 1;
        _rowIndex = 0;
        StartPart();
    }

    public void AddRow(string?[] row)
    {
        var sheet = _sheet ?? throw new InvalidOperationException("StartSheet must come before the first row.");
        _rowIndex++;
        if (row is null || row.Length > sheet.Columns.Length)
        {
            throw new ArgumentException(
                $"Sheet '{_baseName}', row {_rowIndex}: {row?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"} values for {sheet.Columns.Length} columns.",
                nameof(row));
        }

        if (_rowsInPart == _maxRowsPerSheet)
        {
            EndPart();
            _part++;
            StartPart();
        }

        var xml = _xml!;
        int number = _rowsInPart + 1;
        xml.Raw("<row r=\""u8);
        xml.Number(number);
        xml.Raw("\">"u8);
        // Cells without a reference, an empty one as <c/>: as SpreadCheetah wrote them, read by Excel, WPS, LibreOffice,
        // ExcelDataReader and NPOI. A reference on every cell made the deflated sheet three times as large.
        for (int c = 0; c < sheet.Columns.Length; c++)
        {
            string? value = c < row.Length ? row[c] : null;
            if (string.IsNullOrEmpty(value))
            {
                xml.Raw("<c/>"u8);
            }
            else
            {
                WriteCell(xml, value, sheet.Columns[c]);
            }
        }

        xml.Raw("</row>"u8);
        _rowsInPart++;
    }

    /// <summary>Completes the workbook and moves it into place. Disposing without finishing discards it.</summary>
    public void Finish()
    {
        EndPart();
        if (_sheets.Count == 0)
        {
            // A workbook must hold a sheet; say plainly that there is nothing in it.
            StartSheet("无数据", [new SheetColumn("说明")], [], filter: false);
            AddRow(["没有数据"]);
            EndPart();
        }

        XlsxPackage.WriteParts(_zip, _sheets);
        _zip.Dispose();
        _file.Dispose();
        File.Move(_partial, _path, overwrite: true);
        _finished = true;
    }

    public void Dispose()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        try
        {
            _entry?.Dispose();
            _zip.Dispose();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ObjectDisposedException)
        {
            // The file is being discarded anyway.
        }

        _file.Dispose();
        XlsxWorkbookWriter.TryDelete(_partial);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void StartPart()
    {
        var sheet = _sheet!;
        var name = _part == 1 ? _baseName : XlsxWorkbookWriter.WithSuffix(_baseName, $"({_part.ToString(CultureInfo.InvariantCulture)})");
        name = XlsxWorkbookWriter.UniqueName(name, _usedNames);
        int number = _sheets.Count + 1;
        _entry = _zip.CreateEntry($"xl/worksheets/sheet{number.ToString(CultureInfo.InvariantCulture)}.xml", CompressionLevel.Fastest).Open();
        _xml = new XlsxXmlWriter(_entry);
        _sheets.Add(new WrittenSheet(name, sheet.Columns.Length, sheet.Filter));
        XlsxPackage.WriteSheetStart(_xml, sheet.Widths, selected: number == 1);

        _xml.Raw("<row r=\"1\">"u8);
        foreach (var column in sheet.Columns)
        {
            _xml.Raw(column.ForInput ? "<c s=\"2\" t=\"inlineStr\"><is><t>"u8 : "<c s=\"1\" t=\"inlineStr\"><is><t>"u8);
            _xml.Text(column.Header);
            _xml.Raw("</t></is></c>"u8);
        }

        _xml.Raw("</row>"u8);
        _rowsInPart = 1;
    }

    private void EndPart()
    {
        if (_xml is null)
        {
            return;
        }

        var written = _sheets[^1];
        written.Rows = _rowsInPart;
        XlsxPackage.WriteSheetEnd(_xml, _sheet!.Columns, written);
        _xml.Flush();
        _entry!.Dispose();
        _entry = null;
        _xml = null;
    }

    private static void WriteCell(XlsxXmlWriter xml, string value, SheetColumn column)
    {
        xml.Raw("<c"u8);

        switch (column.Kind)
        {
            case CellKind.Integer when XlsxWorkbookWriter.TryParseExactInteger(value, out var integer):
                xml.Raw("><v>"u8);
                xml.Number(integer);
                xml.Raw("</v></c>"u8);
                return;
            case CellKind.Decimal when XlsxWorkbookWriter.TryParseExactDecimal(value, out var number):
                xml.Raw("><v>"u8);
                xml.Number(number);
                xml.Raw("</v></c>"u8);
                return;
        }

        // Text stays a string cell whatever it looks like: an 18-digit ID must not become 4.30102E+17,
        // and "=1+1" is text, never a formula.
        var text = value.Length > XlsxWorkbookWriter.MaxCellChars ? value.AsSpan(0, XlsxWorkbookWriter.MaxCellChars) : value.AsSpan();
        // Leading or trailing spaces are part of the finding ("张三 " is not "张三"): keep them.
        bool preserve = char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]);
        xml.Raw(column.Wrap ? " s=\"3\" t=\"inlineStr\"><is>"u8 : " t=\"inlineStr\"><is>"u8);
        xml.Raw(preserve ? "<t xml:space=\"preserve\">"u8 : "<t>"u8);
        xml.Text(text);
        xml.Raw("</t></is></c>"u8);
    }

    /// <summary>Excel keeps an in-cell list of at most 255 characters, and it is comma-separated.</summary>
    private static void CheckChoices(SheetColumn column)
    {
        if (column.Choices is not { } choices)
        {
            return;
        }

        if (choices.Count == 0 || choices.Any(c => c.Length == 0 || c.Contains(',', StringComparison.Ordinal) || c.Contains('"', StringComparison.Ordinal))
            || choices.Sum(c => c.Length + 1) - 1 > 255)
        {
            throw new ArgumentException($"Column '{column.Header}': a drop-down holds at most 255 characters of values without commas or quotes.", nameof(column));
        }
    }

    private sealed record SheetSpecHeader(SheetColumn[] Columns, double[] Widths, bool Filter);
}

/// <summary>A sheet as written: what workbook.xml needs to name it and to set its filter and print titles.</summary>
internal sealed class WrittenSheet(string name, int columns, bool filter)
{
    public string Name { get; } = name;
    public int Columns { get; } = columns;
    public bool Filter { get; } = filter;
    public int Rows { get; set; }
}
