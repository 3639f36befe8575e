using System.Text;

namespace Bidui.Reports.Tests;

public sealed class CsvListWriterTests
{
    static CsvListWriterTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Starts_with_a_utf8_bom_and_ends_lines_with_crlf()
    {
        using var dir = new TempDirectory();
        var path = dir.File("matched.csv");
        using (var csv = new CsvListWriter(path, ["姓名", "身份证件号"]))
        {
            csv.WriteRow(["张三", "43010220100101001X"]);
        }

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("姓名,身份证件号\r\n张三,43010220100101001X\r\n", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.com\",\"点我\")", "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"点我\"\")\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("+86 13800000000", "'+86 13800000000")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("\t=1+2", "'\t=1+2")]
    [InlineData("\r=1+2", "\"'\r=1+2\"")]
    [InlineData("-500", "-500")]
    [InlineData("+1,000.50", "\"+1,000.50\"")]
    [InlineData("-1.5E+3", "-1.5E+3")]
    [InlineData("张=1", "张=1")]
    [InlineData("-", "'-")]
    public void Text_a_spreadsheet_would_run_as_a_formula_gets_a_leading_mark_numbers_do_not(string cell, string written)
    {
        using var dir = new TempDirectory();
        var path = dir.File("f.csv");
        using (var csv = new CsvListWriter(path, ["姓名"]))
        {
            csv.WriteRow([cell]);
        }

        Assert.Equal($"姓名\r\n{written}\r\n", File.ReadAllText(path, Encoding.UTF8));
        Assert.Equal(cell, FormulaSafety.Unescape(FormulaSafety.Escape(cell)));
    }

    [Fact]
    public void Quotes_only_fields_that_need_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File("q.csv");
        using (var csv = new CsvListWriter(path, ["a", "b", "c", "d", "e"]))
        {
            csv.WriteRow(["plain", "x,y", "say \"hi\"", "line1\nline2", "cr\r\nlf"]);
            csv.WriteRow([null, "", " spaced ", "'0123", "=1+1"]);
        }

        var text = File.ReadAllText(path, Encoding.UTF8);
        Assert.Equal(
            "a,b,c,d,e\r\n" +
            "plain,\"x,y\",\"say \"\"hi\"\"\",\"line1\nline2\",\"cr\r\nlf\"\r\n" +
            ",, spaced ,'0123,'=1+1\r\n",
            text);
    }

    [Fact]
    public void Chinese_text_and_rare_characters_round_trip()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cn.csv");
        string?[] row = ["𠮷野家·阿依古丽", "湖南省长沙市芙蓉区第一小学", "登记非在校但有学籍", "430102"];
        using (var csv = new CsvListWriter(path, ["姓名", "学校名称", "原因", "县级代码"]))
        {
            csv.WriteRow(row);
            Assert.Equal(1, csv.RowsWritten);
        }

        var lines = File.ReadAllLines(path, Encoding.UTF8);
        Assert.Equal(2, lines.Length);
        Assert.Equal("姓名,学校名称,原因,县级代码", lines[0]);
        Assert.Equal(string.Join(',', row), lines[1]);

        // Excel and WPS pick the encoding by the BOM; without it they would read GBK.
        Assert.NotEqual(lines[1], Encoding.GetEncoding("GB18030").GetString(File.ReadAllBytes(path)).Split("\r\n")[1]);
    }

    [Fact]
    public void Counts_data_rows_only_and_writes_a_header_for_an_empty_list()
    {
        using var dir = new TempDirectory();
        var path = dir.File("empty.csv");
        using (var csv = new CsvListWriter(path, ["来源数据", "来源行号", "原因"]))
        {
            Assert.Equal(0, csv.RowsWritten);
        }

        Assert.Equal("\uFEFF来源数据,来源行号,原因\r\n", Encoding.UTF8.GetString(File.ReadAllBytes(path)));
    }

    [Fact]
    public void Rejects_a_row_whose_field_count_differs_from_the_header()
    {
        using var dir = new TempDirectory();
        using var csv = new CsvListWriter(dir.File("bad.csv"), ["a", "b"]);
        Assert.Throws<ArgumentException>(() => csv.WriteRow(["only one"]));
        Assert.Throws<ArgumentException>(() => csv.WriteRow(["1", "2", "3"]));
        Assert.Equal(0, csv.RowsWritten);
    }

    [Fact]
    public void A_single_empty_field_is_not_written_as_a_blank_line()
    {
        using var dir = new TempDirectory();
        var path = dir.File("one.csv");
        using (var csv = new CsvListWriter(path, ["备注"]))
        {
            csv.WriteRow([null]);
            csv.WriteRow(["x"]);
        }

        Assert.Equal("\uFEFF备注\r\n\"\"\r\nx\r\n", Encoding.UTF8.GetString(File.ReadAllBytes(path)));
    }

    [Fact]
    public void Writing_after_dispose_throws()
    {
        using var dir = new TempDirectory();
        var csv = new CsvListWriter(dir.File("d.csv"), ["a"]);
        csv.Dispose();
        csv.Dispose();
        Assert.Throws<ObjectDisposedException>(() => csv.WriteRow(["x"]));
    }

    [Fact]
    public void Many_rows_are_written_in_order()
    {
        using var dir = new TempDirectory();
        var path = dir.File("many.csv");
        using (var csv = new CsvListWriter(path, ["序号", "姓名"]))
        {
            for (var i = 0; i < 100_000; i++)
            {
                csv.WriteRow([i.ToString(System.Globalization.CultureInfo.InvariantCulture), "学生" + i]);
            }

            Assert.Equal(100_000, csv.RowsWritten);
        }

        var lines = File.ReadAllLines(path, Encoding.UTF8);
        Assert.Equal(100_001, lines.Length);
        Assert.Equal("99999,学生99999", lines[^1]);
    }
}
