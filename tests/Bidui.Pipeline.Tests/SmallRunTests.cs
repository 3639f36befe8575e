using System.Text;
using Bidui.Inputs;
using Bidui.Matching.Categories;

namespace Bidui.Pipeline.Tests;

/// <summary>The compare job on tiny hand-written files: what a county officer would try first.</summary>
public sealed class SmallRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bidui-pipeline-").FullName;
    private static readonly DateOnly Reference = new(2026, 8, 31);
    private static readonly DateOnly Today = new(2026, 11, 29);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text, Encoding? encoding = null)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(true));
        return path;
    }

    private CompareOutcome Run(string students, string poverty, string? aid = null) =>
        CompareJob.Run(new CompareRequest(students, poverty, aid, Path.Combine(_dir, "out")) { ReferenceDate = Reference, Today = Today });

    private List<string[]> Csv(string name)
    {
        using var r = TabularFile.Open(Path.Combine(_dir, "out", name));
        var rows = new List<string[]>();
        while (r.Read())
            rows.Add(Enumerable.Range(0, r.FieldCount).Select(r.GetString).ToArray());
        return rows;
    }

    [Fact]
    public void Quoted_cells_with_escaped_quotes_reach_the_engine_intact_in_every_column()
    {
        // Several quoted fields with doubled quotes in one record: each must keep its own text.
        string students = Write("students.csv",
            "姓名,身份证件号,学校名称,学校所在地代码,学段\n" +
            "\"张伟\",\"11010519491231002X\",\"北京市\"\"第一\"\"小学\",\"110105\",\"小学\"\n");
        string poverty = Write("poverty.csv", "姓名,证件号码,县级代码\n\"张\"\"伟\",11010519491231002X,110105\n");
        var outcome = Run(students, poverty);
        Assert.Equal(1, outcome.Counts[Category.Matched]);
        var conflict = Csv("identity_conflict.csv");
        Assert.Equal(2, conflict.Count);
        int school = Array.IndexOf(conflict[0], "学校名称");
        int personName = Array.IndexOf(conflict[0], "姓名");
        Assert.Equal("北京市\"第一\"小学", conflict[1][school]);
        Assert.Equal("张\"伟", conflict[1][personName]);
    }

    [Fact]
    public void Rows_are_accounted_blank_rejected_or_loaded_and_trailing_blanks_are_not_read()
    {
        string students = Write("students.csv",
            "学生名册\n姓名,身份证件号,学校所在地代码,学段\n张伟,11010519491231002X,110105,小学\n,,,\n\n,,110105,小学\n李娜,,110105,小学\n\n,,\n");
        string poverty = Write("poverty.csv", "姓名,证件号码,县级代码\n张伟,11010519491231002X,110105\n");
        var outcome = Run(students, poverty);
        var s = outcome.Inputs.Single(a => a.Dataset == Matching.Records.Dataset.Students);
        Assert.Equal((5L, 2L, 1L, 2L), (s.RowsRead, s.RowsBlank, s.RowsRejected, s.RowsLoaded));
        var rejects = Csv("rejects.csv");
        Assert.Equal(["学籍", "6", "姓名和证件号码均为空"], rejects[1]);
        var invalid = Csv("invalid_id.csv");
        Assert.Equal("7", invalid[1][Array.IndexOf(invalid[0], "来源行号")]);
        Assert.Equal("证件号码为空", invalid[1][Array.IndexOf(invalid[0], "原因")]);
    }

    [Fact]
    public void Gb18030_poverty_file_with_county_names_instead_of_codes()
    {
        string students = Write("students.csv", "姓名,身份证件号,学校所在地代码,年级\n王芳,43012120160301002X,430121,三年级\n".Replace("43012120160301002X", Id("43012120160301002")));
        string poverty = Write("poverty.csv", $"姓名,证件号码,省,市,县,在校生状况\n王芳,{Id("43012120160301002")},湖南省,长沙市,长沙县,在校生（初中）\n",
            Encoding.GetEncoding("GB18030"));
        Run(students, poverty);
        var mismatch = Csv("status_mismatch.csv");
        Assert.Equal(2, mismatch.Count);
        Assert.Equal("学段不一致", mismatch[1][Array.IndexOf(mismatch[0], "原因")]);
        Assert.Equal("430121", mismatch[1][Array.IndexOf(mismatch[0], "责任县代码")]);
    }

    [Fact]
    public void Aid_lists_are_written_only_with_an_aid_file()
    {
        string students = Write("students.csv", "姓名,身份证件号,学校所在地代码,学段\n张伟,11010519491231002X,110105,小学\n");
        string poverty = Write("poverty.csv", "姓名,证件号码,县级代码\n张伟,11010519491231002X,110105\n");
        Run(students, poverty);
        Assert.False(File.Exists(Path.Combine(_dir, "out", "aid_missing.csv")));
        string aid = Write("aid.csv", "姓名,身份证件号,资助项目,金额,学年,学期\n张伟,11010519491231002X,生活补助,625,2026-2027,秋季学期\n");
        var outcome = Run(students, poverty, aid);
        Assert.Equal(0, outcome.Counts[Category.AidMissing]);
        Assert.True(File.Exists(Path.Combine(_dir, "out", "aid_missing.csv")));
        Assert.True(File.Exists(Path.Combine(_dir, "out", "summary.json")));
    }

    static SmallRunTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Id(string first17) => Core.Identity.ResidentId.Format(long.Parse(first17, System.Globalization.CultureInfo.InvariantCulture));
}
