using System.Diagnostics;
using System.Text;
using Bidui.Pipeline;

namespace Bidui.Cli.Tests;

/// <summary>
/// SPEC §5: previous results are replaced only by complete new ones, whatever happens to the run —
/// a file held open, a second run, a kill — and nothing in the folder that Bidui did not write is lost.
/// </summary>
public class OutputFolderTests
{
    private static readonly string Id1 = Core.Identity.ResidentId.Format(43012120150301001);
    private static readonly string Id2 = Core.Identity.ResidentId.Format(43012120150301002);

    private static (TempDir Dir, string[] Args) Setup(string students = "")
    {
        var dir = new TempDir();
        File.WriteAllText(dir.File("s.csv"), students.Length > 0 ? students : $"姓名,身份证件号,学校所在地代码,学段\n甲,{Id1},430121,小学\n", new UTF8Encoding(true));
        File.WriteAllText(dir.File("p.csv"), $"姓名,证件号码,县级代码\n甲,{Id1},430121\n乙,{Id2},430121\n", new UTF8Encoding(true));
        return (dir, ["compare", "--students", dir.File("s.csv"), "--poverty", dir.File("p.csv"), "--reference-date", "2026-08-31", "--out", dir.File("out")]);
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    private static void AssertNothingLeftBeside(TempDir dir) =>
        Assert.Empty(Directory.GetDirectories(dir.Path, ".out.*").Concat(Directory.GetFiles(dir.Path, ".out.commit-*")));

    [Fact]
    public void A_result_file_held_open_stops_the_run_before_anything_is_replaced_and_names_the_file()
    {
        var (dir, args) = Setup();
        using var _ = dir;
        Assert.Equal(0, CliRunner.Invoke(args).ExitCode);
        var before = Snapshot(dir.File("out"));
        // What Excel or WPS does on Windows: an exclusive handle (on Unix .NET turns it into a lock other .NET processes see).
        using (new FileStream(dir.File("out/" + ResultFiles.SummaryWorkbook), FileMode.Open, FileAccess.Read, FileShare.None))
        {
            File.WriteAllText(dir.File("s.csv"), $"姓名,身份证件号,学校所在地代码,学段\n乙,{Id2},430121,初中\n", new UTF8Encoding(true));
            var run = CliRunner.Invoke(args);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains(ResultFiles.SummaryWorkbook, run.StdErr, StringComparison.Ordinal);
            Assert.Contains("关闭", run.StdErr, StringComparison.Ordinal);
        }
        Assert.Equal(before, Snapshot(dir.File("out")));
        AssertNothingLeftBeside(dir);
    }

    [Fact]
    public void A_second_run_into_the_same_folder_stops_at_once_while_the_first_holds_it()
    {
        var (dir, args) = Setup();
        using var _ = dir;
        using (new FileStream(dir.File(".out.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var run = CliRunner.Invoke(args);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("另一个比对正在", run.StdErr, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(dir.File("out")));
        Assert.Equal(0, CliRunner.Invoke(args).ExitCode);
    }

    [Fact]
    public void Files_bidui_did_not_write_survive_every_run_and_an_input_kept_in_the_folder_is_carried_over()
    {
        var (dir, args) = Setup();
        using var _ = dir;
        Directory.CreateDirectory(dir.File("out/笔记"));
        File.WriteAllText(dir.File("out/笔记/说明.txt"), "核查安排");
        File.Copy(dir.File("s.csv"), dir.File("out/学籍.csv"));
        args[2] = dir.File("out/学籍.csv");
        for (int i = 0; i < 2; i++)
        {
            var run = CliRunner.Invoke(args);
            Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        }
        Assert.Equal("核查安排", File.ReadAllText(dir.File("out/笔记/说明.txt")));
        Assert.Equal(File.ReadAllBytes(dir.File("s.csv")), File.ReadAllBytes(dir.File("out/学籍.csv")));
        Assert.True(File.Exists(dir.File("out/summary.json")));
        AssertNothingLeftBeside(dir);
    }

    [Fact]
    public void An_input_inside_the_folder_that_a_result_would_replace_is_refused_and_kept()
    {
        var (dir, args) = Setup();
        using var _ = dir;
        Directory.CreateDirectory(dir.File("out"));
        File.Copy(dir.File("s.csv"), dir.File("out/matched.csv"));
        args[2] = dir.File("out/matched.csv");
        var run = CliRunner.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("matched.csv", run.StdErr, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(dir.File("s.csv")), File.ReadAllBytes(dir.File("out/matched.csv")));
    }

    [Fact]
    public void Out_naming_a_file_is_status_2_in_chinese()
    {
        var (dir, args) = Setup();
        using var _ = dir;
        File.WriteAllText(dir.File("out"), "x");
        var run = CliRunner.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("是一个文件，不是文件夹", run.StdErr, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(dir.File("out")));
    }

    [Fact]
    public void An_out_folder_that_cannot_be_written_fails_in_chinese_without_dotnet_text()
    {
        // /sys refuses new entries even to root (permissions alone would not stop a root test run).
        var (dir, args) = Setup();
        using var _ = dir;
        args[^1] = "/sys/bidui-test-out";
        var run = CliRunner.Invoke(args);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("没有写入权限", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Access to the path", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_swap_killed_between_its_two_renames_is_completed_by_the_next_run_even_a_failing_one()
    {
        var (dir, args) = Setup();
        using var _ = dir;
        Assert.Equal(0, CliRunner.Invoke(args).ExitCode);
        var complete = Snapshot(dir.File("out"));
        // The state a kill leaves after "out → .out.old-X", before ".out.new-X → out".
        Directory.Move(dir.File("out"), dir.File(".out.old-1-a"));
        CopyDirectory(dir.File(".out.old-1-a"), dir.File(".out.new-1-a"));
        File.WriteAllText(dir.File(".out.commit-1-a"), "");
        File.WriteAllText(dir.File("bad.csv"), "姓名,学段\n甲,小学\n", Encoding.UTF8);
        args[2] = dir.File("bad.csv");
        Assert.Equal(2, CliRunner.Invoke(args).ExitCode);
        Assert.Equal(complete, Snapshot(dir.File("out")));
        AssertNothingLeftBeside(dir);
    }

    [Fact]
    public void A_swap_killed_while_carrying_files_over_is_undone_and_leftovers_are_removed()
    {
        var (dir, args) = Setup();
        using var _ = dir;
        File.WriteAllText(dir.File("note.txt"), "保留");
        Assert.Equal(0, CliRunner.Invoke(args).ExitCode);
        var results = Snapshot(dir.File("out"));
        // Killed after the journal and one carried file moved into the new folder.
        Directory.CreateDirectory(dir.File(".out.new-2-b"));
        File.WriteAllText(dir.File(".out.new-2-b/summary.json"), "{}");
        File.WriteAllText(dir.File(".out.new-2-b/note.txt"), "保留");
        File.WriteAllText(dir.File(".out.commit-2-b"), "note.txt\n");
        // And what older kills left: a stranded staging folder and a partitioned run's scratch files.
        Directory.CreateDirectory(dir.File(".out.new-3-c-partitions/p1"));
        Directory.CreateDirectory(dir.File(".out.partial-4-d"));
        File.WriteAllText(dir.File("bad.csv"), "姓名,学段\n甲,小学\n", Encoding.UTF8);
        args[2] = dir.File("bad.csv");
        Assert.Equal(2, CliRunner.Invoke(args).ExitCode);
        Assert.Equal("保留", File.ReadAllText(dir.File("out/note.txt")));
        var after = Snapshot(dir.File("out"));
        after.Remove("note.txt");
        Assert.Equal(results, after);
        AssertNothingLeftBeside(dir);
    }

    [Fact]
    public void Killed_at_any_moment_a_run_leaves_the_old_or_the_new_results_whole()
    {
        var dir = new TempDir();
        using var _ = dir;
        var sb = new StringBuilder("姓名,身份证件号,学校所在地代码,学段\n");
        for (int i = 0; i < 60_000; i++)
            sb.Append("甲").Append(i).Append(',').Append(Core.Identity.ResidentId.Format(43012120150301000 + i % 900)).Append(",430121,小学\n");
        File.WriteAllText(dir.File("s.csv"), sb.ToString(), new UTF8Encoding(true));
        File.WriteAllText(dir.File("p.csv"), $"姓名,证件号码,县级代码\n甲,{Id1},430121\n", new UTF8Encoding(true));
        string[] args = ["compare", "--students", dir.File("s.csv"), "--poverty", dir.File("p.csv"), "--reference-date", "2026-08-31", "--exact-only", "--out", dir.File("out")];
        Assert.Equal(0, CliRunner.Invoke(args).ExitCode);
        var expected = Snapshot(dir.File("out")).Keys.Order().ToList();

        var clock = Stopwatch.StartNew();
        var full = CliRunner.Invoke(args);
        long fullMs = clock.ElapsedMilliseconds;
        Assert.Equal(0, full.ExitCode);
        var random = new Random(13);
        for (int attempt = 0; attempt < 6; attempt++)
        {
            using (var p = CliRunner.Start(args))
            {
                Thread.Sleep(random.Next((int)(fullMs / 3), (int)fullMs + 200));
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
            }
            bool whole = File.Exists(dir.File("out/summary.json"));
            bool midSwap = !Directory.Exists(dir.File("out")) && Directory.GetFiles(dir.Path, ".out.commit-*").Length == 1;
            Assert.True(whole || midSwap, "after a kill the folder holds neither whole results nor a swap to complete");
            if (whole)
                Assert.Equal(expected, Snapshot(dir.File("out")).Keys.Order().ToList());
        }
        Assert.Equal(0, CliRunner.Invoke(args).ExitCode);
        Assert.Equal(expected, Snapshot(dir.File("out")).Keys.Order().ToList());
        AssertNothingLeftBeside(dir);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
