namespace Bidui.Inputs;

/// <summary>
/// The Chinese messages of <see cref="InputFileException"/>, kept in one place so that every one names
/// the file (and row/column when known) and says what the person should do.
/// </summary>
internal static class InputErrors
{
    internal static InputFileException FileNotFound(string path, Exception inner) =>
        new($"找不到输入文件“{path}”。请检查文件路径和文件名是否正确。", path, innerException: inner);

    internal static InputFileException IsDirectory(string path) =>
        new($"“{path}”是一个文件夹，不是文件。请指定要读取的数据文件（CSV、xlsx 或 xls）。", path);

    internal static InputFileException AccessDenied(string path, Exception inner) =>
        new($"没有权限读取文件“{path}”。请检查文件权限，或把文件复制到有权限的位置后再试。", path, innerException: inner);

    internal static InputFileException CannotOpen(string path, Exception inner) =>
        new($"无法打开文件“{path}”。如果该文件正在 Excel 或 WPS 中打开，请先关闭后再试；否则请把文件复制到本机后重试。", path, innerException: inner);

    internal static InputFileException CorruptWorkbook(string path, string format, int? row, Exception? inner)
    {
        string where = row is { } r ? $"（读到第{r}行时出错）" : string.Empty;
        return new($"文件“{path}”是 {format} 格式的 Excel 文件，但无法读取{where}，可能已损坏或不完整。请用 Excel 或 WPS 打开该文件，另存为 xlsx 或 CSV（UTF-8）后再试。", path, row, innerException: inner);
    }

    internal static InputFileException PasswordProtected(string path, Exception inner) =>
        new($"文件“{path}”设置了打开密码，无法读取。请在 Excel 或 WPS 中取消密码后另存，再重新运行。", path, innerException: inner);

    internal static InputFileException MarkupNotSpreadsheet(string path) =>
        new($"文件“{path}”实际上是网页（HTML）或 XML 格式，不是真正的 Excel 或 CSV 文件（有些系统导出的“xls”文件就是这样）。请用 Excel 或 WPS 打开它，另存为 xlsx 或 CSV（UTF-8）后再试。", path);

    internal static InputFileException CsvMalformed(string path, int row, Exception inner) =>
        new($"文件“{path}”第{row}行附近的 CSV 格式有误，无法继续读取。常见原因是某个单元格中的英文双引号（\"）没有成对出现。请用 Excel 或 WPS 打开检查该行，改正后另存为 CSV 再试。", path, row, innerException: inner);

    internal static InputFileException CsvRecordTooLong(string path, int row, Exception inner) =>
        new($"文件“{path}”第{row}行超过 {InputLimits.MaxRecordChars:N0} 个字符，无法作为一行数据读取。常见原因是某个单元格中的英文双引号（\"）没有成对出现，使后面的许多行并成了一个单元格。请用 Excel 或 WPS 打开检查该行，改正后另存为 CSV 再试。", path, row, innerException: inner);

    internal static InputFileException Undecodable(string path, string encoding, int row, int column) =>
        new($"文件“{path}”第{row}行第{column}列含有无法按 {encoding} 编码识别的字节（乱码），无法确定原来的文字。请用 Excel 或 WPS 打开该文件，检查并改正这一行后另存为 CSV（UTF-8）再试。", path, row);

    internal static InputFileException TooManyColumns(string path, int row) =>
        new($"文件“{path}”第{row}行超过 {InputLimits.MaxColumns:N0} 列（Excel 工作表的列数上限），不是正常的数据表。请确认选择了正确的文件，或用 Excel 或 WPS 打开检查后另存再试。", path, row);

    internal static InputFileException CellTooLong(string path, int row, int column) =>
        new($"文件“{path}”第{row}行第{column}列的单元格超过 {InputLimits.MaxCellChars:N0} 个字符（Excel 单元格的字数上限），不是正常的数据。请用 Excel 或 WPS 打开检查该单元格，改正后另存再试。", path, row);

    internal static InputFileException XlsxTooLarge(string path, long bytes) =>
        new($"文件“{path}”解压后有 {bytes / (1024 * 1024):N0} MB，超过了允许的 {InputLimits.MaxDecompressedBytes / (1024 * 1024):N0} MB，不是正常的数据表（可能已损坏或经过篡改）。请用 Excel 或 WPS 打开检查，另存为 xlsx 或 CSV（UTF-8）后再试；数据确实很大时请导出为 CSV。", path);

