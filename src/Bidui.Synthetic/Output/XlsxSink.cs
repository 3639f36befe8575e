using SpreadCheetah;
using SpreadCheetah.Styling;

namespace Bidui.Synthetic.Output;

/// <summary>A one-sheet workbook written row by row (SpreadCheetah streams it, so memory stays flat).</summary>
internal sealed class XlsxSink : ICellSink, IDisposable
{
    /// <summary>Excel's row limit.</summary>
    public const int MaxRows = 1_048_576;

    private readonly FileStream _stream;
    private readonly Spreadsheet _book;
    private Cell[] _cells = new Cell[32];
    private int _count;
    private int _filled;

    private XlsxSink(FileStream stream, Spreadsheet book)
    {
        _stream = stream;
        _book = book;
    }

    public static XlsxSink Create(string path, string sheetName)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        try
        {
            var options = new SpreadCheetahOptions
            {
                BufferSize = 1 << 16,
                DefaultDateTimeFormat = NumberFormat.Custom("yyyy-mm-dd"),
                PreserveStringWhitespace = true,

                // No docProps: they carry the time of writing, and a seed must give the same bytes.
                DocumentProperties = null,
            };
            var book = Wait(Spreadsheet.CreateNewAsync(stream, options));
            Wait(book.StartWorksheetAsync(sheetName));
            return new XlsxSink(stream, book);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public bool IsSpreadsheet => true;

    public void MergeCells(string range) => _book.MergeCells(range);

    public void Text(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            Empty();
        }
        else
        {
            Add(new Cell(value.ToString()));
        }
    }

    public void Empty()
    {
        int filled = _filled;
        Add(new Cell((string?)null));
        _filled = filled;
    }

    public void Number(double value) => Add(new Cell(value));

    public void Date(DateOnly value) => Add(new Cell(value.ToDateTime(TimeOnly.MinValue)));

    public void EndRow()
    {
        // Trailing empty cells are left out, as Excel does.
        Wait(_book.AddRowAsync(_cells.AsMemory(0, _filled)));
        _count = 0;
        _filled = 0;
    }

    public void Dispose()
    {
        Wait(_book.FinishAsync());
        _book.Dispose();
        _stream.Dispose();
    }

    /// <summary>
    /// Gives every zip entry the same time stamp (SpreadCheetah stamps them with the time of writing),
    /// so that a seed always gives the same bytes. The compressed data is copied as it is.
    /// </summary>
    public static void FixTimestamps(string path, DateOnly day)
    {
        using var archive = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update);
        var stamp = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        foreach (var entry in archive.Entries)
        {
            entry.LastWriteTime = stamp;
        }
    }

    private void Add(Cell cell)
    {
        if (_count == _cells.Length)
        {
            Array.Resize(ref _cells, _count * 2);
        }

        _cells[_count++] = cell;
        _filled = _count;
    }

    private static void Wait(ValueTask task)
    {
        if (!task.IsCompletedSuccessfully)
        {
            task.AsTask().GetAwaiter().GetResult();
        }
    }

    private static T Wait<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
}
