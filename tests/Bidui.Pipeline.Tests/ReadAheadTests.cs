using System.Text;
using Bidui.Inputs;
using Bidui.Synthetic;

namespace Bidui.Pipeline.Tests;

/// <summary>Reading on a second thread (<see cref="ReadAhead"/>) must change nothing but the time.</summary>
public sealed class ReadAheadTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bidui-readahead-").FullName;
    private static readonly DateOnly Reference = new(2026, 8, 31);
    private static readonly DateOnly Today = new(2026, 11, 29);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Read_ahead_gives_the_same_files_and_row_accounting_as_reading_on_the_engine_thread()
    {
        // All CSV, about 12,000 students: several batches per file, blank and rejected rows, GB18030 poverty file.
        var files = DemoGenerator.Generate(Path.Combine(_dir, "inputs"), new DemoOptions(DemoSize.Small, 7, Reference, Today)
        {
            StudentsFormat = DemoFileFormat.Csv,
            AidFormat = DemoFileFormat.Csv,
            Scale = 4,
        });
        var serial = Run(files, readAhead: false);
        var pipelined = Run(files, readAhead: true);

        Assert.Equal(Accounts(serial), Accounts(pipelined));
        Assert.Equal(serial.Counts, pipelined.Counts);
        var names = Directory.GetFiles(serial.OutputDirectory, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(pipelined.OutputDirectory, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        Assert.Contains("rejects.csv", names);
        foreach (var name in names)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(serial.OutputDirectory, name!)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(pipelined.OutputDirectory, name!))), name);
        }
    }

    [Fact]
    public void Aid_fed_alongside_the_registry_gives_the_same_files_as_fed_after_it()
    {
        // With the probabilistic tier on: it reads what both feeders kept (other documents, weak rows).
        var files = DemoGenerator.Generate(Path.Combine(_dir, "inputs2"), new DemoOptions(DemoSize.Small, 11, Reference, Today)
        {
            StudentsFormat = DemoFileFormat.Csv,
            AidFormat = DemoFileFormat.Csv,
            Scale = 4,
        });
        bool before = CompareJob.AidAlongside;
        try
        {
            var outcomes = new[] { false, true }.Select(alongside =>
            {
                CompareJob.AidAlongside = alongside;
                return CompareJob.Run(new CompareRequest(files.StudentsPath, files.PovertyPath, files.AidPath,
                    Path.Combine(_dir, alongside ? "alongside" : "in-turn"))
                { ReferenceDate = Reference, Today = Today });
            }).ToArray();
            Assert.Equal(Accounts(outcomes[0]), Accounts(outcomes[1]));
            Assert.Equal(outcomes[0].Counts, outcomes[1].Counts);
            Assert.True(outcomes[0].Counts[Matching.Categories.Category.Review] + outcomes[0].Counts[Matching.Categories.Category.Matched] > 0);
            foreach (var path in Directory.GetFiles(outcomes[0].OutputDirectory, "*.csv"))
            {
                string other = Path.Combine(outcomes[1].OutputDirectory, Path.GetFileName(path));
                Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(File.ReadAllBytes(other)), Path.GetFileName(path));
            }
        }
        finally
        {
            CompareJob.AidAlongside = before;
        }
    }

    [Fact]
    public void Rows_arrive_in_order_with_their_numbers_and_cells_and_a_long_cell_grows_the_batch()
    {
        var text = new StringBuilder("标题\n姓名,证件号码,备注,县级代码\n");
        for (int i = 0; i < 10_000; i++)
        {
            // Row 7000's 备注 is as long as a cell may be; rows 7001–7010 have long names, more than a batch holds at first.
            string person = i is > 7_000 and <= 7_010 ? "人" + new string('长', 30_000) : $"人{i}";
            text.Append(i % 1000 == 5 ? "\n" : $"{person},{i},{(i == 7_000 ? new string('长', InputLimits.MaxCellChars) : "x")},430521\n");
        }

        string path = Path.Combine(_dir, "p.csv");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(true));
        using var table = BoundTable.Open(path, DatasetSchema.Poverty);
        int name = table.Ordinal("姓名"), county = table.Ordinal("县级代码");
        var seen = new List<(int Row, bool Blank, string Name, string County, string NotCopied)>();
        ReadAhead.ForEachRow(table, [name, county, -1], r => seen.Add((r.RowNumber, r.IsBlank, r.GetString(name), r.GetString(county), r.GetString(1))));

        Assert.Equal(10_000, seen.Count);
        Assert.Equal(Enumerable.Range(3, 10_000), seen.Select(s => s.Row));
        Assert.Equal(10, seen.Count(s => s.Blank));
        Assert.Equal(("人9999", "430521"), (seen[^1].Name, seen[^1].County));
        Assert.Equal("人7000", seen[7_000].Name);
        Assert.All(seen.Skip(7_001).Take(10).Where(s => !s.Blank), s => Assert.Equal(30_001, s.Name.Length));
        Assert.All(seen, s => Assert.Equal("", s.NotCopied)); // 证件号码 was not asked for
    }

    [Fact]
    public void A_failure_in_the_consumer_stops_the_reader_and_surfaces_unchanged()
    {
        string path = Path.Combine(_dir, "p.csv");
        File.WriteAllText(path, "姓名,证件号码,县级代码\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"人{i},{i},430521\n")));
        using var table = BoundTable.Open(path, DatasetSchema.Poverty);
        int rows = 0;
        var ex = Assert.Throws<InvalidOperationException>(() => ReadAhead.ForEachRow(table, [0, 1], _ =>
        {
            if (++rows == 5_000) throw new InvalidOperationException("engine failed");
        }));
        Assert.Equal("engine failed", ex.Message);
        Assert.Equal(5_000, rows);
    }

    private CompareOutcome Run(DemoFiles files, bool readAhead)
    {
        bool before = InputLoader.UseReadAhead;
        InputLoader.UseReadAhead = readAhead;
        try
        {
            return CompareJob.Run(new CompareRequest(files.StudentsPath, files.PovertyPath, files.AidPath, Path.Combine(_dir, readAhead ? "ahead" : "serial"))
            {
                ReferenceDate = Reference,
                Today = Today,
                ExactOnly = true,
                Lanes = 1, // one engine: the path the read-ahead serves
            });
        }
        finally
        {
            InputLoader.UseReadAhead = before;
        }
    }

    private static List<(long, long, long, long)> Accounts(CompareOutcome o) =>
        o.Inputs.Select(a => (a.RowsRead, a.RowsBlank, a.RowsRejected, a.RowsLoaded)).ToList();
}
