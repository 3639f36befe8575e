using System.Globalization;
using System.Text;
using System.Text.Json;
using Bidui.Core.Regions;
using Bidui.Disclosure;
using Bidui.Inputs;
using Bidui.Pipeline.Results;
using Bidui.Reports;

namespace Bidui.Pipeline.Publish;

/// <summary>What `publish` wrote: cells published and suppressed, and where.</summary>
public sealed record PublishOutcome(string Folder, int Cells, int Published, int Primary, int Secondary, int RatesPublished, int RatesSuppressed);

/// <summary>
/// `bidui publish`: the open-data package of a results folder (docs/PUBLISH.md): counts and rates per county,
/// prefecture and province with statistical disclosure control, as CSV, JSON and an offline HTML page.
/// Written to a hidden folder beside the output and moved in when whole.
/// </summary>
public static class PublishJob
{
    public const string CountyCsv = "分县数据.csv";
    public const string PrefectureCsv = "分市数据.csv";
    public const string ProvinceCsv = "全省数据.csv";
    public const string Json = "公开数据.json";
    public const string Page = "公开数据.html";
    public const string Readme = "说明.txt";
    public const string Suppressed = "*";

    public static PublishOutcome Run(string resultsFolder, string outFolder, int k = 10, RegionTable? regions = null)
    {
        if (k < 2)
            throw new InputFileException($"--min-count 的值 {k} 无效：最小计数阈值至少为 2（默认 10）。", resultsFolder);
        var summary = ResultsSummary.Read(resultsFolder);
        var package = OpenDataBuilder.Build(summary, regions ?? RegionTable.Default, k);
        var result = Suppression.Protect(package.Problem, k);

        string target = Path.GetFullPath(outFolder);
        string parent = Path.GetDirectoryName(target.TrimEnd(Path.DirectorySeparatorChar)) ?? ".";
        Directory.CreateDirectory(parent);
        string staging = Path.Combine(parent, $".{Path.GetFileName(target.TrimEnd(Path.DirectorySeparatorChar))}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            WriteCsv(Path.Combine(staging, CountyCsv), package, "县");
            WriteCsv(Path.Combine(staging, PrefectureCsv), package, "市");
            WriteCsv(Path.Combine(staging, ProvinceCsv), package, "省", "全部");
            WritePage(Path.Combine(staging, Page), package);
            File.WriteAllText(Path.Combine(staging, Readme), ReadmeText(package), new UTF8Encoding(true));
            WriteJson(Path.Combine(staging, Json), package);
            Directory.CreateDirectory(target);
            foreach (var name in new[] { CountyCsv, PrefectureCsv, ProvinceCsv, Page, Readme, Json })
                File.Move(Path.Combine(staging, name), Path.Combine(target, name), overwrite: true);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }

        var tables = package.Tables;
        int rates = tables.Sum(t => t.Rates.Count) * package.Regions.Count;
        int ratesPublished = tables.Sum(t => t.Rates.Sum(rate => Enumerable.Range(0, package.Regions.Count).Count(r => package.Rate(t, rate, r) is not null)));
        int cells = package.Problem.Values.Count;
        return new PublishOutcome(target, cells, cells - result.Primary - result.Secondary, result.Primary, result.Secondary, ratesPublished, rates - ratesPublished);
    }

    private static string N(long? v) => v is { } x ? x.ToString(CultureInfo.InvariantCulture) : Suppressed;

    private static string R(double? v) => v is { } x ? x.ToString("0.0", CultureInfo.InvariantCulture) : Suppressed;

    private static void WriteCsv(string path, OpenDataPackage p, params string[] levels)
    {
        var headers = new List<string> { "地区代码", "地区", "层级", "上级地区代码" };
        foreach (var t in p.Tables)
        {
            headers.AddRange(t.Columns.Select(c => $"{t.Title}：{c}"));
            headers.AddRange(t.Rates.Select(r => $"{t.Title}：{r.Name}（{r.Unit}）"));
        }
        using var csv = new CsvListWriter(path, headers);
        for (int r = 0; r < p.Regions.Count; r++)
        {
            var region = p.Regions[r];
            if (!levels.Contains(region.Level))
                continue;
            var row = new List<string?> { region.Code, region.Name, region.Level, region.Parent ?? "" };
            foreach (var t in p.Tables)
            {
                row.AddRange(Enumerable.Range(0, t.Columns.Count).Select(c => N(p.Published(t.Cells[r, c]))));
                row.AddRange(t.Rates.Select(rate => R(p.Rate(t, rate, r))));
            }
            csv.WriteRow([.. row]);
        }
    }

