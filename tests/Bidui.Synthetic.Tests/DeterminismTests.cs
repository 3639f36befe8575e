namespace Bidui.Synthetic.Tests;

public sealed class DeterminismTests : IDisposable
{
    private static readonly DateOnly Reference = new(2026, 8, 31);
    private static readonly DateOnly Today = new(2026, 11, 29);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bidui-synthetic-determinism-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_seed_gives_the_same_bytes_and_another_seed_other_data()
    {
        var a = DemoGenerator.Generate(Path.Combine(_root, "a"), new DemoOptions(DemoSize.Small, 7, Reference, Today));
        var b = DemoGenerator.Generate(Path.Combine(_root, "b"), new DemoOptions(DemoSize.Small, 7, Reference, Today));
        var c = DemoGenerator.Generate(Path.Combine(_root, "c"), new DemoOptions(DemoSize.Small, 8, Reference, Today));
        var files = Directory.GetFiles(Path.Combine(_root, "a"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(_root, "a"), f)).Order().ToList();
        Assert.Equal(27, files.Count); // 3 inputs, 4 registers, catalogue, key counties; 14 lists, rejects, inputs.json, funds.json and borrowed_numbers.json of truth
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(_root, "a", file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_root, "b", file))), file);
        }

        Assert.False(File.ReadAllBytes(a.StudentsPath).AsSpan().SequenceEqual(File.ReadAllBytes(c.StudentsPath)));
        Assert.False(File.ReadAllBytes(a.PovertyPath).AsSpan().SequenceEqual(File.ReadAllBytes(c.PovertyPath)));
        Assert.NotEqual(File.ReadAllText(Path.Combine(a.TruthDirectory, "matched.csv")), File.ReadAllText(Path.Combine(c.TruthDirectory, "matched.csv")));
        Assert.Equal(Path.Combine(_root, "b", "truth"), b.TruthDirectory);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, true);
        }
    }
}
