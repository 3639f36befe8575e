using Bidui.Matching.Records;

namespace Bidui.Pipeline;

/// <summary>
/// SPEC §5 row accounting for one input: rows_read = rows_blank + rows_rejected + rows_loaded,
/// counting from the row under the header to the last row holding a value.
/// </summary>
public sealed class InputAccount(Dataset dataset, string file, string format, int headerRow, string? label = null)
{
    private long _pendingBlank;

    public Dataset Dataset { get; } = dataset;
    /// <summary>A register's label (SPEC §1.4); null for the three datasets.</summary>
    public string? Label { get; } = label;
    /// <summary>数据: the dataset's name, or the register's label.</summary>
    public string Name => Label ?? Dataset.ToChinese();
    public string File { get; } = file;
    public string Format { get; } = format;
    public int HeaderRow { get; } = headerRow;
    public long RowsRead { get; private set; }
    public long RowsBlank { get; private set; }
    public long RowsRejected { get; private set; }
    public long RowsLoaded { get; private set; }

    /// <summary>A blank row counts only if a row with a value follows it.</summary>
    public void Blank() => _pendingBlank++;

    public void Loaded() { Flush(); RowsLoaded++; }

    public void Rejected() { Flush(); RowsRejected++; }

    private void Flush()
    {
        RowsBlank += _pendingBlank;
        RowsRead += _pendingBlank + 1;
        _pendingBlank = 0;
    }
}
