using System.IO.Compression;
using Bidui.Inputs.Excel;

namespace Bidui.Inputs.Tests;

public sealed class ExcelReadingTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Xlsx_rows_absent_from_the_file_come_out_blank_with_their_row_numbers()
    {
        using var reader = TabularFile.Open(TestFiles.Fixture("poverty_gaps.xlsx"));
        Assert.Equal("xlsx", reader.FormatName);
        Assert.Equal("脱贫人口", reader.SheetName);
        var rows = reader.ReadAll();
        Assert.Equal(Enumerable.Range(1, 10), rows.Select(r => r.Row));
        Assert.Equal([2, 6, 7, 9], rows.Where(r => r.Blank).Select(r => r.Row));
        Assert.Equal("2024年脱贫人口及防返贫监测对象明细", rows[0].Cells[0]);
        Assert.Equal("户编号", rows[2].Cells[0]);
        Assert.Equal("李娜", rows[7].Cells[1]);
        Assert.Equal("赵六", rows[9].Cells[1]);
    }

    [Fact]
    public void Xlsx_cells_read_as_a_person_sees_them()
    {
        using var reader = TabularFile.Open(TestFiles.Fixture("poverty_gaps.xlsx"));
        var rows = reader.ReadAll();
        Assert.Equal("430102201001011238", rows[3].Cells[2]); // text stays text
        Assert.Equal("4.3010220090909E+17", rows[4].Cells[2]); // an ID typed as a number has lost digits
        Assert.Equal("430102", rows[4].Cells[7]); // small integral number without decimals
        Assert.Equal("2012-12-12", rows[7].Cells[4]); // date cell
        Assert.Equal("000042", rows[9].Cells[0]); // number with custom format "000000"
    }

    [Fact]
    public void Second_sheet_is_read_by_name()
    {
        using var reader = TabularFile.Open(TestFiles.Fixture("poverty_gaps.xlsx"), "说明");
        Assert.Equal("说明", reader.SheetName);
        Assert.True(reader.Read());
        Assert.Equal("本表由乡村振兴局导出", reader.GetString(0));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Hidden_first_sheet_is_skipped_when_no_sheet_is_named()
    {
        string path = _files.Write("hidden.xlsx", File.ReadAllBytes(TestFiles.Fixture("poverty_gaps.xlsx")));
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("xl/workbook.xml")!;
            string xml;
            using (var r = new StreamReader(entry.Open()))
            {
                xml = r.ReadToEnd();
            }

            entry.Delete();
            using var w = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open());
            w.Write(xml.Replace("sheetId=\"1\"", "sheetId=\"1\" state=\"hidden\"", StringComparison.Ordinal));
        }

        using (var reader = TabularFile.Open(path))
        {
            Assert.Equal("说明", reader.SheetName);
        }

        using (var reader = TabularFile.Open(path, "脱贫人口"))
        {
            Assert.Equal("脱贫人口", reader.SheetName);
        }
    }

    [Fact]
    public void Sheet_name_match_forgives_case_and_surrounding_spaces()
    {
        using var reader = TabularFile.Open(TestFiles.Fixture("poverty_gaps.xlsx"), " 说明 ");
        Assert.Equal("说明", reader.SheetName);
    }

    [Fact]
    public void Wrong_sheet_name_lists_the_sheets()
    {
        var ex = Assert.Throws<InputFileException>(() => TabularFile.Open(TestFiles.Fixture("poverty_gaps.xlsx"), "Sheet1"));
        Assert.Contains("poverty_gaps.xlsx", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sheet1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("“脱贫人口”", ex.Message, StringComparison.Ordinal);
        Assert.Contains("“说明”", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_xlsx_is_an_input_error()
    {
        var ex = Assert.Throws<InputFileException>(() => TabularFile.Open(TestFiles.Fixture("corrupt.xlsx")));
        Assert.Contains("corrupt.xlsx", ex.Message, StringComparison.Ordinal);
        Assert.Contains("损坏", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public void Format_comes_from_content_not_extension()
    {
        string renamed = _files.Write("poverty.csv", File.ReadAllBytes(TestFiles.Fixture("poverty_gaps.xlsx")));
        using (var reader = TabularFile.Open(renamed))
        {
            Assert.Equal("xlsx", reader.FormatName);
        }

        string csvNamedXlsx = _files.Write("students.xlsx", File.ReadAllBytes(TestFiles.Fixture("students_utf8_bom.csv")));
        using (var reader = TabularFile.Open(csvNamedXlsx))
        {
            Assert.Equal("CSV (UTF-8)", reader.FormatName);
        }
    }

    [Fact]
    public void Xls_made_by_LibreOffice_keeps_sheet_row_numbers()
    {
        using var reader = TabularFile.Open(TestFiles.Fixture("aid_title.xls"));
        Assert.Equal("xls", reader.FormatName);
        Assert.Equal("资助发放", reader.SheetName);
        var rows = reader.ReadAll();
        Assert.Equal(Enumerable.Range(1, 6), rows.Select(r => r.Row));
        Assert.True(rows[4].Blank);
        Assert.Equal("学生姓名", rows[1].Cells[0]);
        Assert.Equal("孙丽", rows[2].Cells[0]);
        Assert.Equal("吴昊", rows[5].Cells[0]);
        Assert.Equal(6, rows[5].Row);
    }

    [Fact]
    public void Xls_cells_read_as_a_person_sees_them()
    {
        using var reader = TabularFile.Open(TestFiles.Fixture("aid_title.xls"));
        var rows = reader.ReadAll();
        Assert.Equal("430102201001011238", rows[2].Cells[1]);
        Assert.Equal("4.3010220120315E+17", rows[3].Cells[1]);
        Assert.Equal("1250", rows[2].Cells[3]);
        Assert.Equal("800.5", rows[3].Cells[3]);
        Assert.Equal("2024-10-15", rows[2].Cells[6]);
        Assert.Equal("2025-04-01", rows[3].Cells[6]);
    }

    [Fact]
    public void Empty_zip_is_a_corrupt_workbook()
    {
        string path = _files.Write("empty.xlsx", [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        var ex = Assert.Throws<InputFileException>(() => TabularFile.Open(path));
        Assert.Contains("empty.xlsx", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(430102900101123d, "430102900101123")]
    [InlineData(6d, "6")]
    [InlineData(-3d, "-3")]
    [InlineData(0d, "0")]
    [InlineData(999999999999999d, "999999999999999")]
    [InlineData(430102199001011234d, "4.30102199001011E+17")]
    [InlineData(1e15, "1E+15")]
    [InlineData(1250.5, "1250.5")]
    [InlineData(0.1 + 0.2, "0.3")]
    public void Numbers_as_a_person_sees_them(double value, string expected)
    {
        Assert.Equal(expected, CellText.Format(value, "General"));
    }

    [Fact]
    public void Other_cell_values_as_text()
    {
        Assert.Equal("2012-12-12", CellText.Format(new DateTime(2012, 12, 12), null));
        Assert.Equal("2012-12-12 08:30:00", CellText.Format(new DateTime(2012, 12, 12, 8, 30, 0), null));
        Assert.Equal("TRUE", CellText.Format(true, null));
        Assert.Equal(string.Empty, CellText.Format(null, null));
        Assert.Equal(" 张三 ", CellText.Format(" 张三 ", null));
        // A code column formatted with zeros shows its leading zeros.
        Assert.Equal("000123", CellText.Format(123d, "000000"));
    }
}