    private static void WriteJson(string path, OpenDataPackage p)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("title", "脱贫家庭学生教育保障公开数据");
        json.WriteString("reference_date", p.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteNumber("k", p.K);
        json.WriteString("suppressed", "null：按统计披露控制规则隐藏（不足 k 人的数字及为防止推算而隐藏的数字）");
        json.WriteStartArray("regions");
        foreach (var r in p.Regions)
        {
            json.WriteStartObject();
            json.WriteString("code", r.Code);
            json.WriteString("name", r.Name);
            json.WriteString("level", r.Level);
            if (r.Parent is null) json.WriteNull("parent"); else json.WriteString("parent", r.Parent);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("tables");
        foreach (var t in p.Tables)
        {
            json.WriteStartObject();
            json.WriteString("code", t.Code);
            json.WriteString("title", t.Title);
            json.WriteString("unit", t.Unit);
            json.WriteString("note", t.Note);
            json.WriteStartArray("columns");
            foreach (var c in t.Columns)
                json.WriteStringValue(c);
            json.WriteEndArray();
            if (t.TotalColumn is { } tc) json.WriteNumber("total_column", tc); else json.WriteNull("total_column");
            if (t.TotalSameAs is { } same) json.WriteString("total_same_as", same); else json.WriteNull("total_same_as");
            json.WriteStartArray("rates");
            foreach (var rate in t.Rates)
            {
                json.WriteStartObject();
                json.WriteString("name", rate.Name);
                json.WriteString("unit", rate.Unit);
                json.WriteNumber("numerator_column", rate.Numerator);
                json.WriteNumber("denominator_column", rate.Denominator);
                json.WriteNumber("scale", rate.Scale);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("rows");
            for (int r = 0; r < p.Regions.Count; r++)
            {
                json.WriteStartObject();
                json.WriteString("region", p.Regions[r].Code);
                json.WriteStartArray("values");
                for (int c = 0; c < t.Columns.Count; c++)
                {
                    if (p.Published(t.Cells[r, c]) is { } v) json.WriteNumberValue(v); else json.WriteNullValue();
                }
                json.WriteEndArray();
                json.WriteStartArray("rates");
                foreach (var rate in t.Rates)
                {
                    if (p.Rate(t, rate, r) is { } v) json.WriteNumberValue(v); else json.WriteNullValue();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePage(string path, OpenDataPackage p)
    {
        var counties = Enumerable.Range(0, p.Regions.Count).Where(r => p.Regions[r].Level == "县" && p.Regions[r].Code != "000000").ToList();
        var charts = new List<PageChart>();
        foreach (var t in p.Tables.Where(t => t.Rates.Count > 0))
        {
            foreach (var rate in t.Rates)
                charts.Add(new PageChart($"{rate.Name}（{rate.Unit}），按县", [.. counties.Select(r => p.Regions[r].Name)],
                    [(rate.Name, [.. counties.Select(r => p.Rate(t, rate, r))])]));
        }
        var tables = p.Tables.Select(t => new PageTable(t.Title, t.Note,
            [.. new[] { "地区" }.Concat(t.Columns).Concat(t.Rates.Select(r => $"{r.Name}（{r.Unit}）"))],
            [.. Enumerable.Range(0, p.Regions.Count).Select(r => (IReadOnlyList<string?>)[
                $"{Indent(p.Regions[r].Level)}{p.Regions[r].Name}",
                .. Enumerable.Range(0, t.Columns.Count).Select(c => p.Published(t.Cells[r, c])?.ToString("N0", CultureInfo.InvariantCulture)),
                .. t.Rates.Select(rate => p.Rate(t, rate, r)?.ToString("0.0", CultureInfo.InvariantCulture))])])).ToList();
        OpenDataPage.Write(path, "脱贫家庭学生教育保障公开数据", $"基准日 {p.ReferenceDate:yyyy-MM-dd} · 按县、市、省汇总",
            NoticeLines(p), charts, tables);
    }

    private static string Indent(string level) => level switch { "市" => "　", "县" => "　　", _ => "" };

    private static IReadOnlyList<string> NoticeLines(OpenDataPackage p) =>
    [
        $"本数据只含人数、条数和比率，不含任何姓名、证件号码、学校或村。",
        $"不足 {p.K} 人（条）的数字以 * 隐藏；为防止由合计推算出被隐藏的数字，另有部分数字一并隐藏。0 表示没有。",
        $"分母不足 {p.K} 或分子、分母被隐藏时，比率也以 * 隐藏。",
    ];

    private static string ReadmeText(OpenDataPackage p)
    {
        var s = new StringBuilder();
        s.AppendLine("脱贫家庭学生教育保障公开数据");
        s.AppendLine(CultureInfo.InvariantCulture, $"基准日：{p.ReferenceDate:yyyy-MM-dd}");
        s.AppendLine();
        foreach (var line in NoticeLines(p))
            s.AppendLine(line);
        s.AppendLine();
        s.AppendLine("文件：分县数据.csv、分市数据.csv、全省数据.csv（UTF-8，Excel/WPS 可直接打开），公开数据.json（全部表格及其结构），公开数据.html（离线可看的图表页）。");
        s.AppendLine("各表中“合计”列等于其余各列之和；上级地区等于其下级地区之和（“未能确定县”归入“全部地区”）。");
        s.AppendLine();
        foreach (var t in p.Tables)
            s.AppendLine(CultureInfo.InvariantCulture, $"{t.Title}：{t.Note}");
        return s.ToString();
    }
}
