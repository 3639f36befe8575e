using System.Text;
using ExcelDataReader;

namespace Bidui.Cli.Tests;

/// <summary>The comparison indicators in the summary workbook and report, `--scorecard`, and `publish` as a user runs them.</summary>
public sealed class AssessmentCliTests
{
    private const string Students = "姓名,身份证件号,学校所在地代码,学段\n张伟,11010519491231002X,110105,小学\n";
    private const string Poverty = "姓名,证件号码,县级代码\n张伟,11010519491231002X,110105\n李娜,110105201505050024,110105\n";

    private static TempDir Files()
    {
        var dir = new TempDir();
        File.WriteAllText(dir.File("students.csv"), Students, new UTF8Encoding(true));
        File.WriteAllText(dir.File("poverty.csv"), Poverty, new UTF8Encoding(true));
        return dir;
    }

    [Fact]
    public void The_workbook_and_the_report_show_the_county_indicators_scored_and_ranked()
    {
        using var dir = Files();
        var run = CliRunner.Invoke("compare", "--students", dir.File("students.csv"), "--poverty", dir.File("poverty.csv"),
            "--out", dir.File("out"), "--reference-date", "2026-08-31", "--exact-only");
        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(dir.File("out/比对结果汇总.xlsx"));
        using var reader = ExcelReaderFactory.CreateReader(stream);
        while (reader.Name != "考核指标")
            Assert.True(reader.NextResult(), "no 考核指标 sheet");
        List<string?> Next()
        {
            Assert.True(reader.Read());
            return [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())];
        }
        var header = Next();
        var row = Next();
        Assert.Equal("110105", row[0]);
        // 张伟 was born in 1949: only 李娜 is of compulsory age, and she is a dropout: 1000 ‰.
        Assert.Equal("1000.00", row[header.IndexOf("疑似失学辍学率（‰）")]);
        Assert.Equal("1", row[header.IndexOf("省内排名")]);
        Assert.Contains("考核指标（比对部分）", File.ReadAllText(dir.File("out/比对报告.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_scorecard_is_status_2_naming_the_file_and_field_and_writes_nothing()
    {
        using var dir = Files();
        File.WriteAllText(dir.File("标准.json"), """{"overall":{"green":85,"amber":70},"indicators":{"dropout_rate":{"weight":1,"target":30,"zero":0,"green":2,"amber":5}}}""");
        var run = CliRunner.Invoke("compare", "--students", dir.File("students.csv"), "--poverty", dir.File("poverty.csv"),
            "--out", dir.File("out"), "--scorecard", dir.File("标准.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("标准.json", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("indicators.dropout_rate.target", run.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out/summary.json")));
    }

    [Fact]
    public void Publish_writes_the_package_and_refuses_a_folder_without_results()
    {
        using var dir = Files();
        Assert.Equal(0, CliRunner.Invoke("compare", "--students", dir.File("students.csv"), "--poverty", dir.File("poverty.csv"),
            "--out", dir.File("out"), "--reference-date", "2026-08-31").ExitCode);
        var run = CliRunner.Invoke("publish", "--results", dir.File("out"), "--out", dir.File("pub"));
        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        foreach (var f in new[] { "分县数据.csv", "分市数据.csv", "全省数据.csv", "公开数据.json", "公开数据.html", "说明.txt" })
            Assert.True(File.Exists(dir.File("pub/" + f)), f);
        // Every count here is below 10: nothing but zeros is published, and nobody's name is in the package.
        Assert.DoesNotContain("李娜", File.ReadAllText(dir.File("pub/公开数据.json")), StringComparison.Ordinal);
        var bad = CliRunner.Invoke("publish", "--results", dir.File("nothing"), "--out", dir.File("pub2"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("summary.json", bad.StdErr, StringComparison.Ordinal);
    }
}
