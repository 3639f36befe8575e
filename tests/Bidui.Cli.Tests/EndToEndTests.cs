using System.Text;
using System.Text.Json;
using Bidui.Inputs;
using Bidui.Pipeline;
using Bidui.Synthetic;
using ExcelDataReader;

namespace Bidui.Cli.Tests;

/// <summary>
/// The whole job on generated data, checked list by list against the generator's own truth (the
/// generator shares no code with the engine, so agreement is evidence, not an echo).
/// </summary>
public abstract class EndToEndTests
{
    private static readonly DateOnly Reference = new(2026, 8, 31);
    private static readonly DateOnly Today = new(2026, 11, 29);
    private readonly DemoRun _run;

    protected EndToEndTests(DemoRun run) => _run = run;

    /// <summary>Students and aid as xlsx, the poverty register as GB18030 CSV (the demo's defaults), through the job API.</summary>
    public sealed class XlsxRun() : DemoRun(DemoFileFormat.Xlsx, seed: 1, viaCommandLine: false);

    /// <summary>Every input as CSV, another seed, through the real `bidui compare` command line.</summary>
    public sealed class CsvRun() : DemoRun(DemoFileFormat.Csv, seed: 7, viaCommandLine: true);

    public abstract class DemoRun : IDisposable
    {
        public TempDir Dir { get; } = new();
        public DemoFiles Files { get; }
        public string Results => Dir.File("results");

        protected DemoRun(DemoFileFormat format, int seed, bool viaCommandLine)
        {
            // The command line judges birth dates against the real day of the run, so the generator must too.
            var today = viaCommandLine ? DateOnly.FromDateTime(DateTime.Now) : Today;
            Files = DemoGenerator.Generate(Dir.File("inputs"), new DemoOptions(DemoSize.Small, seed, Reference, today)
            {
                StudentsFormat = format,
                AidFormat = format,
            });
            if (viaCommandLine)
            {
                var run = CliRunner.Invoke("compare", "--students", Files.StudentsPath, "--poverty", Files.PovertyPath, "--aid", Files.AidPath,
                    "--reference-date", Reference.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--exact-only",
                    "--out", Results);
                Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
            }
            else
            {
                CompareJob.Run(new CompareRequest(Files.StudentsPath, Files.PovertyPath, Files.AidPath, Results)
                {
                    ReferenceDate = Reference,
                    Today = Today,
                    ExactOnly = true, // the generator's truth is the exact tier's
                });
            }
        }

        public void Dispose() => Dir.Dispose();
    }

    private static readonly string[] ListCodes =
    [
        "matched", "aid_missing", "dropout_suspect", "status_mismatch", "identity_conflict", "field_conflict", "invalid_id",
        "duplicate_enrollment", "duplicate_poverty", "aid_duplicate", "aid_ineligible", "aid_not_enrolled", "rejects",
    ];

    public static TheoryData<string> Lists() => new(ListCodes);

    [Theory]
    [MemberData(nameof(Lists))]
    public void Every_list_equals_the_generators_truth(string code)
    {
        var (truthHeader, truthRows) = ReadCsv(Path.Combine(_run.Files.TruthDirectory, code + ".csv"));
        var (header, rows) = ReadCsv(Path.Combine(_run.Results, code + ".csv"));
        var ordinals = truthHeader.Select(h => Array.IndexOf(header, h)).ToArray();
        Assert.DoesNotContain(-1, ordinals);
        var actual = rows.Select(r => string.Join(",", ordinals.Select(i => r[i]))).Order(StringComparer.Ordinal).ToList();
        var expected = truthRows.Select(r => string.Join(",", r)).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 0 || code is "rejects", $"the generator produced no {code} case: the test would prove nothing");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Row_accounting_equals_the_truth_and_adds_up()
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_run.Results, "summary.json")));
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(_run.Files.TruthDirectory, "inputs.json")));
        foreach (var dataset in new[] { "students", "poverty", "aid" })
        {
            var got = summary.RootElement.GetProperty("inputs").GetProperty(dataset);
            var want = truth.RootElement.GetProperty(dataset);
            foreach (var field in new[] { "rows_read", "rows_blank", "rows_rejected", "rows_loaded" })
                Assert.True(want.GetProperty(field).GetInt64() == got.GetProperty(field).GetInt64(), $"{dataset}.{field}");
            Assert.Equal(got.GetProperty("rows_read").GetInt64(),
                got.GetProperty("rows_blank").GetInt64() + got.GetProperty("rows_rejected").GetInt64() + got.GetProperty("rows_loaded").GetInt64());
        }
        var categories = summary.RootElement.GetProperty("categories");
        foreach (var code in ListCodes.Where(c => c != "rejects"))
            Assert.Equal(ReadCsv(Path.Combine(_run.Results, code + ".csv")).Rows.Count, categories.GetProperty(code).GetInt32());
        Assert.Equal("2026-08-31", summary.RootElement.GetProperty("reference_date").GetString());
    }

    [Fact]
    public void County_workbooks_read_back_with_another_library_keep_ids_as_text()
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var workbooks = Directory.GetFiles(Path.Combine(_run.Results, ResultFiles.CountyFolder), "*.xlsx");
        Assert.NotEmpty(workbooks);
        int idCells = 0;
        foreach (var path in workbooks)
        {
            using var stream = File.OpenRead(path);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            do
            {
                Assert.True(reader.Read(), $"{Path.GetFileName(path)} sheet {reader.Name} has no header");
                int idColumn = Enumerable.Range(0, reader.FieldCount).FirstOrDefault(i => reader.GetValue(i) as string is "证件号码" or "学籍身份证件号", -1);
                while (reader.Read())
                {
                    if (idColumn >= 0 && reader.GetValue(idColumn) is string s && s.Length == 18)
                        idCells++;
                    if (idColumn >= 0)
                        Assert.IsNotType<double>(reader.GetValue(idColumn));
                }
            } while (reader.NextResult());
        }
        Assert.True(idCells > 0);
    }

    [Fact]
    public void The_report_and_summary_workbook_exist_and_the_report_is_offline()
    {
        string html = File.ReadAllText(Path.Combine(_run.Results, ResultFiles.Report));
        Assert.Contains("echarts", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_run.Results, ResultFiles.SummaryWorkbook)));
        Assert.Empty(Directory.GetDirectories(_run.Dir.Path, ".results.*"));
    }

    private static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        using var reader = TabularFile.Open(path);
        Assert.True(reader.Read());
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            if (!reader.IsBlank)
                rows.Add(Enumerable.Range(0, header.Length).Select(reader.GetString).ToArray());
        }
        return (header, rows);
    }
}

public sealed class EndToEndXlsxTests(EndToEndTests.XlsxRun run) : EndToEndTests(run), IClassFixture<EndToEndTests.XlsxRun>;

public sealed class EndToEndCsvTests(EndToEndTests.CsvRun run) : EndToEndTests(run), IClassFixture<EndToEndTests.CsvRun>;
