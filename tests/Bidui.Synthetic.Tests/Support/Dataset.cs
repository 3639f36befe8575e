namespace Bidui.Synthetic.Tests.Support;

/// <summary>A generated file bound to its header: the data rows with their row numbers, and named cells.</summary>
public sealed class Dataset
{
    private readonly Dictionary<string, int> _columns = [];

    public Dataset(string source, SourceTable table, string nameColumn, string idColumn, params string[] known)
    {
        Source = source;
        (HeaderRow, var names) = table.Header([nameColumn, idColumn, .. known]);
        for (int i = 0; i < names.Length; i++)
        {
            _columns.TryAdd(names[i], i);
        }

        NameColumn = nameColumn;
        IdColumn = idColumn;
        Valued = [.. table.Rows.Where(r => r.Row > HeaderRow)];
        Rejected = [.. Valued.Where(r => Cell(r.Cells, nameColumn).IsEmpty && Cell(r.Cells, idColumn).IsEmpty).Select(r => r.Row)];
        var rejected = Rejected.ToHashSet();
        Loaded = [.. Valued.Where(r => !rejected.Contains(r.Row))];
        RowsRead = Valued.Count == 0 ? 0 : Valued[^1].Row - HeaderRow;
    }

    public string Source { get; }

    public int HeaderRow { get; }

    public string NameColumn { get; }

    public string IdColumn { get; }

    /// <summary>Rows below the header that hold a value.</summary>
    public List<(int Row, SourceCell[] Cells)> Valued { get; }

    public List<int> Rejected { get; }

    /// <summary>Rows with a name or an ID.</summary>
    public List<(int Row, SourceCell[] Cells)> Loaded { get; }

    public int RowsRead { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    public SourceCell Cell(SourceCell[] cells, string column)
        => _columns.TryGetValue(column, out int i) && i < cells.Length ? cells[i] : new SourceCell("", false);
}
