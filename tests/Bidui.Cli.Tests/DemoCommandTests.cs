namespace Bidui.Cli.Tests;

/// <summary>The README's first command, as a new user runs it.</summary>
public class DemoCommandTests
{
    [Fact]
    public void Demo_writes_inputs_truth_and_results_and_exits_0()
    {
        using var dir = new TempDir();
        var run = CliRunner.Invoke("demo", "--out", dir.File("demo"), "--seed", "3");
        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        Assert.True(File.Exists(dir.File("demo/results/summary.json")));
        Assert.True(File.Exists(dir.File("demo/results/比对报告.html")));
        Assert.NotEmpty(Directory.GetFiles(dir.File("demo/inputs/truth"), "*.csv"));
        Assert.NotEmpty(Directory.GetFiles(dir.File("demo/results/按县分发"), "*.xlsx"));
        Assert.Contains("dropout_suspect", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_with_an_unknown_size_is_status_2()
    {
        using var dir = new TempDir();
        var run = CliRunner.Invoke("demo", "--out", dir.File("demo"), "--size", "huge");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--size", run.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("demo/results")));
    }
}
