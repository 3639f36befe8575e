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
        Assert.Empty(Directory.GetDirectories(dir.Path, ".out.*", SearchOption.TopDirectoryOnly));
    }
}

/// <summary>The configurable bands of SPEC §3–4 reach the engine from the command line.</summary>
public class ConfigurableBandTests
{
    // A child who is 6 on the reference day and a 16-year-old, neither enrolled; one enrolled 初中 pupil without aid.
    private static readonly string Six = Core.Identity.ResidentId.Format(43012120200301001);
    private static readonly string Sixteen = Core.Identity.ResidentId.Format(43012120100301001);
    private static readonly string Pupil = Core.Identity.ResidentId.Format(43012120130301001);

    private static (TempDir Dir, string[] Args) Setup()
    {
        var dir = new TempDir();
        File.WriteAllText(dir.File("s.csv"), $"姓名,身份证件号,学校所在地代码,学段\n王五,{Pupil},430121,初中\n", new System.Text.UTF8Encoding(true));
        File.WriteAllText(dir.File("p.csv"), $"姓名,证件号码,县级代码\n张三,{Six},430121\n李四,{Sixteen},430121\n王五,{Pupil},430121\n", new System.Text.UTF8Encoding(true));
        // Aid paid to someone else: the pupil has none (an aid file without rows is an input error, SPEC §1).
        File.WriteAllText(dir.File("a.csv"), $"姓名,身份证件号,资助项目,金额,学年,学期\n张三,{Six},营养改善计划,800,2026-2027,秋季学期\n", new System.Text.UTF8Encoding(true));
        return (dir, ["compare", "--students", dir.File("s.csv"), "--poverty", dir.File("p.csv"), "--aid", dir.File("a.csv"),
            "--reference-date", "2026-08-31", "--out", dir.File("out")]);
    }

    private static int Rows(TempDir dir, string list) => File.ReadAllLines(dir.File($"out/{list}.csv")).Length - 1;

    [Fact]
    public void Defaults_list_the_six_year_old_and_the_pupil_without_aid()
    {
        var (dir, args) = Setup();
        using var _ = dir;
        Assert.Equal(0, CliRunner.Invoke(args).ExitCode);
        Assert.Equal(1, Rows(dir, "dropout_suspect"));
        Assert.Equal(1, Rows(dir, "aid_missing"));
    }

    [Fact]
    public void Bands_given_on_the_command_line_change_the_lists()
    {
        var (dir, args) = Setup();
        using var _ = dir;
        var run = CliRunner.Invoke([.. args, "--compulsory-age", "7-16", "--aid-stages", "小学,高中"]);
        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Equal(1, Rows(dir, "dropout_suspect"));   // now the 16-year-old, not the 6-year-old
        Assert.Contains(Sixteen, File.ReadAllText(dir.File("out/dropout_suspect.csv")), StringComparison.Ordinal);
        Assert.Equal(0, Rows(dir, "aid_missing"));       // 初中 is no longer an aid stage
    }

    [Theory]
    [InlineData("--compulsory-age", "15-6")]
    [InlineData("--compulsory-age", "six")]
    [InlineData("--aid-stages", "大学")]
    public void Bad_bands_are_status_2(string option, string value)
    {
        var (dir, args) = Setup();
        using var _ = dir;
        var run = CliRunner.Invoke([.. args, option, value]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.StdErr, StringComparison.Ordinal);
    }
}
