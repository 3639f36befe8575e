using System.Text;

namespace Bidui.Inputs.Tests;

public sealed class BoundTableTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Header_below_title_rows_is_found_and_decorated_names_are_bound()
    {
        using var table = BoundTable.Open(TestFiles.Fixture("students_gb18030.csv"), DatasetSchema.Students);
        Assert.Equal(3, table.HeaderRowNumber);
        Assert.Equal(1, table.HeaderRowCount);
        Assert.Equal(1, table.Ordinal("姓名"));
        Assert.Equal(2, table.Ordinal("身份证件号"));
        Assert.Equal(3, table.Ordinal("身份证件类型"));
        Assert.Equal(8, table.Ordinal("学校所在地代码"));
        Assert.Equal(9, table.Ordinal("年级"));
        Assert.Equal(10, table.Ordinal("学籍状态"));
        Assert.Equal(-1, table.Ordinal("学段"));
        Assert.Equal(-1, table.Ordinal("学籍号"));
        Assert.Equal("*身份证件号（必填）", table.HeadersFound[2]);
        Assert.Equal(12, table.HeadersFound.Count);

        Assert.True(table.ReadRow());
        Assert.Equal(4, table.Reader.RowNumber);
        Assert.Equal("430102201001011238", table.Reader.GetString(table.Ordinal("身份证件号")));
    }

    [Fact]
    public void Rows_after_the_header_include_blank_rows_with_their_numbers()
    {
        using var table = BoundTable.Open(TestFiles.Fixture("students_gb18030.csv"), DatasetSchema.Students);
        var seen = new List<(int, bool)>();
        while (table.ReadRow())
        {
            seen.Add((table.Reader.RowNumber, table.Reader.IsBlank));
        }

        Assert.Equal([(4, false), (5, false), (6, false), (7, true), (8, false), (9, false)], seen);
    }

    [Fact]
    public void Xlsx_poverty_register_binds_below_title_and_gap()
    {
        using var table = BoundTable.Open(TestFiles.Fixture("poverty_gaps.xlsx"), DatasetSchema.Poverty);
        Assert.Equal(3, table.HeaderRowNumber);
        Assert.Equal(2, table.Ordinal("证件号码"));
        Assert.Equal(7, table.Ordinal("县级代码"));
        Assert.Equal(-1, table.Ordinal("县"));
        Assert.Equal(8, table.Ordinal("人员状态"));
        var rows = new List<int>();
        while (table.ReadRow())
        {
            if (!table.Reader.IsBlank)
            {
                rows.Add(table.Reader.RowNumber);
            }
        }

        Assert.Equal([4, 5, 8, 10], rows);
    }

    [Fact]
    public void Xls_aid_file_binds_aliases()
    {
        using var table = BoundTable.Open(TestFiles.Fixture("aid_title.xls"), DatasetSchema.Aid);
        Assert.Equal(2, table.HeaderRowNumber);
        Assert.Equal(0, table.Ordinal("姓名"));
        Assert.Equal(1, table.Ordinal("身份证件号"));
        Assert.Equal(2, table.Ordinal("资助项目"));
        Assert.Equal(3, table.Ordinal("金额"));
        Assert.Equal(6, table.Ordinal("发放日期"));
        Assert.Equal(-1, table.Ordinal("学校标识码"));
    }

    [Fact]
    public void Tab_separated_aid_file_with_unit_note_binds()
    {
        using var table = BoundTable.Open(TestFiles.Fixture("aid_utf8_tab.csv"), DatasetSchema.Aid);
        Assert.Equal(1, table.HeaderRowNumber);
        Assert.Equal(3, table.Ordinal("金额"));
    }

    [Fact]
    public void Canonical_name_beats_an_alias_else_the_first_column_wins()
    {
        string path = _files.WriteText("dup.csv", "证件号码,姓名,身份证件号,身份证号,学校所在地代码,学段,学生姓名\n");
        using var table = BoundTable.Open(path, DatasetSchema.Students);
        Assert.Equal(2, table.Ordinal("身份证件号"));
        Assert.Equal(1, table.Ordinal("姓名"));

        string path2 = _files.WriteText("dup2.csv", "身份证号,姓名,身份证号码,区县代码,年级\n");
        using var table2 = BoundTable.Open(path2, DatasetSchema.Students);
        Assert.Equal(0, table2.Ordinal("身份证件号"));
    }

    [Fact]
    public void Ordinal_accepts_an_alias_and_gives_minus_one_for_unknown_names()
    {
        using var table = BoundTable.Open(TestFiles.Fixture("students_gb18030.csv"), DatasetSchema.Students);
        Assert.Equal(3, table.Ordinal("证件类型"));
        Assert.Equal(-1, table.Ordinal("没有这一列"));
    }

    [Fact]
    public void Missing_required_column_names_file_header_row_headers_found_and_accepted_aliases()
    {
        string path = _files.WriteText("学籍_缺列.csv", "学生名单\n序号,学生姓名,身份证号,学校名称\n1,张三,430102201001011238,一中\n", Encoding.UTF8);
        var ex = Assert.Throws<InputFileException>(() => BoundTable.Open(path, DatasetSchema.Students));
        Assert.Equal(path, ex.FilePath);
        Assert.Equal(2, ex.Row);
        Assert.Equal("学校所在地代码", ex.Column);
        Assert.Contains("学籍_缺列.csv", ex.Message, StringComparison.Ordinal);
        Assert.Contains("第2行", ex.Message, StringComparison.Ordinal);
        Assert.Contains("“序号”、“学生姓名”、“身份证号”、“学校名称”", ex.Message, StringComparison.Ordinal);
        Assert.Contains("学校所在地区划码", ex.Message, StringComparison.Ordinal); // an accepted alias
        Assert.Contains("学段或年级", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_row_header_under_merged_cells_is_merged()
    {
        // Row 2: 姓名/证件号码 merged down over rows 2-3, 所在地区 merged across; row 3: 省 市 县 below it.
        string path = _files.WriteText("two-row.csv", "名单,,,,,\n姓名,证件号码,所在地区,,,人口类型\n,,省,市,县,\n张三,430102201001011238,湖南省,长沙市,芙蓉区,脱贫户\n");
        using var table = BoundTable.Open(path, DatasetSchema.Poverty);
        Assert.Equal(2, table.HeaderRowNumber);
        Assert.Equal(2, table.HeaderRowCount);
        Assert.Equal(4, table.Ordinal("县"));
        Assert.Equal(2, table.Ordinal("省"));
        Assert.Equal(5, table.Ordinal("人口类型"));
        Assert.Equal(["姓名", "证件号码", "省", "市", "县", "人口类型"], table.HeadersFound);
        Assert.True(table.ReadRow());
        Assert.Equal(4, table.Reader.RowNumber);
        Assert.Equal("芙蓉区", table.Reader.GetString(4));
        Assert.False(table.ReadRow());
    }

    [Fact]
    public void First_data_row_is_not_mistaken_for_a_second_header_row()
    {
        // The first data row holds 县 in a column without a name: still data, because it has values under names.
        string path = _files.WriteText("one-row.csv", "姓名,证件号码,县,备注\n张三,1,芙蓉区,村\n\n");
        using var table = BoundTable.Open(path, DatasetSchema.Poverty);
        Assert.Equal(1, table.HeaderRowCount);
        Assert.True(table.ReadRow());
        Assert.Equal(2, table.Reader.RowNumber);
        Assert.Equal("张三", table.Reader.GetString(0));
        Assert.True(table.ReadRow());
        Assert.True(table.Reader.IsBlank);
        Assert.False(table.ReadRow());
    }

    [Fact]
    public void Header_as_last_row_gives_no_data_rows()
    {
        string path = _files.WriteText("only-header.csv", "姓名,证件号码,县");
        using var table = BoundTable.Open(path, DatasetSchema.Poverty);
        Assert.False(table.ReadRow());
        Assert.False(table.ReadRow());
    }

    [Fact]
    public void Poverty_accepts_county_name_instead_of_county_code()
    {
        string path = _files.WriteText("p.csv", "省,市,县,乡镇,村,姓名,证件号码\n湖南省,长沙市,芙蓉区,,,张三,1\n");
        using var table = BoundTable.Open(path, DatasetSchema.Poverty);
        Assert.Equal(2, table.Ordinal("县"));
        Assert.Equal(-1, table.Ordinal("县级代码"));
    }

    [Fact]
    public void Aid_without_term_columns_is_rejected()
    {
        string path = _files.WriteText("aid.csv", "姓名,身份证件号,资助项目,金额\n");
        var ex = Assert.Throws<InputFileException>(() => BoundTable.Open(path, DatasetSchema.Aid));
        Assert.Contains("学年", ex.Message, StringComparison.Ordinal);
        Assert.Contains("学期", ex.Message, StringComparison.Ordinal);
        Assert.Contains("资助学年", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_an_input_error()
    {
        string path = _files.Write("empty.csv", []);
        var ex = Assert.Throws<InputFileException>(() => BoundTable.Open(path, DatasetSchema.Students));
        Assert.Contains("empty.csv", ex.Message, StringComparison.Ordinal);
        Assert.Contains("空", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_of_blank_lines_is_empty()
    {
        string path = _files.WriteText("blank.csv", "\n,,\n \n");
        var ex = Assert.Throws<InputFileException>(() => BoundTable.Open(path, DatasetSchema.Students));
        Assert.Contains("空", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_without_a_header_is_an_input_error()
    {
        string path = _files.WriteText("noheader.csv", "a,b,c\n1,2,3\n姓名,x\n");
        var ex = Assert.Throws<InputFileException>(() => BoundTable.Open(path, DatasetSchema.Students));
        Assert.Contains("noheader.csv", ex.Message, StringComparison.Ordinal);
        Assert.Contains("表头", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_below_row_200_is_not_looked_for()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 200; i++)
        {
            sb.Append("说明\n");
        }

        sb.Append("姓名,身份证件号,学校所在地代码,学段\n");
        string path = _files.WriteText("late.csv", sb.ToString());
        var ex = Assert.Throws<InputFileException>(() => BoundTable.Open(path, DatasetSchema.Students));
        Assert.Contains("前200行", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_sheet_name_through_bound_table()
    {
        var ex = Assert.Throws<InputFileException>(() => BoundTable.Open(TestFiles.Fixture("poverty_gaps.xlsx"), DatasetSchema.Poverty, "Sheet9"));
        Assert.Contains("脱贫人口", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sheet_without_a_header_names_the_sheet()
    {
        var ex = Assert.Throws<InputFileException>(() => BoundTable.Open(TestFiles.Fixture("poverty_gaps.xlsx"), DatasetSchema.Poverty, "说明"));
        Assert.Contains("说明", ex.Message, StringComparison.Ordinal);
        Assert.Contains("表头", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_xlsx_through_bound_table()
    {
        var ex = Assert.Throws<InputFileException>(() => BoundTable.Open(TestFiles.Fixture("corrupt.xlsx"), DatasetSchema.Poverty));
        Assert.Contains("corrupt.xlsx", ex.Message, StringComparison.Ordinal);
    }
}