    internal static InputFileException SheetRowBeyondLimit(string path, long row) =>
        new($"文件“{path}”中有第 {row:N0} 行，超过了 Excel 工作表的行数上限 {InputLimits.MaxSheetRows:N0}，不是 Excel 或 WPS 保存的正常文件（可能已损坏或经过篡改）。请用 Excel 或 WPS 打开检查，另存后再试；数据超过 {InputLimits.MaxSheetRows:N0} 行时请导出为 CSV。", path);

    internal static InputFileException SheetColumnBeyondLimit(string path, long row) =>
        new($"文件“{path}”第{row}行的列数超过了 Excel 工作表的上限 {InputLimits.MaxColumns:N0} 列，不是 Excel 或 WPS 保存的正常文件（可能已损坏或经过篡改）。请用 Excel 或 WPS 打开检查，另存后再试。", path, row <= int.MaxValue ? (int)row : null);

    internal static InputFileException WorkbookCellTooLong(string path, int row, int column) =>
        new($"文件“{path}”{(row > 0 ? $"第{row}行" : "")}{(column > 0 ? $"第{column}列" : "")}有一个单元格超过 {InputLimits.MaxCellChars:N0} 个字符（Excel 单元格的字数上限），不是正常的数据（可能已损坏或经过篡改）。请用 Excel 或 WPS 打开检查该单元格，改正后另存再试。", path, row > 0 ? row : null);

    internal static InputFileException SharedStringTooLong(string path, long index) =>
        new($"文件“{path}”的共享文字表中第 {index:N0} 项超过 {InputLimits.MaxCellChars:N0} 个字符（Excel 单元格的字数上限），不是正常的数据（可能已损坏或经过篡改）。请用 Excel 或 WPS 打开检查，另存后再试。", path);

    internal static InputFileException TooManySharedStrings(string path) =>
        new($"文件“{path}”的共享文字表超过 {InputLimits.MaxSharedStrings:N0} 项，不是正常的数据表（可能已损坏或经过篡改）。请用 Excel 或 WPS 打开检查，另存后再试；数据确实很大时请导出为 CSV。", path);

    internal static InputFileException SheetNotFound(string path, string sheetName, IReadOnlyList<string> sheetNames) =>
        new($"文件“{path}”中没有名为“{sheetName}”的工作表。该文件中的工作表有：{JoinQuoted(sheetNames)}。请改用其中一个工作表名称。", path);

    internal static InputFileException NoSheets(string path) =>
        new($"文件“{path}”中没有任何工作表。请确认选择了正确的文件。", path);

    internal static InputFileException EmptyFile(string path, string? sheetName) =>
        new(sheetName is null
                ? $"文件“{path}”是空的，没有任何数据。请确认选择了正确的文件，或重新从系统导出。"
                : $"文件“{path}”的工作表“{sheetName}”是空的，没有任何数据。请确认选择了正确的文件和工作表，或重新从系统导出。",
            path);

    internal static InputFileException NoHeader(string path, string? sheetName, DatasetSchema schema, int rowsScanned)
    {
        var examples = string.Join("、", schema.RequiredGroups.Select(g => g[0]));
        string sheet = sheetName is null ? string.Empty : $"的工作表“{sheetName}”";
        string scope = rowsScanned < BoundTable.MaxHeaderScanRows ? $"（共{rowsScanned}行）中" : $"的前{rowsScanned}行中";
        return new($"在文件“{path}”{sheet}{scope}没有找到{schema.DatasetName}数据的表头。表头行应至少包含两个可识别的列名，例如：{examples}。请检查是否选错了文件，或把表头改成这些列名后再试。", path);
    }

    internal static InputFileException MissingColumns(string path, string? sheetName, DatasetSchema schema, int headerRow, IReadOnlyList<IReadOnlyList<string>> missingGroups, IReadOnlyList<string> headersFound)
    {
        var parts = new List<string>(missingGroups.Count);
        foreach (var group in missingGroups)
        {
            var accepted = new List<string>();
            foreach (var canonical in group)
            {
                accepted.AddRange(schema.AcceptedNames(canonical));
            }

            string label = string.Join("或", group);
            parts.Add($"{label}（可用的列名：{string.Join("、", accepted)}）");
        }

        var found = headersFound.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim());
        return new(
            $"文件“{path}”{(sheetName is null ? string.Empty : $"工作表“{sheetName}”")}第{headerRow}行的表头缺少{schema.DatasetName}数据必需的列：{string.Join("；", parts)}。" +
            $"表头中找到的列有：{JoinQuoted(found.ToList())}。请在表头中加入缺少的列，或把对应的列名改成上面列出的名称之一，然后再试。",
            path,
            headerRow,
            missingGroups[0][0]);
    }

    private static string JoinQuoted(IReadOnlyList<string> names) =>
        names.Count == 0 ? "（无）" : string.Join("、", names.Select(n => $"“{n}”"));
}
