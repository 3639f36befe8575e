using System.Globalization;
using Bidui.Assessment.Indicators;
using Bidui.Assessment.Scoring;
using Bidui.Core.Dates;
using Bidui.Core.Regions;
using Bidui.Core.Schooling;
using Bidui.Inputs;
using Bidui.Pipeline.Results;
using Bidui.Synthetic;

namespace Bidui.Pipeline.Tests;

/// <summary>
/// The comparison indicators on two demo rounds (the small province, seeds 1 and 2), checked against
/// figures this test counts itself from the lists and the register file: the dropouts and matched
/// children by county and age, the people's 人员状态 read from the register, the problem rows by owner.
/// </summary>
public sealed class DemoRoundIndicatorTests : IDisposable
{
    private static readonly DateOnly Reference = new(2026, 8, 31);
    private static readonly DateOnly Today = new(2026, 11, 29);
    private readonly string _dir = Directory.CreateTempSubdirectory("bidui-demo-rounds-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (ResultsSummary Summary, string Results, DemoFiles Files) Round(int seed)
    {
        var files = DemoGenerator.Generate(Path.Combine(_dir, $"in{seed}"), new DemoOptions(DemoSize.Small, seed, Reference, Today));
        string results = Path.Combine(_dir, $"out{seed}");
        CompareJob.Run(new CompareRequest(files.StudentsPath, files.PovertyPath, files.AidPath, results) { ReferenceDate = Reference, Today = Today });
        return (ResultsSummary.Read(results), results, files);
    }

    private static List<Dictionary<string, string>> Csv(string path)
    {
        using var r = TabularFile.Open(path);
        var rows = new List<Dictionary<string, string>>();
        string[]? header = null;
        while (r.Read())
        {
            var cells = Enumerable.Range(0, r.FieldCount).Select(r.GetString).ToArray();
            if (header is null)
                header = cells;
            else
                rows.Add(header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : "")).ToDictionary(x => x.h, x => x.v));
        }
        return rows;
    }

    /// <summary>乡村振兴行号 → 人员状态, read from the register as the officer would open it.</summary>
    private static Dictionary<int, string> PersonStatus(string povertyPath)
    {
        using var t = BoundTable.Open(povertyPath, DatasetSchema.Poverty);
        int status = t.Ordinal("人员状态");
        var map = new Dictionary<int, string>();
        while (t.ReadRow())
            map[t.Reader.RowNumber] = status < 0 ? "" : t.Reader.GetString(status);
        return map;
    }

    private static int County(string code) => code.Length == 0 ? 0 : int.Parse(code, CultureInfo.InvariantCulture);

    [Fact]
    public void Indicators_of_two_demo_rounds_match_figures_counted_from_the_lists_and_the_register()
    {
        var rounds = new[] { Round(1), Round(2) };
        foreach (var (summary, results, files) in rounds)
        {
            var status = PersonStatus(files.PovertyPath);
            bool Alive(Dictionary<string, string> row) =>
                !status[int.Parse(row["乡村振兴行号"], CultureInfo.InvariantCulture)].Contains("死亡", StringComparison.Ordinal)
                && !status[int.Parse(row["乡村振兴行号"], CultureInfo.InvariantCulture)].Contains("注销", StringComparison.Ordinal);
            var dropouts = Csv(Path.Combine(results, "dropout_suspect.csv")).GroupBy(r => County(r["责任县代码"])).ToDictionary(g => g.Key, g => g.Count());
            var matched = Csv(Path.Combine(results, "matched.csv"));
            var enrolledOfAge = matched
                .Where(r => Alive(r) && FlexibleDate.TryParse(r["出生日期"], out var b) && Age.On(b, Reference) is >= 6 and <= 15)
                .GroupBy(r => County(r["责任县代码"])).ToDictionary(g => g.Key, g => g.Count());
            var aidStage = matched
                .Where(r => Alive(r) && StageOf(r).IsRegistryStage())
                .GroupBy(r => RegionTable.Default.ResolveForDispatch(County(r["学校所在地代码"])).Code).ToDictionary(g => g.Key, g => g.Count());
            var aidMissing = Csv(Path.Combine(results, "aid_missing.csv")).GroupBy(r => County(r["责任县代码"])).ToDictionary(g => g.Key, g => g.Count());
            var invalid = Csv(Path.Combine(results, "invalid_id.csv"));
            var conflict = Csv(Path.Combine(results, "field_conflict.csv"));
            var dupEnrol = Csv(Path.Combine(results, "duplicate_enrollment.csv")).GroupBy(r => County(r["责任县代码"])).ToDictionary(g => g.Key, g => g.Count());
            var dupPoverty = Csv(Path.Combine(results, "duplicate_poverty.csv")).GroupBy(r => County(r["责任县代码"])).ToDictionary(g => g.Key, g => g.Count());
            int Problems(List<Dictionary<string, string>> list, int county, bool rural) =>
                list.Count(r => County(r["责任县代码"]) == county && (r["来源数据"] == "乡村振兴") == rural);

            var indicators = summary.Indicators();
            Assert.Equal([430522, 430524, 430582], indicators.Keys.Order());
            foreach (var (county, values) in indicators)
            {
                var c = summary.Counties[county];
                double? V(Indicator i) => values.Single(v => v.Indicator == i).Value;
                int d = dropouts.GetValueOrDefault(county), ce = enrolledOfAge.GetValueOrDefault(county);
                Assert.Equal(d + ce, c.CompulsoryAge);
                Assert.Equal(1000.0 * d / (d + ce), V(Indicator.DropoutRate)!.Value, 9);
                int a = aidStage.GetValueOrDefault(county);
                Assert.Equal(a, c.AidStageStudents);
                Assert.Equal(100.0 * (1 - (double)aidMissing.GetValueOrDefault(county) / a), V(Indicator.AidCoverage)!.Value, 9);
                double eduProblems = Problems(invalid, county, false) + Problems(conflict, county, false) + dupEnrol.GetValueOrDefault(county);
                double ruralProblems = Problems(invalid, county, true) + Problems(conflict, county, true) + dupPoverty.GetValueOrDefault(county);
                Assert.Equal(1000 * eduProblems / c.EducationRows, V(Indicator.DataQualityEducation)!.Value, 9);
                Assert.Equal(1000 * ruralProblems / c.RuralRows, V(Indicator.DataQualityRural)!.Value, 9);
            }
            // The rows of every county add up to the rows loaded (the registry's and the aid file's are education's).
            var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "summary.json"))).RootElement.GetProperty("inputs");
            long Loaded(string input) => json.GetProperty(input).GetProperty("rows_loaded").GetInt64();
            Assert.Equal(Loaded("students") + Loaded("aid"), summary.Counties.Values.Sum(c => c.EducationRows));
            Assert.Equal(Loaded("poverty"), summary.Counties.Values.Sum(c => c.RuralRows));
        }

        // The scorecard ranks the three demo counties in each round, and the second round shows the change.
        var first = rounds[0].Summary.Indicators();
        var second = rounds[1].Summary.Indicators();
        var result = ScoreBoard.Assess(Scorecard.Default, second, first, new HashSet<int> { 430524 }, RegionTable.Default);
        Assert.Equal(3, result.Counties.Count);
        Assert.Equal([1, 2, 3], result.Counties.Select(c => c.ProvinceRank!.Value).Order());
        var before = ScoreBoard.Assess(Scorecard.Default, first, new Dictionary<int, IReadOnlyList<IndicatorValue>>(), new HashSet<int>(), RegionTable.Default);
        foreach (var c in result.Counties)
        {
            var b = before.Counties.Single(x => x.County == c.County);
            Assert.Equal(c.Total!.Value - b.Total!.Value, c.TotalChange!.Value, 9);
            Assert.Equal(b.ProvinceRank!.Value - c.ProvinceRank!.Value, c.ProvinceRankChange);
        }
        Assert.Equal(1, result.KeyCounties.Single().KeyRank);
    }

    private static SchoolStage StageOf(Dictionary<string, string> row)
    {
        var stage = SchoolStages.FromStageCell(row["学段"]);
        return stage == SchoolStage.None ? SchoolStages.FromGrade(row["年级"]) : stage;
    }
}
