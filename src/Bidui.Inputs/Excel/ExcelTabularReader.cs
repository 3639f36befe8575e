using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Bidui.Inputs.Excel;

/// <summary>
/// One sheet of an xlsx or xls workbook through ExcelDataReader. ExcelDataReader yields a row for every
/// sheet row from row 1 on, including rows absent from the file (it fills the gaps with empty rows), so
/// <c>Depth + 1</c> is the sheet row a person sees.
/// </summary>
internal sealed class ExcelTabularReader : ITabularReader
{
    private readonly IExcelDataReader _excel;
    private string?[] _texts = [];
    private int _rowNumber;
    private int _fieldCount;
    private int _blank = -1; // -1 unknown, 0 no, 1 yes

    static ExcelTabularReader()
    {
        // xls files carry code-page text (e.g. 936 for Chinese); the provider supplies those encodings.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private ExcelTabularReader(string filePath, string formatName, string sheetName, IExcelDataReader excel)
    {
        FilePath = filePath;
        FormatName = formatName;
        SheetName = sheetName;
        _excel = excel;
    }

    public string FilePath { get; }

    public string FormatName { get; }

    /// <summary>The sheet being read.</summary>
    public string SheetName { get; }

    public int RowNumber => _rowNumber;

    public int FieldCount => _fieldCount;

    public bool IsBlank
    {
        get
        {
            if (_blank < 0)
            {
                _blank = ComputeBlank() ? 1 : 0;
            }

            return _blank == 1;
        }
    }

    /// <summary>Takes ownership of <paramref name="stream"/>.</summary>
    internal static ExcelTabularReader Open(FileStream stream, string path, string formatName, string? sheetName)
    {
        IExcelDataReader excel;
        try
        {
            if (formatName == "xlsx")
            {
                XlsxGuard.Check(stream, path);
            }

            stream.Position = 0;
            excel = ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { LeaveOpen = false });
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            stream.Dispose();
            throw OpenFailure(path, formatName, ex);
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        try
        {
            string selected = SelectSheet(excel, path, sheetName);
            return new ExcelTabularReader(path, formatName, selected, excel);
        }
        catch (Exception ex)
        {
            excel.Dispose(); // also closes the stream
            if (ex is InputFileException || !IsReadFailure(ex))
            {
                throw;
            }

            throw OpenFailure(path, formatName, ex);
        }
    }

    /// <summary>The names of every sheet, in order; leaves <paramref name="stream"/> to the caller.</summary>
    internal static IReadOnlyList<string> SheetNames(FileStream stream, string path, string formatName)
    {
        try
        {
            if (formatName == "xlsx")
            {
                XlsxGuard.Check(stream, path);
            }

            stream.Position = 0;
            using var excel = ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
            var names = new List<string>();
            do
            {
                names.Add(excel.Name ?? string.Empty);
            }
            while (excel.NextResult());
            return names;
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            throw OpenFailure(path, formatName, ex);
        }
    }

    public bool Read()
    {
        bool more;
        try
        {
            more = _excel.Read();
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            throw InputErrors.CorruptWorkbook(FilePath, FormatName, _rowNumber + 1, ex);
        }

        if (!more)
        {
            _fieldCount = 0;
            _blank = 1;
            return false;
        }

        _rowNumber = _excel.Depth + 1;
        if (_rowNumber > InputLimits.MaxSheetRows)
        {
            // An xlsx is checked before it is opened; this bounds an xls (or anything else) that claims more.
            throw InputErrors.SheetRowBeyondLimit(FilePath, _rowNumber);
        }

        _fieldCount = _excel.FieldCount;
        if (_fieldCount > InputLimits.MaxColumns)
        {
            throw InputErrors.SheetColumnBeyondLimit(FilePath, _rowNumber);
        }

        if (_texts.Length < _fieldCount)
        {
            _texts = new string?[_fieldCount];
        }
        else
        {
            Array.Clear(_texts, 0, _fieldCount);
        }

        _blank = -1;
        return true;
    }

    public string GetString(int ordinal)
    {
        if ((uint)ordinal >= (uint)_fieldCount)
        {
            return string.Empty;
        }

        return _texts[ordinal] ??= Text(ordinal);
    }

    public ReadOnlySpan<char> GetSpan(int ordinal) => GetString(ordinal);

    public void Dispose() => _excel.Dispose();

    private string Text(int ordinal)
    {
        object? value = _excel.GetValue(ordinal);
        // The number format matters only for numbers with a custom format (zero-padded codes such as
        // "000000"); built-in formats (index below 164) never pad, so skip the string lookup for them.
        string? format = value is double && _excel.GetNumberFormatIndex(ordinal) >= 164 ? _excel.GetNumberFormatString(ordinal) : null;
        return CellText.Format(value, format);
    }

    private bool ComputeBlank()
    {
        for (int i = 0; i < _fieldCount; i++)
        {
            switch (_excel.GetValue(i))
            {
                case null:
                    continue;
                case string s when s.AsSpan().IsWhiteSpace():
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The first visible sheet when no name is given (a hidden first sheet, such as a template's list of
    /// allowed values, is not what a person sees on opening the file); else the sheet of that name.
    /// Leaves <paramref name="excel"/> positioned on the chosen sheet.
    /// </summary>
    private static string SelectSheet(IExcelDataReader excel, string path, string? sheetName)
    {
        var names = new List<string>();
        var visible = new List<bool>();
        do
        {
            names.Add(excel.Name ?? string.Empty);
            visible.Add(string.IsNullOrEmpty(excel.VisibleState) || string.Equals(excel.VisibleState, "visible", StringComparison.OrdinalIgnoreCase));
        }
        while (excel.NextResult());

        if (excel.ResultsCount == 0 || names.Count == 0)
        {
            throw InputErrors.NoSheets(path);
        }

        int index;
        if (sheetName is null)
        {
            index = Math.Max(0, visible.IndexOf(true));
        }
        else
        {
            index = names.IndexOf(sheetName);
            if (index < 0)
            {
                // Forgive stray spaces and letter case, which people cannot see in a sheet tab.
                string wanted = sheetName.Trim();
                index = names.FindIndex(n => string.Equals(n.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
            }

            if (index < 0)
            {
                throw InputErrors.SheetNotFound(path, sheetName, names);
            }
        }

        excel.Reset();
        for (int i = 0; i < index; i++)
        {
            excel.NextResult();
        }

        return names[index];
    }

    private static InputFileException OpenFailure(string path, string formatName, Exception ex) =>
        ex is InvalidPasswordException
            ? InputErrors.PasswordProtected(path, ex)
            : InputErrors.CorruptWorkbook(path, formatName, null, ex);

    // A damaged workbook can surface as almost any exception from deep inside the parser.
    private static bool IsReadFailure(Exception ex) =>
        ex is not (InputFileException or OutOfMemoryException or OperationCanceledException);
}
