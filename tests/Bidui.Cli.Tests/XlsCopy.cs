using System.Text;
using ExcelDataReader;
using NPOI.HSSF.UserModel;

namespace Bidui.Cli.Tests;

/// <summary>
/// Writes a legacy .xls (BIFF8) copy of a workbook's first sheet, cell by cell and row for row (numbers
/// stay numbers, dates stay date cells, empty rows stay where they were), so that the end-to-end test
/// can compare the demo read from xls, the format many county systems still export.
/// </summary>
internal static class XlsCopy
{
    public static string Of(string xlsxPath)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string xlsPath = Path.ChangeExtension(xlsxPath, ".xls");
        var book = new HSSFWorkbook();
        var sheet = book.CreateSheet("Sheet1");
        var dateStyle = book.CreateCellStyle();
        dateStyle.DataFormat = HSSFDataFormat.GetBuiltinFormat("m/d/yy");
        using (var stream = File.OpenRead(xlsxPath))
        using (var reader = ExcelReaderFactory.CreateReader(stream))
        {
            int r = 0;
            while (reader.Read())
            {
                var row = sheet.CreateRow(r++);
                for (int c = 0; c < reader.FieldCount; c++)
                {
                    switch (reader.GetValue(c))
                    {
                        case null:
                            break;
                        case double d:
                            row.CreateCell(c).SetCellValue(d);
                            break;
                        case DateTime t:
                            var cell = row.CreateCell(c);
                            cell.SetCellValue(t);
                            cell.CellStyle = dateStyle;
                            break;
                        case var v:
                            row.CreateCell(c).SetCellValue(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture));
                            break;
                    }
                }
            }
        }

        using (var output = File.Create(xlsPath))
            book.Write(output);
        return xlsPath;
    }
}
