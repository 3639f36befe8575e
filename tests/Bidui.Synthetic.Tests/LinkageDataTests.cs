using Bidui.Synthetic.Linkage;

namespace Bidui.Synthetic.Tests;

public sealed class LinkageDataTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bidui-linkage-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Every_row_has_its_person_and_the_faults_occur_at_their_rates()
    {
        var files = LinkageDataGenerator.Generate(_dir, new LinkageOptions(Households: 4000, Seed: 5));
        var register = File.ReadAllLines(files.PovertyPath).Skip(1).ToArray();
        var registry = File.ReadAllLines(files.StudentsPath).Skip(1).ToArray();
        var personOf = File.ReadLines(files.PovertyTruthPath).Skip(1).Select(l => l.Split(',')).ToDictionary(c => int.Parse(c[0], CultureInfo.InvariantCulture), c => c[1]);
        var pupilOf = File.ReadLines(files.StudentTruthPath).Skip(1).Select(l => l.Split(',')).ToDictionary(c => int.Parse(c[0], CultureInfo.InvariantCulture), c => c[1]);

        Assert.Equal(register.Length, files.PovertyRows);
        Assert.Equal(registry.Length, files.StudentRows);
        Assert.Equal(Enumerable.Range(2, register.Length), personOf.Keys.Order());
        Assert.Equal(Enumerable.Range(2, registry.Length), pupilOf.Keys.Order());
        Assert.Equal(files.TruePairs, personOf.Values.Intersect(pupilOf.Values).Count());

        // ID cells: column 证件号码 (6th) of the register, 身份证件号 (3rd) of the registry.
        double scientific = registry.Count(l => l.Split(',')[2].Contains("E+", StringComparison.Ordinal)) / (double)registry.Length;
        double empty = register.Count(l => l.Split(',')[5].Length == 0) / (double)register.Length;
        Assert.InRange(scientific, 0.004, 0.012);   // 0.8 %
        Assert.InRange(empty, 0.003, 0.009);        // 0.6 %
        // Twins: two children of one household born the same day.
        var twins = register.Select(l => l.Split(',')).Where(c => c[8] == "子女").GroupBy(c => (c[3], c[7])).Count(g => g.Count() > 1 && g.Key.Item2.Length > 0);
        Assert.InRange(twins, 10, 200);
    }

    [Fact]
    public void Same_seed_same_files()
    {
        var a = LinkageDataGenerator.Generate(Path.Combine(_dir, "a"), new LinkageOptions(300, Seed: 9));
        var b = LinkageDataGenerator.Generate(Path.Combine(_dir, "b"), new LinkageOptions(300, Seed: 9));
        Assert.Equal(File.ReadAllBytes(a.StudentsPath), File.ReadAllBytes(b.StudentsPath));
        Assert.Equal(File.ReadAllBytes(a.PovertyTruthPath), File.ReadAllBytes(b.PovertyTruthPath));
    }
}
