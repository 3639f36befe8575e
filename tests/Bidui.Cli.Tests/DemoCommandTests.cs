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

        // A child registered under the 户主's number, end to end with the tier (SPEC §4.3): the exact pair stays
        // in identity_conflict as 疑似借用他人证件号码, the child is in matched with that row, and no dropout.
        using var borrowed = System.Text.Json.JsonDocument.Parse(File.ReadAllText(dir.File("demo/inputs/truth/borrowed_numbers.json")));
        var cases = borrowed.RootElement.EnumerateArray().Select(e => (Row: e.GetProperty("学籍行号").GetInt32(), Child: e.GetProperty("乡村振兴行号").GetInt32())).ToList();
        Assert.True(cases.Count >= 2);
        var conflicts = Csv(dir.File("demo/results/identity_conflict.csv"));
        var matched = Csv(dir.File("demo/results/matched.csv"));
        var dropouts = Csv(dir.File("demo/results/dropout_suspect.csv"));
        foreach (var (row, child) in cases)
        {
            var conflict = Assert.Single(conflicts, r => r["学籍行号"] == Num(row));
            Assert.Equal("疑似借用他人证件号码", conflict["原因"]);
            Assert.Contains(matched, r => r["乡村振兴行号"] == Num(child) && r["学籍行号"] == Num(row));
            Assert.DoesNotContain(dropouts, r => r["乡村振兴行号"] == Num(child));
        }
    }

    private static string Num(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => header.Zip(l.Split(',')).ToDictionary(x => x.First, x => x.Second))];
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
