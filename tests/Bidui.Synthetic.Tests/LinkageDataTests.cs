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
    public void Borrowed_numbers_children_schooled_away_and_student_numbers_are_written_and_named_in_the_truth()
    {
        var files = LinkageDataGenerator.Generate(_dir, new LinkageOptions(Households: 4000, Seed: 6));
        var register = File.ReadAllLines(files.PovertyPath).Skip(1).Select(l => l.Split(',')).ToArray();
        var registry = File.ReadAllLines(files.StudentsPath).Skip(1).Select(l => l.Split(',')).ToArray();
        var faults = File.ReadLines(files.StudentTruthPath).Skip(1).Select(l => l.Split(',')).ToDictionary(c => int.Parse(c[0], CultureInfo.InvariantCulture), c => c[2]);
        var registerIds = register.Select(c => c[5]).ToHashSet();
        var householdCounty = register.Where(c => c[5].Length == 18 && !c[5].EndsWith("000", StringComparison.Ordinal)).GroupBy(c => c[5]).ToDictionary(g => g.Key, g => g.First()[0]);

        var borrowed = faults.Where(kv => kv.Value.Contains("id:borrowed_", StringComparison.Ordinal)).Select(kv => registry[kv.Key - 2]).ToList();
        Assert.InRange(borrowed.Count, 10, 200);
        // A register person's valid number (unless the register's own copy of it is damaged).
        Assert.True(borrowed.Count(c => registerIds.Contains(c[2])) >= 0.9 * borrowed.Count);
        // 学籍号: G and the number first entered, nearly always the row's own number.
        double own = registry.Count(c => c[3] == "G" + c[2]) / (double)registry.Length;
        Assert.InRange(own, 0.85, 0.95);
        // Schooled away: the school's county is not the household's.
        var away = faults.Where(kv => kv.Value.Contains("away", StringComparison.Ordinal)).Select(kv => registry[kv.Key - 2]).ToList();
        Assert.InRange(away.Count / (double)registry.Length, 0.05, 0.2);
        Assert.All(away.Where(c => householdCounty.ContainsKey(c[2])), c => Assert.NotEqual(householdCounty[c[2]], c[8]));
        // Dotted names in the other order, 。 for the dot.
        Assert.Contains(faults.Values, f => f.Contains("name:order_swapped", StringComparison.Ordinal));
        Assert.Contains(registry, c => c[0].Contains('。', StringComparison.Ordinal));
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
