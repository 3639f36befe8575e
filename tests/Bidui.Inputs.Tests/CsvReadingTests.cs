using System.Text;
using Bidui.Inputs.Csv;

namespace Bidui.Inputs.Tests;

public sealed class CsvReadingTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Gb18030_file_is_detected_and_decoded()
    {
        using var reader = TabularFile.Open(TestFiles.Fixture("students_gb18030.csv"));
        Assert.Equal("CSV (GB18030)", reader.FormatName);
        Assert.Null(reader.SheetName);
        var rows = reader.ReadAll();
        Assert.Equal("2024年秋季学期在校学生名单", rows[0].Cells[0]);
        Assert.Equal("*身份证件号（必填）", rows[2].Cells[2]);
        Assert.Equal("阿依古丽·买买提", rows[4].Cells[1]);
        // 䶮 (CJK Extension A) is a four-byte GB18030 character, outside GBK.
        Assert.Equal("刘䶮", rows[5].Cells[1]);
    }

    [Fact]
    public void Utf8_with_bom_is_detected_and_the_bom_is_not_part_of_the_first_cell()
    {
        using var reader = TabularFile.Open(TestFiles.Fixture("students_utf8_bom.csv"));
        Assert.Equal("CSV (UTF-8)", reader.FormatName);
        Assert.True(reader.Read());
        Assert.Equal("姓名", reader.GetString(0));
    }

    [Fact]
    public void Plain_utf8_tab_delimited_is_detected()
    {
        using var reader = TabularFile.Open(TestFiles.Fixture("aid_utf8_tab.csv"));
        Assert.Equal("CSV (UTF-8)", reader.FormatName);
        Assert.Equal('\t', ((CsvTabularReader)reader).Delimiter);
        var rows = reader.ReadAll();
        Assert.Equal(7, rows[0].Cells.Length);
        Assert.Equal("1,250.00", rows[1].Cells[3]);
    }

    [Fact]
    public void Utf16_with_bom_is_read()
    {
        var bytes = new UnicodeEncoding(false, true).GetPreamble().Concat(Encoding.Unicode.GetBytes("姓名\t身份证件号\r\n张三\t1\r\n")).ToArray();
        using var reader = TabularFile.Open(_files.Write("unicode.txt", bytes));
        Assert.Equal("CSV (UTF-16)", reader.FormatName);
        Assert.True(reader.Read());
        Assert.Equal("身份证件号", reader.GetString(1));
    }

    [Fact]
    public void Row_numbers_count_records_and_blank_lines_not_the_line_breaks_inside_a_quoted_cell()
    {
        using var reader = TabularFile.Open(TestFiles.Fixture("students_gb18030.csv"));
        var rows = reader.ReadAll();
        Assert.Equal(Enumerable.Range(1, 9), rows.Select(r => r.Row));
        Assert.True(rows[6].Blank);
        Assert.Equal(7, rows[6].Row);
        Assert.Equal("王芳", rows[7].Cells[1]);
        Assert.Equal(8, rows[7].Row);
        Assert.Equal("转入学生\n待核实", rows[7].Cells[11]);
        Assert.Equal("李娜", rows[8].Cells[1]);
        Assert.Equal(9, rows[8].Row);
    }

    [Fact]
    public void Ragged_rows_blank_lines_and_hash_lines_all_come_through()
    {
        // Sylvan skips '#' lines by default; here they must be rows like any other.
        string path = _files.WriteText("ragged.csv", "标题\n姓名,身份证件号,年级\n\n#张三,1\n李四,2,三年级,多余\n,, \n\0x\n");
        using var reader = TabularFile.Open(path);
        var rows = reader.ReadAll();
        Assert.Equal(7, rows.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], rows.Select(r => r.Row));
        Assert.Single(rows[0].Cells);
        Assert.True(rows[2].Blank);
        Assert.Equal("#张三", rows[3].Cells[0]);
        Assert.Equal(4, rows[4].Cells.Length);
        Assert.Equal("多余", rows[4].Cells[3]);
        Assert.True(rows[5].Blank);
        Assert.False(rows[4].Blank);
        Assert.Equal("\0x", rows[6].Cells[0]);
    }

    [Fact]
    public void Malformed_quotes_are_an_input_error_naming_the_row()
    {
        // Excel would show abcdef; Sylvan refuses text after a closing quote, so the person is told where.
        string path = _files.WriteText("bad.csv", "姓名,身份证件号\n\"张\"三,1\n");
        using var reader = TabularFile.Open(path);
        Assert.True(reader.Read());
        var ex = Assert.Throws<InputFileException>(() => reader.Read());
        Assert.Equal(2, ex.Row);
    }

    [Fact]
    public void Carriage_return_line_ends_count_as_rows()
    {
        string path = _files.WriteText("cr.csv", "a,b\rc,d\r\re,f");
        using var reader = TabularFile.Open(path);
        Assert.Equal([1, 2, 3, 4], reader.ReadAll().Select(r => r.Row));
    }

    [Fact]
    public void Out_of_range_ordinals_give_empty_text()
    {
        string path = _files.WriteText("short.csv", "a,b,c\n1\n");
        using var reader = TabularFile.Open(path);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal(1, reader.FieldCount);
        Assert.Equal(string.Empty, reader.GetString(2));
        Assert.True(reader.GetSpan(5).IsEmpty);
        Assert.Equal(string.Empty, reader.GetString(-1));
        Assert.False(reader.Read());
        Assert.Equal(string.Empty, reader.GetString(0));
    }

    [Theory]
    [InlineData("a;b;c\n1;2;3\n", ';')]
    [InlineData("a,b,c\n1,2,3\n", ',')]
    [InlineData("名单\n名单说明\na\tb\tc\n1\t2,5\t3\n", '\t')]
    [InlineData("名单,,\n\"x;y\",b,c\n1,2,3\n", ',')]
    [InlineData("只有一列\n第二行\n", ',')]
    public void Delimiter_is_taken_from_the_lines_that_hold_one(string text, char expected)
    {
        Assert.Equal(expected, DelimiterDetector.Detect(text));
    }

    [Fact]
    public void Semicolon_file_is_split_on_semicolons()
    {
        string path = _files.WriteText("semi.csv", "姓名;身份证件号\n张三;430102201001011238\n");
        using var reader = TabularFile.Open(path);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal("430102201001011238", reader.GetString(1));
    }

    [Fact]
    public void Utf8_cut_inside_a_character_at_the_sample_end_is_still_utf8()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("姓名,身份证件号\n张三,1\n");
        for (int cut = 1; cut < bytes.Length; cut++)
        {
            var sample = bytes.AsSpan(0, cut);
            Assert.Equal("UTF-8", TextEncodingDetector.Detect(sample, isWholeFile: false).Label);
        }

        // When the file really ends there, a cut character is not UTF-8.
        Assert.Equal("GB18030", TextEncodingDetector.Detect(bytes.AsSpan(0, 1), isWholeFile: true).Label);
    }

    [Fact]
    public void Gbk_bytes_are_not_taken_for_utf8()
    {
        var gb = TextEncodingDetector.Gb18030.GetBytes("姓名,身份证件号,学校所在地代码\n");
        Assert.Equal("GB18030", TextEncodingDetector.Detect(gb, isWholeFile: true).Label);
        Assert.Equal("UTF-8", TextEncodingDetector.Detect("name,id\n"u8, isWholeFile: true).Label);
    }

    [Fact]
    public void Large_utf8_file_with_a_character_across_the_4MB_sample_boundary_is_utf8()
    {
        // Pad so that a three-byte character straddles the sample end.
        var sb = new StringBuilder("姓名,身份证件号\n");
        var prefix = new UTF8Encoding(false).GetByteCount(sb.ToString());
        sb.Append('a', TextEncodingDetector.SampleSize - prefix - 1).Append("张,1\n");
        string path = _files.WriteText("big.csv", sb.ToString());
        using var reader = TabularFile.Open(path);
        Assert.Equal("CSV (UTF-8)", reader.FormatName);
    }

    [Fact]
    public void A_cell_as_long_as_excel_allows_grows_the_buffer()
    {
        string longCell = new('长', InputLimits.MaxCellChars);
        string path = _files.WriteText("long.csv", $"a,b\n\"{longCell}\",x\n");
        using var reader = TabularFile.Open(path);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal(longCell, reader.GetString(0));
        Assert.Equal("x", reader.GetString(1));
    }

    [Fact]
    public void A_cell_longer_than_excel_allows_is_an_input_error_naming_its_row_and_column()
    {
        string path = _files.WriteText("long.csv", $"a,b\r\n\"x\ny\",1\r\n2,{new string('长', InputLimits.MaxCellChars + 3)}\r\n");
        var ex = Assert.Throws<InputFileException>(() => ReadToEnd(path));
        Assert.Equal(3, ex.Row);
        Assert.Contains("第3行第2列", ex.Message, StringComparison.Ordinal);
        Assert.Contains("32,767", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_ends_mixed_crlf_lf_and_cr_lose_and_merge_no_row()
    {
        // Excel and WPS end a record at any of the three; a quoted cell keeps its line breaks.
        string path = _files.WriteText("mixed.csv", "姓名,号\r\n甲,1\n乙,2\r丙,3\r\n丁,4\r戊,5\n\"己\r\n庚\",6\r辛,7");
        using var reader = TabularFile.Open(path);
        var rows = reader.ReadAll();
        Assert.Equal(["姓名", "甲", "乙", "丙", "丁", "戊", "己\r\n庚", "辛"], rows.Select(r => r.Cells[0]));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], rows.Select(r => r.Row));
        Assert.Equal(["号", "1", "2", "3", "4", "5", "6", "7"], rows.Select(r => r.Cells[1]));
    }

    [Fact]
    public void A_bare_cr_at_a_buffer_boundary_still_ends_its_row()
    {
        var sb = new StringBuilder("a,b\n");
        int row = 1;
        while (sb.Length < 300_000)
        {
            sb.Append("x,").Append(++row).Append(row % 3 == 0 ? "\r" : row % 3 == 1 ? "\n" : "\r\n");
        }

        string path = _files.WriteText("many.csv", sb.ToString());
        using var reader = TabularFile.Open(path);
        var rows = reader.ReadAll();
        Assert.Equal(row, rows.Count);
        Assert.All(rows.Skip(1), r => Assert.Equal(r.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Cells[1]));
    }

    [Fact]
    public void A_line_of_half_a_million_cells_is_refused_at_once_not_parsed_for_minutes()
    {
        string path = _files.WriteText("wide.csv", "姓名,证件号码\n" + string.Concat(Enumerable.Repeat("a,", 500_000)) + "\n");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ex = Assert.Throws<InputFileException>(() => ReadToEnd(path));
        Assert.Equal(2, ex.Row);
        Assert.Contains("16,384", ex.Message, StringComparison.Ordinal);
        // Linear: the old parser took minutes on this one line (a loose bound: the point is not minutes).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), clock.Elapsed.ToString());
    }

    [Fact]
    public void A_line_as_wide_as_excel_allows_is_read()
    {
        string path = _files.WriteText("wide.csv", "a,b\n" + string.Join(',', Enumerable.Range(1, InputLimits.MaxColumns)) + "\n");
        using var reader = TabularFile.Open(path);
        var rows = reader.ReadAll();
        Assert.Equal(InputLimits.MaxColumns, rows[1].Cells.Length);
        Assert.Equal("16384", rows[1].Cells[^1]);
        Assert.Throws<InputFileException>(() => ReadToEnd(_files.WriteText("wider.csv", "a,b\n" + new string(',', InputLimits.MaxColumns) + "\n")));
    }

    [Fact]
    public void A_record_longer_than_the_buffer_limit_is_an_input_error_with_its_row()
    {
        // An unclosed quote swallows the rest of the file into one cell: the message says where it began.
        var sb = new StringBuilder("姓名,证件号码\n张三,1\n\"李四,2\n");
        for (int i = 0; sb.Length <= InputLimits.MaxRecordChars; i++)
        {
            sb.Append("王五,").Append(i).Append('\n');
        }

        string path = _files.WriteText("open-quote.csv", sb.ToString());
        var ex = Assert.Throws<InputFileException>(() => ReadToEnd(path));
        Assert.Equal(3, ex.Row);
        Assert.Contains("双引号", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5_000_000)]
    public void A_bad_byte_in_a_utf8_file_is_an_input_error_naming_its_row_wherever_it_is(int padding)
    {
        // Three damaged bytes near the top used to make the whole file GB18030 (no header found);
        // the same bytes past the 4 MB sample passed silently as U+FFFD.
        var text = new StringBuilder("姓名,身份证件号,学校所在地代码,学段\n");
        int row = 1;
        while (text.Length < padding)
        {
            text.Append("张三,430102201001011238,430102,小学\n");
            row++;
        }

        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text.ToString()));
        bytes.AddRange(Encoding.UTF8.GetBytes("李"));
        bytes.AddRange([0xE5, 0xFF, 0x80]);
        bytes.AddRange(Encoding.UTF8.GetBytes(",430102201001011238,430102,小学\n王五,1,430102,初中\n"));
        string path = _files.Write("bad-byte.csv", [.. bytes]);

        Assert.Equal("UTF-8", TextEncodingDetector.Detect(File.ReadAllBytes(path).AsSpan(0, Math.Min(bytes.Count, TextEncodingDetector.SampleSize)), bytes.Count <= TextEncodingDetector.SampleSize).Label);
        var ex = Assert.Throws<InputFileException>(() => ReadToEnd(path));
        Assert.Equal(row + 1, ex.Row);
        Assert.Contains($"第{row + 1}行第1列", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undecodable_bytes_in_a_gb18030_file_are_an_input_error_too_not_question_marks()
    {
        var bytes = new List<byte>(TextEncodingDetector.Gb18030.GetBytes("姓名,身份证件号,学校所在地代码\n张三,1,430102\n"));
        bytes.AddRange([0x81, 0x20]); // a lead byte without its trail byte
        bytes.AddRange(TextEncodingDetector.Gb18030.GetBytes("四,2,430102\n"));
        string path = _files.Write("gb-bad.csv", [.. bytes]);
        var ex = Assert.Throws<InputFileException>(() => ReadToEnd(path));
        Assert.Equal(3, ex.Row);
        Assert.Contains("GB18030", ex.Message, StringComparison.Ordinal);
    }

    private static void ReadToEnd(string path)
    {
        using var reader = TabularFile.Open(path);
        while (reader.Read())
        {
        }
    }

    [Fact]
    public void Unclosed_quote_is_an_input_error_with_the_row()
    {
        string path = _files.WriteText("quote.csv", "姓名,身份证件号\n张三,1\n\"李四,2\n");
        using var reader = TabularFile.Open(path);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        var ex = Assert.Throws<InputFileException>(() => reader.Read());
        Assert.Equal(3, ex.Row);
        Assert.Contains("quote.csv", ex.Message, StringComparison.Ordinal);
        Assert.Contains("第3行", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_spans_does_not_allocate_per_row()
    {
        var sb = new StringBuilder("姓名,身份证件号,学校所在地代码,学段\n");
        for (int i = 0; i < 20_000; i++)
        {
            sb.Append("张三").Append(i).Append(",43010220100101123").Append(i % 10).Append(",430102,\"小学\"\n");
        }

        string path = _files.WriteText("alloc.csv", sb.ToString());
        using var reader = TabularFile.Open(path);
        Assert.True(reader.Read()); // warm up
        long total = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        while (reader.Read())
        {
            if (reader.IsBlank)
            {
                continue;
            }

            for (int i = 0; i < reader.FieldCount; i++)
            {
                total += reader.GetSpan(i).Length;
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(total > 0);
        // 20,000 rows: even one small string per row would be hundreds of kilobytes.
        Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Html_saved_as_xls_is_reported_as_not_a_spreadsheet()
    {
        string path = _files.WriteText("export.xls", "<html><body><table><tr><td>姓名</td></tr></table></body></html>");
        var ex = Assert.Throws<InputFileException>(() => TabularFile.Open(path));
        Assert.Contains("HTML", ex.Message, StringComparison.Ordinal);
        Assert.Contains("export.xls", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_an_input_error()
    {
        var ex = Assert.Throws<InputFileException>(() => TabularFile.Open(Path.Combine(Path.GetTempPath(), "no-such-bidui-file.csv")));
        Assert.Contains("no-such-bidui-file.csv", ex.Message, StringComparison.Ordinal);
        Assert.Contains("找不到", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_reads_no_rows()
    {
        string path = _files.Write("empty.csv", []);
        using var reader = TabularFile.Open(path);
        Assert.False(reader.Read());
    }
}
