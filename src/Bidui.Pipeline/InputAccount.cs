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

    /// <summary>
    /// SPEC §1: an input that loads no row is an input error, not an empty dataset (an empty registry
    /// would list every child as a dropout).
    /// </summary>
    public void RequireRows(string? sheetName)
    {
        if (RowsLoaded > 0)
            return;
        string sheet = sheetName is null ? "" : $"工作表“{sheetName}”";
        string rejected = RowsRejected > 0 ? $"；有 {RowsRejected:N0} 行既没有姓名也没有证件号码，未能载入" : "";
        throw new Bidui.Inputs.InputFileException(
            $"文件“{File}”{sheet}第{HeaderRow}行表头下面没有可用的{Name}数据行{rejected}。"
            + "空的输入会让比对结果失真（例如空的学籍数据会把每个孩子都列为疑似失学辍学），所以不予比对。请确认选择了正确的文件和工作表，或重新从系统导出。",
            File, HeaderRow + 1);
    }

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
