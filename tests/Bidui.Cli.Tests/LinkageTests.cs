using System.Globalization;
using Bidui.Pipeline;
using Bidui.Synthetic.Linkage;

namespace Bidui.Cli.Tests;

/// <summary>The probabilistic tier end to end, on labelled data whose every row is known (issue 3).</summary>
public sealed class LinkageTests : IClassFixture<LinkageTests.Data>
{
    private readonly Data _data;

    public LinkageTests(Data data) => _data = data;

    public sealed class Data : IDisposable
    {
        public TempDir Dir { get; } = new();
        public LinkageFiles Files { get; }
        public string Exact => Dir.File("exact");
        public string Tier => Dir.File("tier");

        public Data()
        {
            Files = LinkageDataGenerator.Generate(Dir.File("inputs"), new LinkageOptions(Households: 3000, Seed: 7));
            foreach (var (dir, exactOnly) in new[] { (Exact, true), (Tier, false) })
                CompareJob.Run(new CompareRequest(Files.StudentsPath, Files.PovertyPath, null, dir)
                {
                    ReferenceDate = new DateOnly(2026, 8, 31),
                    Today = new DateOnly(2026, 11, 29),
                    ExactOnly = exactOnly,
                });
        }

        public void Dispose() => Dir.Dispose();
    }

    [Fact]
    public void The_tier_finds_most_pairs_exact_matching_misses_without_false_links()
    {
        var person = Entities(_data.Files.PovertyTruthPath);
        var student = Entities(_data.Files.StudentTruthPath);
        var faults = Faults(_data.Files.StudentTruthPath);
        var exact = Pairs(Path.Combine(_data.Exact, "matched.csv"));
        var tier = Pairs(Path.Combine(_data.Tier, "matched.csv"));
        var review = Pairs(Path.Combine(_data.Tier, "review.csv"));
        bool True((int P, int S) pair) => person[pair.P] == student[pair.S];

        // Exact keys are wrong only where a row carries a relative's number (or Excel made two numbers one).
        Assert.All(exact.Where(p => !True(p)), pair => Assert.Matches("id:borrowed_|truncated", faults[pair.Item2]));
        // The tier keeps every right exact pair, and relinks the rows whose number was a relative's.
        Assert.Superset(exact.Where(True).ToHashSet(), tier.ToHashSet());
        var relinked = Rows(Path.Combine(_data.Tier, "identity_conflict.csv"), "学籍行号", "原因", "疑似借用他人证件号码");
        Assert.NotEmpty(relinked);
        Assert.All(relinked, row => Assert.Contains(tier, pair => pair.Item2 == row && True(pair)));
        var added = tier.Except(exact).ToList();
        var truth = person.Values.ToHashSet();
        truth.IntersectWith(student.Values);
        var missed = truth.Except(exact.Where(True).Select(p => person[p.Item1])).ToHashSet();

        Assert.True(missed.Count > 100, $"only {missed.Count} missed pairs: the data should have ID faults");
        double precision = (double)tier.Count(True) / tier.Count;
        double accepted = (double)added.Where(True).Select(p => person[p.Item1]).Count(missed.Contains) / missed.Count;
        double acceptedOrReview = (double)added.Concat(review).Where(True).Select(p => person[p.Item1]).Distinct().Count(missed.Contains) / missed.Count;
        Assert.True(precision >= 0.997, $"precision of accepted pairs {precision:P2}");
        Assert.True(accepted >= 0.90, $"missed pairs accepted {accepted:P2}");
        Assert.True(acceptedOrReview >= 0.95, $"missed pairs accepted or in review {acceptedOrReview:P2}");
    }

    [Fact]
    public void Linked_children_leave_the_dropout_list_and_nobody_joins_it()
    {
        var exact = Rows(Path.Combine(_data.Exact, "dropout_suspect.csv"), "乡村振兴行号");
        var tier = Rows(Path.Combine(_data.Tier, "dropout_suspect.csv"), "乡村振兴行号");
        Assert.Superset(tier.ToHashSet(), exact.ToHashSet());
        Assert.True(tier.Count < exact.Count);
        Assert.False(File.Exists(Path.Combine(_data.Exact, "review.csv")));
        Assert.True(File.Exists(Path.Combine(_data.Tier, "review.csv")));
        // 建议号码 only where the tier ran.
        Assert.DoesNotContain("建议号码", File.ReadLines(Path.Combine(_data.Exact, "invalid_id.csv")).First(), StringComparison.Ordinal);
        Assert.Contains("建议号码", File.ReadLines(Path.Combine(_data.Tier, "invalid_id.csv")).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void Model_command_saves_a_model_that_compare_reuses()
    {
        using var dir = new TempDir();
        var run = CliRunner.Invoke("model", "--students", _data.Files.StudentsPath, "--poverty", _data.Files.PovertyPath,
            "--reference-date", "2026-08-31", "--out", dir.File("model"));
        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        string report = File.ReadAllText(dir.File("model/模型报告.html"));
        foreach (string name in new[] { "证件号码相差一位", "姓名同音", "出生日期月日颠倒", "性别不同", "在本市其他县上学", "学籍证件号码属于同户其他成员（疑似借用）", "学籍号含本人证件号码", "echarts" })
            Assert.Contains(name, report, StringComparison.Ordinal);

        run = CliRunner.Invoke("compare", "--students", _data.Files.StudentsPath, "--poverty", _data.Files.PovertyPath,
            "--reference-date", "2026-08-31", "--model", dir.File("model/model.json"), "--out", dir.File("out"));
        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        Assert.Equal(Rows(Path.Combine(_data.Tier, "matched.csv"), "学籍行号").Count, Rows(dir.File("out/matched.csv"), "学籍行号").Count);

        File.WriteAllText(dir.File("broken.json"), "{\"M\": 1}");
        run = CliRunner.Invoke("compare", "--students", _data.Files.StudentsPath, "--poverty", _data.Files.PovertyPath,
            "--model", dir.File("broken.json"), "--out", dir.File("out2"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken.json", run.StdErr + run.StdOut, StringComparison.Ordinal);
    }

    private static Dictionary<int, int> Entities(string csv) =>
        File.ReadLines(csv).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => int.Parse(c[0], CultureInfo.InvariantCulture), c => int.Parse(c[1], CultureInfo.InvariantCulture));

    private static Dictionary<int, string> Faults(string csv) =>
        File.ReadLines(csv).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => int.Parse(c[0], CultureInfo.InvariantCulture), c => c.Length > 2 ? c[2] : "");

    private static List<(int, int)> Pairs(string csv) =>
        [.. Rows(csv, "乡村振兴行号").Zip(Rows(csv, "学籍行号"))];

    private static List<int> Rows(string csv, string column, string? where = null, string? equals = null)
    {
        var lines = File.ReadAllLines(csv);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        int i = Array.IndexOf(header, column), w = where is null ? -1 : Array.IndexOf(header, where);
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Where(c => w < 0 || c[w] == equals).Select(c => int.Parse(c[i], CultureInfo.InvariantCulture))];
    }
}
