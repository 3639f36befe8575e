using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Bidui.Reports;

/// <summary>
/// A workbook written row by row, for writers that learn a sheet's rows one at a time (the
/// partitioned run merges lists from disk). Column widths come from sample rows given when the
/// sheet starts; a sheet longer than Excel's limit continues on "name(2)". The file is written
/// beside its target and moved into place by <see cref="FinishAsync"/>, so a failure never leaves a
/// workbook that looks complete.
/// </summary>
public sealed class XlsxStreamingWorkbook : IAsyncDisposable
{
    private readonly string _path;
    private readonly string _partial;
    private readonly int _maxRowsPerSheet;
    private readonly Stream _stream;
    private readonly Spreadsheet _book;
    private readonly StyleId _headerStyle;
    private readonly HashSet<string> _usedNames = new(StringComparer.OrdinalIgnoreCase);
    private string _baseName = string.Empty;
    private string[] _headers = [];
    private CellKind[] _kinds = [];
    private WorksheetOptions? _options;
    private DataCell[] _cells = [];
    private int _part;
    private int _rowsInPart;
    private long _rowIndex;
    private bool _anySheet;
    private bool _finished;

    private XlsxStreamingWorkbook(string path, string partial, int maxRowsPerSheet, Stream stream, Spreadsheet book)
    {
        _path = path;
        _partial = partial;
        _maxRowsPerSheet = maxRowsPerSheet;
        _stream = stream;
        _book = book;
        _headerStyle = book.AddStyle(new Style
        {
            Font = { Bold = true },
            Fill = { Color = System.Drawing.Color.FromArgb(0xDD, 0xE6, 0xF0) },
        });
    }

    public static XlsxStreamingWorkbook Create(string path) =>
        CreateAsync(path, XlsxWorkbookWriter.ExcelMaxRows, CancellationToken.None).GetAwaiter().GetResult();

    internal static async Task<XlsxStreamingWorkbook> CreateAsync(string path, int maxRowsPerSheet, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRowsPerSheet, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRowsPerSheet, XlsxWorkbookWriter.ExcelMaxRows);
        var partial = path + ".partial";
        var stream = new SynchronousWriteStream(new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, XlsxWorkbookWriter.BufferSize));
        try
        {
            var book = await Spreadsheet.CreateNewAsync(stream, XlsxWorkbookWriter.Options, cancellationToken).ConfigureAwait(false);
            return new XlsxStreamingWorkbook(path, partial, maxRowsPerSheet, stream, book);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            XlsxWorkbookWriter.TryDelete(partial);
            throw;
        }
    }

    /// <summary>Starts a sheet; <paramref name="sample"/> (the first few hundred rows, or fewer) only sizes its columns.</summary>
    public void StartSheet(string name, IReadOnlyList<SheetColumn> columns, IEnumerable<string?[]> sample) =>
        StartSheetAsync(name, columns, sample, CancellationToken.None).GetAwaiter().GetResult();

    public void AddRow(string?[] row) => AddRowAsync(row, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public void Finish() => FinishAsync(CancellationToken.None).GetAwaiter().GetResult();

    internal async Task StartSheetAsync(string name, IReadOnlyList<SheetColumn> columns, IEnumerable<string?[]> sample, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException($"Sheet '{name}' has no columns.", nameof(columns));
        }

        _headers = columns.Select(c => c.Header).ToArray();
        _kinds = columns.Select(c => c.Kind).ToArray();
        _cells = new DataCell[columns.Count];
        _options = new WorksheetOptions { FrozenRows = 1 };
        var widths = XlsxWorkbookWriter.MeasureColumnWidths(_headers, _kinds, sample);
        for (var c = 0; c < widths.Length; c++)
        {
            _options.Column(c + 1).Width = widths[c];
        }

        _baseName = XlsxWorkbookWriter.SanitizeSheetName(name);
        _part = 1;
        _rowIndex = 0;
        await StartPartAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task StartPartAsync(CancellationToken cancellationToken)
    {
        var name = _part == 1 ? _baseName : XlsxWorkbookWriter.WithSuffix(_baseName, $"({_part.ToString(CultureInfo.InvariantCulture)})");
        await _book.StartWorksheetAsync(XlsxWorkbookWriter.UniqueName(name, _usedNames), _options, cancellationToken).ConfigureAwait(false);
        await _book.AddHeaderRowAsync(_headers, _headerStyle, cancellationToken).ConfigureAwait(false);
        _rowsInPart = 1;
        _anySheet = true;
    }

    internal async ValueTask AddRowAsync(string?[] row, CancellationToken cancellationToken)
    {
        if (_options is null)
        {
            throw new InvalidOperationException("StartSheet must come before the first row.");
        }

        _rowIndex++;
        if (row is null || row.Length > _cells.Length)
        {
            throw new ArgumentException(
                $"Sheet '{_baseName}', row {_rowIndex}: {row?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"} values for {_cells.Length} columns.",
                nameof(row));
        }

        if (_rowsInPart == _maxRowsPerSheet)
        {
            _part++;
            await StartPartAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var c = 0; c < _cells.Length; c++)
        {
            _cells[c] = XlsxWorkbookWriter.ToCell(c < row.Length ? row[c] : null, _kinds[c]);
        }

        await _book.AddRowAsync(_cells, cancellationToken).ConfigureAwait(false);
        _rowsInPart++;
    }

    /// <summary>Completes the workbook and moves it into place. Disposing without finishing discards it.</summary>
    internal async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (!_anySheet)
        {
            // A workbook must hold a sheet; say plainly that there is nothing in it.
            await _book.StartWorksheetAsync("无数据", token: cancellationToken).ConfigureAwait(false);
        }

        await _book.FinishAsync(cancellationToken).ConfigureAwait(false);
        await _book.DisposeAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        File.Move(_partial, _path, overwrite: true);
        _finished = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_finished)
        {
            return;
        }

        await _book.DisposeAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        XlsxWorkbookWriter.TryDelete(_partial);
    }
}
