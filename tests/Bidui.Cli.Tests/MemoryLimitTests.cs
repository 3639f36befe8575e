using Bidui.Synthetic;

namespace Bidui.Cli.Tests;

/// <summary>`compare --memory-limit` / `--partitions` through the real command line.</summary>
public sealed class MemoryLimitTests
{
    private static readonly DateOnly Reference = new(2026, 8, 31);

    private static DemoFiles Inputs(TempDir dir) =>
        DemoGenerator.Generate(dir.File("inputs"), new DemoOptions(DemoSize.Small, 21, Reference, DateOnly.FromDateTime(DateTime.Now))
        {
            StudentsFormat = DemoFileFormat.Csv,
            AidFormat = DemoFileFormat.Csv,
        });

    private static string[] Compare(DemoFiles f, string outDir, params string[] more) =>
        ["compare", "--students", f.StudentsPath, "--poverty", f.PovertyPath, "--aid", f.AidPath, "--out", outDir,
         "--reference-date", "2026-08-31", .. more];

    [Fact]
    public void Partitioned_exact_run_writes_the_lists_of_the_run_in_memory()
    {
        using var dir = new TempDir();
        var f = Inputs(dir);
        var memory = CliRunner.Invoke(Compare(f, dir.File("memory"), "--exact-only", "--memory-limit", "4GB"));
        var split = CliRunner.Invoke(Compare(f, dir.File("split"), "--exact-only", "--partitions", "5"));
        Assert.True(memory.ExitCode == 0, memory.StdErr);
        Assert.True(split.ExitCode == 0, split.StdErr);
        Assert.Contains("逐个分区比对", split.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("逐个分区比对", memory.StdOut, StringComparison.Ordinal); // small inputs fit 4 GB: in memory
        var lists = Directory.GetFiles(dir.File("memory"), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("matched.csv", lists);
        foreach (var name in lists)
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir.File("memory"), name!)), File.ReadAllBytes(Path.Combine(dir.File("split"), name!)));
    }

    [Fact]
    public void Partitioning_with_the_probabilistic_tier_is_status_2_and_says_to_add_exact_only()
    {
        using var dir = new TempDir();
        var f = Inputs(dir);
        var run = CliRunner.Invoke(Compare(f, dir.File("out"), "--partitions", "3"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--exact-only", run.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Theory]
    [InlineData("--memory-limit", "lots")]
    [InlineData("--memory-limit", "100MB")]
    [InlineData("--partitions", "0")]
    public void A_limit_that_cannot_be_used_is_status_2_and_names_the_option(string option, string value)
    {
        using var dir = new TempDir();
        var f = Inputs(dir);
        var run = CliRunner.Invoke(Compare(f, dir.File("out"), "--exact-only", option, value));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.StdErr, StringComparison.Ordinal);
    }
}
