using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ExcelDataReader;

namespace Bidui.Reports.Tests;

public sealed class XlsxWorkbookWriterTests
{
    static XlsxWorkbookWriterTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly SheetColumn[] PeopleColumns =
    [
        new("姓名"),
        new("身份证件号"),
        new("学籍行号"),
        new("年龄", CellKind.Integer),
        new("金额", CellKind.Decimal),
    ];

    /// <summary>Reads every sheet back with ExcelDataReader, a different library than the writer.</summary>
    private static List<(string Name, List<object?[]> Rows)> ReadBack(string path)
    {
        var sheets = new List<(string, List<object?[]>)>();
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.GetValue(i);
                }

                rows.Add(row);
            }

            sheets.Add((reader.Name, rows));
        }
        while (reader.NextResult());

        return sheets;
    }

    private static string SheetXml(string path, int sheetNumber)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry($"xl/worksheets/sheet{sheetNumber}.xml") ?? throw new InvalidOperationException("no sheet " + sheetNumber);
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public void Writes_sheets_headers_and_ids_as_exact_strings()
    {
        using var dir = new TempDirectory();
        var path = dir.File("430102.xlsx");
        XlsxWorkbookWriter.Write(path,
        [
            new SheetSpec("应助未助", PeopleColumns,
            [
                ["张三", "430102201001010015", "0012", "12", "1500.50"],
                ["李四", "43010220100101001X", "13", "9", "0"],
                ["王五", "", null, null, ""],
            ]),
            new SheetSpec("疑似失学辍学", [new("姓名"), new("证件号码")], [["赵六", "110101200001011234"]]),
        ]);

        var sheets = ReadBack(path);
        Assert.Equal(["应助未助", "疑似失学辍学"], sheets.Select(s => s.Name));

        var rows = sheets[0].Rows;
        Assert.Equal(["姓名", "身份证件号", "学籍行号", "年龄", "金额"], rows[0].Select(v => (string?)v));
        Assert.Equal("430102201001010015", rows[1][1]);
        Assert.Equal("43010220100101001X", rows[2][1]);

        // Row numbers and codes are Text unless the column says otherwise: "0012" keeps its zeros.
        Assert.Equal("0012", rows[1][2]);

        // Integer and Decimal columns are numbers.
        Assert.Equal(12d, Assert.IsType<double>(rows[1][3]));
        Assert.Equal(1500.5d, Assert.IsType<double>(rows[1][4]));
        Assert.Equal(0d, Assert.IsType<double>(rows[2][4]));

        // Empty values are empty cells, not empty strings.
        Assert.Equal("王五", rows[3][0]);
        Assert.Null(rows[3][1]);
        Assert.Null(rows[3][3]);

        Assert.Equal(["赵六", "110101200001011234"], sheets[1].Rows[1].Select(v => (string?)v));
    }

    [Fact]
    public void Numeric_columns_keep_values_that_do_not_parse_or_would_lose_digits_as_text()
    {
        using var dir = new TempDirectory();
        var path = dir.File("n.xlsx");
        XlsxWorkbookWriter.Write(path,
        [
            new SheetSpec("数", [new("整数", CellKind.Integer), new("小数", CellKind.Decimal)],
            [
                ["未知", "约100"],
                ["430102201001010015", "1234567890.123456"],
                ["-7", "-0.25"],
                ["1,2", "1,234.5"],
            ]),
        ]);

        var rows = ReadBack(path)[0].Rows;
        Assert.Equal("未知", rows[1][0]);
        Assert.Equal("约100", rows[1][1]);
        Assert.Equal("430102201001010015", rows[2][0]);
        Assert.Equal("1234567890.123456", rows[2][1]);
        Assert.Equal(-7d, rows[3][0]);
        Assert.Equal(-0.25d, rows[3][1]);
        Assert.Equal("1,2", rows[4][0]);
        Assert.Equal("1,234.5", rows[4][1]);
    }

    [Fact]
    public void Text_that_looks_like_a_formula_or_holds_control_characters_is_kept_as_text()
    {
        using var dir = new TempDirectory();
        var path = dir.File("t.xlsx");
        XlsxWorkbookWriter.Write(path, [new SheetSpec("文本", [new("值")], [["=1+1"], ["a\u0001b"], ["行一\n行二"], [" 张三 "]])]);

        var rows = ReadBack(path)[0].Rows;
        Assert.Equal("=1+1", rows[1][0]);
        Assert.Equal("行一\n行二", rows[3][0]);

        // XML cannot hold most control characters; they are dropped rather than breaking the file.
        Assert.Equal("ab", rows[2][0]);

        // Leading and trailing spaces are kept (xml:space="preserve"): the list shows the source as it is.
        Assert.Equal(" 张三 ", rows[4][0]);
        Assert.Contains("xml:space=\"preserve\"", SheetXml(path, 1), StringComparison.Ordinal);
    }

    [Fact]
    public void Splits_a_sheet_beyond_the_row_limit_and_repeats_the_header()
    {
        using var dir = new TempDirectory();
        var path = dir.File("split.xlsx");
        static IEnumerable<string?[]> Rows(int count)
        {
            for (var i = 1; i <= count; i++)
            {
                yield return [$"学生{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            }
        }

        // Four rows per sheet including the header: 7 data rows need three sheets.
        XlsxWorkbookWriter.Write(path,
        [
            new SheetSpec("应助未助", [new("姓名"), new("序号", CellKind.Integer)], Rows(7)),
            new SheetSpec("重复学籍", [new("姓名"), new("序号", CellKind.Integer)], Rows(3)),
        ], maxRowsPerSheet: 4);

        var sheets = ReadBack(path);
        Assert.Equal(["应助未助", "应助未助(2)", "应助未助(3)", "重复学籍"], sheets.Select(s => s.Name));
        Assert.Equal([4, 4, 2, 4], sheets.Select(s => s.Rows.Count));
        Assert.All(sheets, s => Assert.Equal("姓名", s.Rows[0][0]));
        var names = sheets.Take(3).SelectMany(s => s.Rows.Skip(1)).Select(r => (string?)r[0]).ToList();
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"学生{i}"), names);

        // Every part keeps the frozen header.
        for (var n = 1; n <= 4; n++)
        {
            Assert.Contains("state=\"frozen\"", SheetXml(path, n), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_split_beyond_the_sample_used_for_widths_keeps_every_row()
    {
        using var dir = new TempDirectory();
        var path = dir.File("big.xlsx");
        var rows = Enumerable.Range(1, 1_234).Select(i => new string?[] { i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        XlsxWorkbookWriter.Write(path, [new SheetSpec("名单", [new("序号", CellKind.Integer)], rows)], maxRowsPerSheet: 501);

        var sheets = ReadBack(path);
        Assert.Equal(["名单", "名单(2)", "名单(3)"], sheets.Select(s => s.Name));
        Assert.Equal(1_234, sheets.Sum(s => s.Rows.Count - 1));
        Assert.Equal(1234d, sheets[^1].Rows[^1][0]);
    }

    [Fact]
    public void Header_row_is_frozen_and_bold_and_columns_have_widths()
    {
        using var dir = new TempDirectory();
        var path = dir.File("w.xlsx");
        XlsxWorkbookWriter.Write(path,
        [
            new SheetSpec("名单", [new("姓名"), new("身份证件号"), new("学校名称"), new("备注"), new("行", CellKind.Integer)],
            [
                ["张三", "430102201001010015", "湖南省长沙市芙蓉区第一小学", new string('长', 200), "2"],
            ]),
        ]);

        var xml = SheetXml(path, 1);
        Assert.Matches("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"", xml);

        var widths = Regex.Matches(xml, "<col [^>]*min=\"(\\d+)\"[^>]*width=\"([\\d.]+)\"")
            .ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                          m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(5, widths.Count);
        Assert.InRange(widths[1], 6, 8);     // 姓名: two CJK characters, bold
        Assert.InRange(widths[2], 19, 24);   // 18 digits
        Assert.InRange(widths[3], 26, 32);   // 13 CJK characters count about two each
        Assert.Equal(60, widths[4]);          // capped
        Assert.True(widths[5] >= 14);         // numbers need room, or Excel shows 1E+06

        using var zip = ZipFile.OpenRead(path);
        using var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open());
        Assert.Contains("<b", styles.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sheet_names_follow_excels_rules_and_stay_unique()
    {
        using var dir = new TempDirectory();
        var path = dir.File("names.xlsx");
        SheetColumn[] one = [new("姓名")];
        XlsxWorkbookWriter.Write(path,
        [
            new SheetSpec("a[b]:c*d?e/f\\g", one, []),
            new SheetSpec("这是一个非常非常非常非常非常非常非常非常非常非常长的工作表名称啊", one, []),
            new SheetSpec("'引号'", one, []),
            new SheetSpec("名单", one, []),
            new SheetSpec("名单", one, []),
            new SheetSpec("   ", one, []),
        ]);

        var names = ReadBack(path).Select(s => s.Name).ToList();
        Assert.Equal("a_b__c_d_e_f_g", names[0]);
        Assert.Equal(31, names[1].Length);
        Assert.Equal("引号", names[2]);
        Assert.Equal(["名单", "名单(2)", "工作表"], names[3..]);
    }

    [Theory]
    [InlineData("History", "History_")]
    [InlineData("", "工作表")]
    [InlineData("列表\u0001", "列表")]
    public void Sanitizes_sheet_names(string name, string expected)
        => Assert.Equal(expected, XlsxWorkbookWriter.SanitizeSheetName(name));

    [Fact]
    public void A_long_name_is_not_cut_inside_a_surrogate_pair()
    {
        var name = new string('a', 30) + "𠮷";
        var sanitized = XlsxWorkbookWriter.SanitizeSheetName(name);
        Assert.Equal(new string('a', 30), sanitized);
    }

    [Theory]
    [InlineData("430102201001010015", 18)]
    [InlineData("张三", 4)]
    [InlineData("𠮷", 2)]
    [InlineData("ＡＢ", 4)]
    [InlineData("短\n更长一些", 8)]
    [InlineData(null, 0)]
    public void Measures_display_width(string? text, int expected)
        => Assert.Equal(expected, XlsxWorkbookWriter.DisplayWidth(text));

    [Fact]
    public void A_workbook_without_sheets_still_opens()
    {
        using var dir = new TempDirectory();
        var path = dir.File("none.xlsx");
        XlsxWorkbookWriter.Write(path, []);
        Assert.Equal(["无数据"], ReadBack(path).Select(s => s.Name));
    }

    [Fact]
    public void A_row_with_more_values_than_columns_fails_and_leaves_no_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.xlsx");
        Assert.Throws<ArgumentException>(() => XlsxWorkbookWriter.Write(path, [new SheetSpec("x", [new("a")], [["1", "2"]])]));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Rows_are_enumerated_once_and_lazily()
    {
        using var dir = new TempDirectory();
        var path = dir.File("lazy.xlsx");
        var produced = 0;
        IEnumerable<string?[]> Rows()
        {
            for (var i = 0; i < 2_000; i++)
            {
                produced++;
                yield return [i.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            }
        }

        XlsxWorkbookWriter.Write(path, [new SheetSpec("s", [new("n")], Rows())]);
        Assert.Equal(2_000, produced);
        Assert.Equal(2_001, ReadBack(path)[0].Rows.Count);
    }

    [Fact]
    public void Sheets_print_on_a4_landscape_fitted_to_width_with_the_header_on_every_page_and_an_autofilter()
    {
        using var dir = new TempDirectory();
        var path = dir.File("print.xlsx");
        XlsxWorkbookWriter.Write(path,
        [
            new SheetSpec("名单", [new("姓名"), new("身份证件号"), new("行", CellKind.Integer)], [["张三", "430102201001010015", "2"], ["李四", "", "3"]]),
            new SheetSpec("说明", [new("说明") { Wrap = true }], [["一段说明"]]) { Filter = false },
        ]);

        var xml = SheetXml(path, 1);
        Assert.Contains("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>", xml, StringComparison.Ordinal);
        Assert.Contains("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>", xml, StringComparison.Ordinal);
        Assert.Contains("<autoFilter ref=\"A1:C3\"/>", xml, StringComparison.Ordinal);
        Assert.Contains("&amp;P", xml, StringComparison.Ordinal); // page numbers in the footer
        Assert.DoesNotContain("<autoFilter", SheetXml(path, 2), StringComparison.Ordinal);
        Assert.Contains("s=\"3\"", SheetXml(path, 2), StringComparison.Ordinal); // wrapped prose

        using var zip = ZipFile.OpenRead(path);
        using var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        string names = workbook.ReadToEnd();
        Assert.Contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'名单'!$1:$1</definedName>", names, StringComparison.Ordinal);
        Assert.Contains("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">'名单'!$A$1:$C$3</definedName>", names, StringComparison.Ordinal);

        // Another reader sees the empty cell as empty, the others in their columns.
        var rows = ReadBack(path)[0].Rows;
        Assert.Equal(["李四", null, 3d], rows[2]);
    }

    [Fact]
    public void A_column_with_choices_gets_a_drop_down_on_every_row_and_a_marked_header()
    {
        using var dir = new TempDirectory();
        var path = dir.File("choices.xlsx");
        XlsxWorkbookWriter.Write(path,
        [
            new SheetSpec("疑似失学辍学", [new("姓名"), new("核查结果") { Choices = ["已在校并注册学籍", "其他"], ForInput = true }, new("备注") { ForInput = true }],
                [["张三"]]),
        ]);

        var xml = SheetXml(path, 1);
        Assert.Matches("<dataValidation type=\"list\"[^>]*sqref=\"B2:B1048576\"><formula1>&quot;已在校并注册学籍,其他&quot;</formula1>", xml);
        Assert.Contains("<c s=\"2\" t=\"inlineStr\"><is><t>核查结果</t>", xml, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => XlsxWorkbookWriter.Write(dir.File("bad.xlsx"),
            [new SheetSpec("x", [new("结果") { Choices = ["a,b"] }], [])]));
        Assert.Throws<ArgumentException>(() => XlsxWorkbookWriter.Write(dir.File("long.xlsx"),
            [new SheetSpec("x", [new("结果") { Choices = [new string('长', 256)] }], [])]));
    }
}
