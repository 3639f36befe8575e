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

    /// <summary>Students, aid and the 低保 register as legacy .xls copies of the demo's workbooks, another seed.</summary>
    public sealed class XlsRun() : DemoRun(DemoFileFormat.Xlsx, seed: 3, viaCommandLine: false, xls: true);

    public abstract class DemoRun : IDisposable
    {
        public TempDir Dir { get; } = new();
        public DemoFiles Files { get; }
        public string Results => Dir.File("results");

        protected DemoRun(DemoFileFormat format, int seed, bool viaCommandLine, bool xls = false)
        {
            // The command line judges birth dates against the real day of the run, so the generator must too.
            var today = viaCommandLine ? DateOnly.FromDateTime(DateTime.Now) : Today;
            Files = DemoGenerator.Generate(Dir.File("inputs"), new DemoOptions(DemoSize.Small, seed, Reference, today)
            {
                StudentsFormat = format,
                AidFormat = format,
            });
            if (xls)
            {
                Files = Files with
                {
                    StudentsPath = XlsCopy.Of(Files.StudentsPath),
                    AidPath = XlsCopy.Of(Files.AidPath),
                    Registers = [.. Files.Registers.Select(r => r.Path.EndsWith(".xlsx", StringComparison.Ordinal) ? (r.Label, XlsCopy.Of(r.Path)) : r)],
                };
                Assert.Equal(0xD0, File.ReadAllBytes(Files.AidPath)[0]); // OLE2: a real BIFF8 workbook
            }
            if (viaCommandLine)
            {
                var run = CliRunner.Invoke([
                    "compare", "--students", Files.StudentsPath, "--poverty", Files.PovertyPath, "--aid", Files.AidPath,
                    .. Files.Registers.SelectMany(r => new[] { "--register", $"{r.Label}={r.Path}" }),
                    "--aid-projects", Files.AidProjectsPath, "--key-counties", Files.KeyCountiesPath,
                    "--reference-date", Reference.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--exact-only",
                    "--out", Results]);
                Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
            }
            else
            {
                CompareJob.Run(new CompareRequest(Files.StudentsPath, Files.PovertyPath, Files.AidPath, Results)
                {
                    ReferenceDate = Reference,
                    Today = Today,
                    ExactOnly = true, // the generator's truth is the exact tier's
                    Registers = [.. Files.Registers.Select(r => new Bidui.Pipeline.Supervision.RegisterInput(r.Label, r.Path))],
                    AidProjectsPath = Files.AidProjectsPath,
                    KeyCountiesPath = Files.KeyCountiesPath,
                });
            }
        }

        public void Dispose() => Dir.Dispose();
    }

    private static readonly string[] ListCodes =
    [
        "matched", "aid_missing", "dropout_suspect", "status_mismatch", "identity_conflict", "field_conflict", "invalid_id",
        "duplicate_enrollment", "duplicate_poverty", "aid_duplicate", "aid_ineligible", "aid_stage_mismatch", "aid_amount_anomaly",
        "aid_not_enrolled", "rejects",
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
        var inputs = summary.RootElement.GetProperty("inputs");
        var accounts = new[] { "students", "poverty", "aid" }.Select(d => (d, inputs.GetProperty(d), truth.RootElement.GetProperty(d)))
            .Concat(truth.RootElement.GetProperty("registers").EnumerateObject()
                .Select(r => ("registers." + r.Name, inputs.GetProperty("registers").GetProperty(r.Name), r.Value)))
            .ToList();
        Assert.Equal(4, accounts.Count - 3);
        foreach (var (dataset, got, want) in accounts)
        {
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

    /// <summary>SPEC 4.6: the money of the aid lists, each aid row counted once, as the generator's own sums say.</summary>
    [Fact]
    public void Funds_equal_the_truth()
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_run.Results, "summary.json")));
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(_run.Files.TruthDirectory, "funds.json")));
        var funds = summary.RootElement.GetProperty("funds");
        Assert.Equal(truth.RootElement.GetProperty("total").GetDecimal(), funds.GetProperty("total").GetDecimal());
        Assert.Equal(truth.RootElement.GetProperty("at_risk").GetDecimal(), funds.GetProperty("at_risk").GetDecimal());
        foreach (var list in truth.RootElement.GetProperty("by_list").EnumerateObject())
            Assert.True(list.Value.GetDecimal() == funds.GetProperty("by_list").GetProperty(list.Name).GetDecimal(), list.Name);
        Assert.True(funds.GetProperty("at_risk").GetDecimal() > 0);
        // Per 资助项目: paid and at risk of every project the aid file pays.
        var byProject = funds.GetProperty("by_project").EnumerateArray().ToDictionary(p => p.GetProperty("project").GetString()!, StringComparer.Ordinal);
        var truthProjects = truth.RootElement.GetProperty("by_project").EnumerateObject().ToList();
        Assert.Equal(truthProjects.Select(p => p.Name).Order(StringComparer.Ordinal), byProject.Keys.Order(StringComparer.Ordinal));
        foreach (var project in truthProjects)
        {
            Assert.True(project.Value.GetProperty("paid").GetDecimal() == byProject[project.Name].GetProperty("paid").GetDecimal(), project.Name + " paid");
            Assert.True(project.Value.GetProperty("at_risk").GetDecimal() == byProject[project.Name].GetProperty("at_risk").GetDecimal(), project.Name + " at_risk");
        }
        // Aid coverage of each register: its members enrolled, and those of them paid any aid.
        var coverage = funds.GetProperty("register_coverage").EnumerateArray().ToDictionary(r => r.GetProperty("register").GetString()!, StringComparer.Ordinal);
        var truthCoverage = truth.RootElement.GetProperty("register_coverage").EnumerateObject().ToList();
        Assert.Equal(4, truthCoverage.Count);
        foreach (var register in truthCoverage)
        {
            Assert.True(register.Value.GetProperty("enrolled").GetInt64() == coverage[register.Name].GetProperty("enrolled").GetInt64(), register.Name + " enrolled");
            Assert.True(register.Value.GetProperty("aided").GetInt64() == coverage[register.Name].GetProperty("aided").GetInt64(), register.Name + " aided");
        }
        // Both branches are exercised: members paid and members enrolled but not paid.
        Assert.Contains(coverage.Values, r => r.GetProperty("aided").GetInt64() > 0);
        Assert.Contains(coverage.Values, r => r.GetProperty("enrolled").GetInt64() > r.GetProperty("aided").GetInt64());
        // Each county's projects add up to the county, and the counties to the whole.
        foreach (var county in funds.GetProperty("by_county").EnumerateArray())
        {
            var projects = county.GetProperty("projects").EnumerateArray().ToList();
            Assert.Equal(county.GetProperty("at_risk").GetDecimal(), projects.Sum(p => p.GetProperty("at_risk").GetDecimal()));
            Assert.Equal(county.GetProperty("paid").GetDecimal(), projects.Sum(p => p.GetProperty("paid").GetDecimal()));
        }
        Assert.Equal(funds.GetProperty("at_risk").GetDecimal(), funds.GetProperty("by_county").EnumerateArray().Sum(c => c.GetProperty("at_risk").GetDecimal()));
        // The key counties against the rest: the groups add up to every person of the register.
        var key = funds.GetProperty("key_counties");
        Assert.Equal(["430524"], key.GetProperty("counties").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(ReadCsv(Path.Combine(_run.Results, "matched.csv")).Rows.Count,
            key.GetProperty("key").GetProperty("matched").GetInt32() + key.GetProperty("other").GetProperty("matched").GetInt32());
    }

    /// <summary>Every 原因 of SPEC 4.5 and 4.7 occurs in the demo, so the list checks above cover them all.</summary>
    [Theory]
    [InlineData("aid_ineligible", "登记为死亡或注销")]
    [InlineData("aid_ineligible", "不在脱贫人口及困难群体名单")]
    [InlineData("aid_ineligible", "非脱贫人口（项目限脱贫家庭）")]
    [InlineData("aid_ineligible", "不在项目对象名单（残疾人、孤儿）")]
    [InlineData("aid_amount_anomaly", "金额无效")]
    [InlineData("aid_amount_anomaly", "高于标准")]
    [InlineData("aid_amount_anomaly", "低于标准")]
    [InlineData("aid_amount_anomaly", "累计超过标准")]
    public void Every_reason_occurs(string code, string reason)
    {
        var (header, rows) = ReadCsv(Path.Combine(_run.Results, code + ".csv"));
        int column = Array.IndexOf(header, "原因");
        Assert.Contains(rows, r => r[column] == reason);
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

public sealed class EndToEndXlsTests(EndToEndTests.XlsRun run) : EndToEndTests(run), IClassFixture<EndToEndTests.XlsRun>;
