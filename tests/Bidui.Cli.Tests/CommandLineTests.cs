using System.Text;
using System.Text.RegularExpressions;

namespace Bidui.Cli.Tests;

/// <summary>Issue 13 item 4: every mistake on the command line is exit status 2 with a Chinese message; output fits where it goes.</summary>
public partial class CommandLineTests
{
    private static readonly string Id1 = Core.Identity.ResidentId.Format(43012120150301001);

    private static (TempDir Dir, string Students, string Poverty) Files()
    {
        var dir = new TempDir();
        File.WriteAllText(dir.File("s.csv"), $"姓名,身份证件号,学校所在地代码,学段\n甲,{Id1},430121,小学\n", new UTF8Encoding(true));
        File.WriteAllText(dir.File("p.csv"), $"姓名,证件号码,县级代码\n甲,{Id1},430121\n", new UTF8Encoding(true));
        return (dir, dir.File("s.csv"), dir.File("p.csv"));
    }

    [Theory]
    [InlineData("compare --bogus", "--bogus")]
    [InlineData("compare --partitions abc", "--partitions")]
    [InlineData("compare --students", "--students")]
    [InlineData("compare --exact-only=1", "--exact-only")]
    [InlineData("frob", "frob")]
    [InlineData("compare extra", "extra")]
    [InlineData("demo --seed x", "--seed")]
    [InlineData("demo --size", "--size")]
    [InlineData("--bogus", "--bogus")]
    [InlineData("compare --students s.csv --poverty p.csv --out o --reference-date 1800-01-01", "1800-01-01")]
    [InlineData("compare --students s.csv --poverty p.csv --out o --reference-date 31/08/2026", "31/08/2026")]
    [InlineData("compare --students . --poverty p.csv --out o", "文件夹")]
    [InlineData("compare --students s.csv --poverty nope.csv --out o", "nope.csv")]
    [InlineData("compare --students s.csv --poverty p.csv", "--out")]
    public void Every_argument_error_is_status_2_in_chinese_naming_what_to_change(string commandLine, string named)
    {
        var (dir, _, _) = Files();
        using var _ = dir;
        var args = commandLine.Split(' ').Select(a => a.EndsWith(".csv", StringComparison.Ordinal) || a is "." or "o" ? dir.File(a) : a).ToArray();
        var run = CliRunner.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.StdErr, StringComparison.Ordinal);
        AssertChineseMessage(run.StdErr);
    }

    [Fact]
    public void Disk_full_read_only_and_out_of_memory_are_told_in_chinese_with_what_to_do()
    {
        // Real failures where the machine allows them: /dev/full answers every write with ENOSPC, /sys refuses new files.
        Assert.Contains("磁盘空间不足", Failure(() => File.WriteAllText("/dev/full", "x")), StringComparison.Ordinal);
        Assert.Contains("没有写入权限", Failure(() => File.WriteAllText("/sys/bidui-test.txt", "x")), StringComparison.Ordinal);
        // A heap limit makes the runtime crash as often as it throws, so the exception itself is thrown here.
        Assert.Contains("内存不足", Failure(() => throw new OutOfMemoryException()), StringComparison.Ordinal);
        Assert.Contains("BIDUI_DEBUG", Failure(() => throw new InvalidOperationException("Sequence contains no elements.")), StringComparison.Ordinal);
    }

    private static string Failure(Action body)
    {
        var errors = new StringWriter();
        Assert.Equal(ExitCodes.Failed, ExitCodes.Run(() => { body(); return 0; }, errors));
        string text = errors.ToString();
        AssertChineseMessage(text);
        Assert.Contains("原有的结果保持不变", text, StringComparison.Ordinal);
        return text;
    }

    [Fact]
    public void Version_prints_the_product_version()
    {
        var run = CliRunner.Invoke("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^bidui \d+\.\d+\.\d+", run.StdOut.Trim());
    }

    [Fact]
    public void Redirected_output_is_plain_lines_not_80_column_tables()
    {
        var (dir, s, p) = Files();
        using var _ = dir;
        var run = CliRunner.Invoke("compare", "--students", s, "--poverty", p, "--out", dir.File("out"), "--reference-date", "2026-08-31");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  matched  比对成功（脱贫家庭在校生）  教育、乡村振兴部门  1", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("完成：读取学籍数据并比对", run.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("│", run.StdOut, StringComparison.Ordinal);   // no table borders
        Assert.DoesNotContain("\u001b[", run.StdOut, StringComparison.Ordinal); // no terminal control codes
    }

    [Fact]
    public void Help_is_as_wide_as_columns_says_and_not_cut_at_80_when_redirected()
    {
        static int Widest(string text) => text.Split('\n').Max(line => line.TrimEnd().Sum(c => c >= '\u2E80' ? 2 : 1));

        var narrow = CliRunner.Invoke(new Dictionary<string, string> { ["COLUMNS"] = "60" }, "compare", "--help");
        var wide = CliRunner.Invoke(new Dictionary<string, string> { ["COLUMNS"] = "200" }, "compare", "--help");
        var log = CliRunner.Invoke(new Dictionary<string, string> { ["COLUMNS"] = "" }, "compare", "--help");
        Assert.Equal(0, narrow.ExitCode);
        Assert.InRange(Widest(narrow.StdOut), 40, 60);
        Assert.InRange(Widest(wide.StdOut), 61, 200);
        // Redirected without COLUMNS (a scheduled task's log): no wrapping at 80 columns.
        Assert.Equal(Widest(wide.StdOut), Widest(log.StdOut));
    }

    [Fact]
    public void Per_input_sheet_options_choose_each_workbook_s_own_sheet()
    {
        using var dir = new TempDir();
        string students = dir.File("学籍.xlsx"), poverty = dir.File("脱贫.xlsx");
        Reports.XlsxWorkbookWriter.Write(students,
        [
            new("说明", [new("说明")], [["本表为学籍数据"]]),
            new("学籍", [new("姓名"), new("身份证件号"), new("学校所在地代码"), new("学段")], [["甲", Id1, "430121", "小学"]]),
        ]);
        Reports.XlsxWorkbookWriter.Write(poverty,
            [new("名单", [new("姓名"), new("证件号码"), new("县级代码")], [["甲", Id1, "430121"]])]);
        var run = CliRunner.Invoke("compare", "--students", students, "--students-sheet", "学籍", "--poverty", poverty, "--poverty-sheet", "名单",
            "--out", dir.File("out"), "--reference-date", "2026-08-31");
        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        Assert.Contains("  matched  比对成功（脱贫家庭在校生）  教育、乡村振兴部门  1", run.StdOut, StringComparison.Ordinal);

        // One --sheet for both: the register has no sheet of that name, and the message lists its sheets.
        var wrong = CliRunner.Invoke("compare", "--students", students, "--poverty", poverty, "--sheet", "学籍", "--out", dir.File("out2"));
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("名单", wrong.StdErr, StringComparison.Ordinal);
    }

    /// <summary>No English sentence from .NET or Spectre, and no punctuation doubled by joining messages.</summary>
    private static void AssertChineseMessage(string stderr)
    {
        Assert.StartsWith("错误：", stderr, StringComparison.Ordinal);
        string withoutPaths = PathLike().Replace(stderr, "");
        Assert.DoesNotMatch(@"[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}", withoutPaths);
        Assert.DoesNotMatch("[。：；，！？][。：；，！？]", stderr);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"“[^”]*”|/[^\s（）“”，。]+")]
    private static partial Regex PathLike();
}
