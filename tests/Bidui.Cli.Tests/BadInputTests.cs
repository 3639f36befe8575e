using System.Text;

namespace Bidui.Cli.Tests;

/// <summary>SPEC §5: wrong inputs give exit status 2, a message a county officer can act on, and no result.</summary>
public class BadInputTests
{
    private const string Students = "姓名,身份证件号,学校所在地代码,学段\n张伟,11010519491231002X,110105,小学\n";
    private const string Poverty = "姓名,证件号码,县级代码\n张伟,11010519491231002X,110105\n";

    private static (TempDir Dir, string Students, string Poverty) Files(string students = Students, string poverty = Poverty)
    {
        var dir = new TempDir();
        File.WriteAllText(dir.File("students.csv"), students, new UTF8Encoding(true));
        File.WriteAllText(dir.File("poverty.csv"), poverty, new UTF8Encoding(true));
        return (dir, dir.File("students.csv"), dir.File("poverty.csv"));
    }

    [Fact]
    public void Good_small_files_compare_with_status_0_and_a_summary()
    {
        var (dir, s, p) = Files();
        using var _ = dir;
        var run = CliRunner.Invoke("compare", "--students", s, "--poverty", p, "--out", dir.File("out"), "--reference-date", "2026-08-31");
        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        Assert.True(File.Exists(dir.File("out/summary.json")));
        Assert.True(File.Exists(dir.File("out/matched.csv")));
    }

    [Fact]
    public void Missing_required_column_names_the_file_the_headers_found_and_an_accepted_alias()
    {
        var (dir, s, p) = Files(students: "姓名,学校所在地代码,学段\n张伟,110105,小学\n");
        using var _ = dir;
        var run = CliRunner.Invoke("compare", "--students", s, "--poverty", p, "--out", dir.File("out"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("students.csv", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("身份证件号", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("身份证号", run.StdErr, StringComparison.Ordinal);   // an alias that would be accepted
        Assert.False(Directory.Exists(dir.File("out")) && File.Exists(dir.File("out/summary.json")));
    }

    [Fact]
    public void Missing_file_is_status_2()
    {
        var (dir, s, _) = Files();
        using var __ = dir;
        var run = CliRunner.Invoke("compare", "--students", s, "--poverty", dir.File("nope.csv"), "--out", dir.File("out"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.csv", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_status_2_and_names_it()
    {
        var (dir, s, _) = Files();
        using var __ = dir;
        File.WriteAllBytes(dir.File("empty.csv"), []);
        var run = CliRunner.Invoke("compare", "--students", s, "--poverty", dir.File("empty.csv"), "--out", dir.File("out"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("empty.csv", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_xlsx_is_status_2()
    {
        var (dir, s, _) = Files();
        using var __ = dir;
        File.WriteAllBytes(dir.File("broken.xlsx"), [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]);
        var run = CliRunner.Invoke("compare", "--students", s, "--poverty", dir.File("broken.xlsx"), "--out", dir.File("out"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken.xlsx", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_reference_date_and_unknown_option_are_status_2()
    {
        var (dir, s, p) = Files();
        using var _ = dir;
        Assert.Equal(2, CliRunner.Invoke("compare", "--students", s, "--poverty", p, "--out", dir.File("o"), "--reference-date", "31/08/2026").ExitCode);
        Assert.Equal(2, CliRunner.Invoke("compare", "--students", s, "--poverty", p, "--out", dir.File("o"), "--bogus").ExitCode);
    }

    [Fact]
    public void A_failed_run_leaves_the_previous_results_whole()
    {
        var (dir, s, p) = Files();
        using var _ = dir;
        Assert.Equal(0, CliRunner.Invoke("compare", "--students", s, "--poverty", p, "--out", dir.File("out")).ExitCode);
        string before = File.ReadAllText(dir.File("out/summary.json"));
        File.WriteAllText(dir.File("bad.csv"), "姓名,学段\n张伟,小学\n", Encoding.UTF8);
        Assert.Equal(2, CliRunner.Invoke("compare", "--students", dir.File("bad.csv"), "--poverty", p, "--out", dir.File("out")).ExitCode);
        Assert.Equal(before, File.ReadAllText(dir.File("out/summary.json")));
        Assert.Empty(Directory.GetDirectories(dir.Path, ".out.partial-*", SearchOption.TopDirectoryOnly));
    }
}
