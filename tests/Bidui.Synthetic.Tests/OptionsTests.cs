using System.Text;
using System.Text.Json;
using Bidui.Synthetic.Building;

namespace Bidui.Synthetic.Tests;

public sealed class OptionsTests : IDisposable
{
    private static readonly DateOnly Reference = new(2026, 8, 31);
    private static readonly DateOnly Today = new(2026, 11, 29);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bidui-synthetic-options-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Formats_default_by_size()
    {
        var small = new DemoOptions(DemoSize.Small, 1, Reference, Today);
        var county = new DemoOptions(DemoSize.County, 1, Reference, Today);
        var province = new DemoOptions(DemoSize.Province, 1, Reference, Today);
        Assert.Equal((DemoFileFormat.Xlsx, DemoFileFormat.Xlsx), (small.StudentsFormat, small.AidFormat));
        Assert.Equal((DemoFileFormat.Csv, DemoFileFormat.Xlsx), (county.StudentsFormat, county.AidFormat));
        Assert.Equal((DemoFileFormat.Csv, DemoFileFormat.Csv), (province.StudentsFormat, province.AidFormat));
        Assert.Equal(1.0, small.Scale);
        Assert.Equal((120_000, 25_000, 36_000), WorldBuilder.Targets(county));
        Assert.Equal((10_000_000, 2_000_000, 3_000_000), WorldBuilder.Targets(province));
        Assert.Equal((60_000, 12_500, 18_000), WorldBuilder.Targets(county with { Scale = 0.5 }));
    }

    [Fact]
    public void A_scaled_down_county_writes_a_UTF8_student_CSV_with_BOM_and_an_aid_workbook()
    {
        var options = new DemoOptions(DemoSize.County, 3, Reference, Today) { Scale = 0.02 };
        var files = DemoGenerator.Generate(_root, options);
        Assert.EndsWith(".csv", files.StudentsPath, StringComparison.Ordinal);
        Assert.EndsWith(".xlsx", files.AidPath, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(files.StudentsPath);
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        string text = new UTF8Encoding(false, true).GetString(bytes);
        Assert.Contains("邵东市2026年秋季学期学生学籍信息", text, StringComparison.Ordinal);
        Assert.DoesNotContain("家庭住址", text, StringComparison.Ordinal);
        AssertCounts(files, options);
    }

    [Fact]
    public void A_scaled_down_province_covers_every_county_and_writes_CSV_only()
    {
        var options = new DemoOptions(DemoSize.Province, 5, Reference, Today) { Scale = 0.002 };
        var files = DemoGenerator.Generate(_root, options);
        Assert.EndsWith(".csv", files.StudentsPath, StringComparison.Ordinal);
        Assert.EndsWith(".csv", files.AidPath, StringComparison.Ordinal);
        Assert.False(File.ReadAllBytes(files.AidPath).AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string poverty = File.ReadAllText(files.PovertyPath, Encoding.GetEncoding("GB18030"));
        Assert.Contains("湖南省脱贫人口及防返贫监测对象信息表", poverty, StringComparison.Ordinal);
        var counties = Regions.InUse(43);
        Assert.Equal(122, counties.Count);
        Assert.True(counties.Count(c => poverty.Contains("," + c.Code.ToString(CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal)) > 110);
        AssertCounts(files, options);
    }

    [Fact]
    public void A_workbook_too_large_for_a_sheet_is_refused_before_anything_is_written()
    {
        var options = new DemoOptions(DemoSize.County, 1, Reference, Today) { StudentsFormat = DemoFileFormat.Xlsx, Scale = 10 };
        Assert.Throws<ArgumentException>(() => DemoGenerator.Generate(_root, options));
        Assert.False(Directory.Exists(_root));
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoGenerator.Generate(_root, new DemoOptions(DemoSize.Small, 1, Reference, Today) { Scale = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoGenerator.Generate(_root, new DemoOptions(DemoSize.Small, 1, Reference, Today) { Scale = double.NaN }));
    }

    [Fact]
    public void Progress_rises_from_0_to_1()
    {
        var seen = new List<double>();
        DemoGenerator.Generate(_root, new DemoOptions(DemoSize.Small, 2, Reference, Today), new SyncProgress(seen.Add));
        Assert.True(seen.Count >= 5);
        Assert.All(seen, v => Assert.InRange(v, 0, 1));
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(1.0, seen[^1]);
    }

    private static void AssertCounts(DemoFiles files, DemoOptions options)
    {
        using var inputs = JsonDocument.Parse(File.ReadAllText(Path.Combine(files.TruthDirectory, "inputs.json")));
        var (s, p, a) = WorldBuilder.Targets(options);
        Assert.Equal(s, inputs.RootElement.GetProperty("students").GetProperty("rows_read").GetInt32());
        Assert.Equal(p, inputs.RootElement.GetProperty("poverty").GetProperty("rows_read").GetInt32());
        Assert.Equal(a, inputs.RootElement.GetProperty("aid").GetProperty("rows_read").GetInt32());
        foreach (var code in new[] { "matched", "dropout_suspect", "invalid_id", "aid_ineligible" })
        {
            Assert.True(File.ReadAllLines(Path.Combine(files.TruthDirectory, code + ".csv")).Length > 1, code);
        }
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        private readonly Lock _lock = new();

        public void Report(double value)
        {
            lock (_lock)
            {
                report(value);
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, true);
        }
    }
}
