using Bidui.Matching.Categories;
using Bidui.Synthetic;
using ExcelDataReader;

namespace Bidui.Pipeline.Tests;

/// <summary>
/// Runs that split the rows by key into partitions on disk
/// (`--memory-limit`) — must give exactly the outputs of one engine over all rows: the same lists byte
/// for byte, the same summary and the same county workbooks.
/// </summary>
public sealed class PartitionedRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bidui-partitioned-").FullName;
    private static readonly DateOnly Reference = new(2026, 8, 31);
    private static readonly DateOnly Today = new(2026, 11, 29);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private DemoFiles Inputs(int seed) =>
        // The demo's mix: xlsx registry and aid, GB18030 CSV register; every fault of SPEC §2, blank and rejected rows.
        DemoGenerator.Generate(Path.Combine(_dir, $"inputs-{seed}"), new DemoOptions(DemoSize.Small, seed, Reference, Today) { Scale = 3 });

    private CompareOutcome Run(DemoFiles files, string name, int? partitions, bool exactOnly = true) =>
        CompareJob.Run(new CompareRequest(files.StudentsPath, files.PovertyPath, files.AidPath, Path.Combine(_dir, name))
        {
            ReferenceDate = Reference,
            Today = Today,
            ExactOnly = exactOnly,
            Partitions = partitions,
            // The other registers, the catalogue and the key counties (SPEC §1.4, §1.5, §4.6) split and merge too.
            Registers = [.. files.Registers.Select(r => new Bidui.Pipeline.Supervision.RegisterInput(r.Label, r.Path))],
            AidProjectsPath = files.AidProjectsPath,
            KeyCountiesPath = files.KeyCountiesPath,
        });

    [Theory]
    [InlineData(3)]
    [InlineData(16)] // more partitions than some lists have rows: empty partition files on both sides
    public void Split_run_gives_the_same_lists_summary_and_county_workbooks_as_one_engine(int partitions)
    {
        var files = Inputs(seed: 5);
        var memory = Run(files, "memory", partitions: null);
        var split = Run(files, $"split-{partitions}", partitions);

        Assert.Equal(1, memory.Partitions);
        Assert.Equal(partitions, split.Partitions);
        Assert.Equal(memory.Counts, split.Counts);
        Assert.True(memory.Counts[Category.Matched] > 100 && memory.Counts[Category.AidIneligible] > 20 && memory.Counts[Category.AidAmountAnomaly] > 10);
        Assert.Equal(memory.Inputs.Select(a => (a.RowsRead, a.RowsBlank, a.RowsRejected, a.RowsLoaded)),
            split.Inputs.Select(a => (a.RowsRead, a.RowsBlank, a.RowsRejected, a.RowsLoaded)));
        Assert.Contains(memory.Inputs, a => a.RowsRejected > 0);
        Assert.Equal(memory.Notes, split.Notes);

        var csvs = Directory.GetFiles(memory.OutputDirectory, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(csvs, Directory.GetFiles(split.OutputDirectory, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        foreach (var name in csvs)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(memory.OutputDirectory, name!)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(split.OutputDirectory, name!))), name);
        }
        Assert.Equal(File.ReadAllText(Path.Combine(memory.OutputDirectory, ResultFiles.Summary)),
            File.ReadAllText(Path.Combine(split.OutputDirectory, ResultFiles.Summary)));

        string memoryCounties = Path.Combine(memory.OutputDirectory, ResultFiles.CountyFolder);
        string splitCounties = Path.Combine(split.OutputDirectory, ResultFiles.CountyFolder);
        var books = Directory.GetFiles(memoryCounties).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.True(books.Count >= 2, $"{books.Count} county workbooks");
        Assert.Equal(books, Directory.GetFiles(splitCounties).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        foreach (var book in books)
            SameWorkbook(Path.Combine(memoryCounties, book!), Path.Combine(splitCounties, book!));
        SameWorkbook(Path.Combine(memory.OutputDirectory, ResultFiles.SummaryWorkbook), Path.Combine(split.OutputDirectory, ResultFiles.SummaryWorkbook));
        // The lists as workbooks too (the partitioned run writes them while it merges).
        var lists = memory.Counts.Keys.Select(ResultFiles.ListXlsx).ToList();
        foreach (var list in lists)
            SameWorkbook(Path.Combine(memory.OutputDirectory, list), Path.Combine(split.OutputDirectory, list));

        // Nothing of the partitions is left behind: the output's parent holds the outputs only.
        Assert.DoesNotContain(Directory.GetDirectories(_dir), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void A_read_error_in_a_partitioned_run_surfaces_as_the_input_error_and_leaves_no_result()
    {
        var files = Inputs(seed: 4);
        string broken = Path.Combine(_dir, "broken.csv");
        // Text after a closing quote, well past the first batch: the error comes after rows have been split and written.
        File.WriteAllText(broken, "姓名,证件号码,县级代码\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"人{i},{i},430521\n"))
            + "\"坏\"x,1,2\n人,1,430521\n");
        var e = Assert.ThrowsAny<Exception>(() => CompareJob.Run(new CompareRequest(files.StudentsPath, broken, files.AidPath, Path.Combine(_dir, "broken-out"))
        {
            ReferenceDate = Reference, Today = Today, ExactOnly = true, Partitions = 3,
        }));
        Assert.IsType<Bidui.Inputs.InputFileException>(e);
        Assert.False(File.Exists(Path.Combine(_dir, "broken-out", ResultFiles.Summary)));
    }

    [Fact]
    public void Partitioning_with_the_probabilistic_tier_is_refused_before_anything_is_read_or_written()
    {
        var files = Inputs(seed: 9);
        var e = Assert.Throws<CompareRequestException>(() => Run(files, "refused", partitions: 2, exactOnly: false));
        Assert.Contains("--exact-only", e.Message);
        Assert.False(Directory.Exists(Path.Combine(_dir, "refused")));
        Assert.DoesNotContain(Directory.GetDirectories(_dir), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void A_memory_limit_partitions_only_inputs_that_would_not_fit_and_more_of_them_for_less_memory()
    {
        var files = Inputs(seed: 3);
        long bytes = PartitionPlan.EstimatedBytes(new CompareRequest(files.StudentsPath, files.PovertyPath, files.AidPath, _dir));
        CompareRequest Limited(long? limit) =>
            new(files.StudentsPath, files.PovertyPath, files.AidPath, _dir) { MemoryLimitBytes = limit };

        Assert.True(bytes > 0);
        Assert.Equal(1, PartitionPlan.For(Limited(null)));
        Assert.Equal(1, PartitionPlan.For(Limited(bytes * 2)));
        int some = PartitionPlan.For(Limited(bytes / 2)), more = PartitionPlan.For(Limited(bytes / 8));
        Assert.InRange(some, 2, 10);
        Assert.True(more > some, $"{more} partitions for an eighth against {some} for a half");
        Assert.Equal(4, PartitionPlan.For(Limited(bytes * 2) with { Partitions = 4 }));
    }

    [Theory]
    [InlineData("4GB", 4L << 30)]
    [InlineData("4 gb", 4L << 30)]
    [InlineData("4g", 4L << 30)]
    [InlineData("1.5GiB", 3L << 29)]
    [InlineData("512MB", 512L << 20)]
    [InlineData("1000000", 1_000_000L)]
    [InlineData("many", null)]
    [InlineData("-4GB", null)]
    [InlineData("0", null)]
    public void Memory_limits_are_read_as_people_write_them(string text, long? bytes) =>
        Assert.Equal(bytes, PartitionPlan.ParseSize(text));

    private static void SameWorkbook(string expectedPath, string actualPath)
    {
        var expected = Cells(expectedPath);
        var actual = Cells(actualPath);
        Assert.Equal(expected.Select(s => s.Item1), actual.Select(s => s.Item1));
        for (int s = 0; s < expected.Count; s++)
        {
            for (int r = 0; r < Math.Max(expected[s].Item2.Count, actual[s].Item2.Count); r++)
            {
                string where = $"{Path.GetFileName(expectedPath)} / {expected[s].Item1} / row {r + 1}";
                Assert.Equal(where + ": " + expected[s].Item2.ElementAtOrDefault(r), where + ": " + actual[s].Item2.ElementAtOrDefault(r));
            }
        }
    }

    /// <summary>Every sheet of a workbook as its name and cell values, read by ExcelDataReader (not the writer).</summary>
    private static List<(string, List<string>)> Cells(string path)
    {
        var sheets = new List<(string, List<string>)>();
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        do
        {
            var rows = new List<string>();
            while (reader.Read())
                rows.Add(string.Join('\u001F', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            sheets.Add((reader.Name, rows));
        }
        while (reader.NextResult());
        return sheets;
    }
}
