using System.Globalization;
using System.Text.Json;
using Bidui.Core.Regions;
using Bidui.Matching.Categories;
using Bidui.Matching.Supervision;
using Bidui.Reports;

namespace Bidui.Pipeline;

/// <summary>
/// The funds of SPEC §4.6 in every output: `funds` in summary.json, the 资金监管 and 重点帮扶县对比 sheets of
/// the summary workbook, each county workbook's own 资金监管 sheet and the report's funds section.
/// </summary>
internal static class FundsOutputs
{
    public const string SheetName = "资金监管";
    public const string KeyCountySheetName = "重点帮扶县对比";

    private static string A(decimal v) => AidAmount.Format(v);

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string CountyCode(int code) => code == 0 ? "" : code.ToString("D6", CultureInfo.InvariantCulture);

    private static string CountyName(RegionTable regions, int code) => code == 0 ? "未能确定责任县" : regions.FullName(code);

    private static SheetColumn[] MoneyColumns(IReadOnlyList<Category> lists, params SheetColumn[] first) =>
    [
        .. first, new("发放行数", CellKind.Integer), new("发放金额（元）", CellKind.Decimal), new("风险行数", CellKind.Integer),
        new("风险金额（元）", CellKind.Decimal), .. lists.Select(c => new SheetColumn(CategoryInfo.Of(c).ChineseName + "（元）", CellKind.Decimal)),
    ];

    private static string?[] MoneyCells(IReadOnlyList<Category> lists, FundsFigures f, params string?[] first) =>
        [.. first, I(f.RowsPaid), A(f.Paid), I(f.RowsAtRisk), A(f.AtRisk), .. lists.Select(c => A(f.ByList(c)))];

    /// <summary>The summary workbook's sheets: money by county and by project, and the key counties against the rest.</summary>
    public static IEnumerable<SheetSpec> SummarySheets(FundsTally funds, IReadOnlySet<int>? keyCounties, RegionTable regions)
    {
        var lists = funds.Lists;
        IEnumerable<string?[]> Rows()
        {
            yield return MoneyCells(lists, funds.Total(), "合计", "", "全部");
            foreach (var (county, f) in funds.ByCounty())
                yield return MoneyCells(lists, f, "责任县", CountyCode(county), CountyName(regions, county));
            foreach (var (project, f) in funds.ByProject())
                yield return MoneyCells(lists, f, "资助项目", "", funds.NameOf(project));
        }
        yield return new SheetSpec(SheetName, MoneyColumns(lists, new SheetColumn("统计范围"), new SheetColumn("县级代码"), new SheetColumn("名称")), Rows());
        if (keyCounties is not null)
        {
            yield return new SheetSpec(KeyCountySheetName,
                [new("分组"), new("县数", CellKind.Integer), new("脱贫人口", CellKind.Integer), new("比对成功学生", CellKind.Integer),
                 new("向比对成功学生发放资助（元）", CellKind.Decimal), new("生均资助（元）", CellKind.Decimal), new("应助未助", CellKind.Integer),
                 new("每百名比对成功学生中应助未助", CellKind.Decimal)],
                KeyCountyGroups(funds, keyCounties).Select(g => new string?[]
                {
                    g.Name, I(g.Counties), I(g.PovertyPersons), I(g.Matched), A(g.AidToMatched), A(g.AidPerMatched), I(g.AidMissing), A(g.AidMissingPer100),
                }));
        }
    }

    /// <summary>One county workbook's own figures, by project, with its total.</summary>
    public static SheetSpec? CountySheet(FundsTally funds, int county)
    {
        var projects = funds.ProjectsOf(county);
        if (projects.Count == 0)
            return null;
        var total = new FundsFigures();
        foreach (var f in projects.Values)
            total.Add(f);
        var lists = funds.Lists;
        return new SheetSpec(SheetName, MoneyColumns(lists, new SheetColumn("资助项目")),
            projects.Select(p => MoneyCells(lists, p.Value, funds.NameOf(p.Key))).Append(MoneyCells(lists, total, "合计")));
    }

    public static List<ReportCountyGroup> KeyCountyGroups(FundsTally funds, IReadOnlySet<int> keyCounties)
    {
        var (key, other) = funds.Compare(keyCounties);
        long otherCounties = funds.Coverage.Keys.Count(c => c != 0 && !keyCounties.Contains(c));
        return
        [
            new("重点帮扶县", keyCounties.Count, key.PovertyPersons, key.Matched, key.AidToMatched, key.AidMissing),
            new("其他县", otherCounties, other.PovertyPersons, other.Matched, other.AidToMatched, other.AidMissing),
        ];
    }

    public static ReportFunds Report(FundsTally funds, IReadOnlySet<int>? keyCounties, RegionTable regions)
    {
        var total = funds.Total();
        ReportMoneyRow Row(string code, string name, FundsFigures f) =>
            new(code, name, AidAmount.Round(f.Paid), AidAmount.Round(f.AtRisk),
                funds.Lists.ToDictionary(c => CategoryInfo.Of(c).Code, c => AidAmount.Round(f.ByList(c)), StringComparer.Ordinal));
        return new ReportFunds(
            AidAmount.Round(total.Paid), AidAmount.Round(total.AtRisk),
            funds.Lists.Select(c => (CategoryInfo.Of(c).Code, CategoryInfo.Of(c).ChineseName, AidAmount.Round(total.ByList(c)))).ToList(),
            funds.ByCounty().Select(kv => Row(CountyCode(kv.Key), CountyName(regions, kv.Key), kv.Value)).ToList(),
            funds.ByProject().Select(kv => Row("", funds.NameOf(kv.Key), kv.Value)).ToList(),
            keyCounties is null ? null : KeyCountyGroups(funds, keyCounties));
    }

    /// <summary>
    /// `funds` of summary.json (SPEC §5): total, by_list, at_risk as the spec shapes them, then the row
    /// counts, by_county (with each county's projects), by_project, key_counties and register_coverage
    /// (docs/SPEC-DECISIONS.md describes the additions).
    /// </summary>
    public static void WriteJson(Utf8JsonWriter json, FundsTally funds, IReadOnlySet<int>? keyCounties, RegionTable regions,
        IReadOnlyList<string> registerLabels)
    {
        var total = funds.Total();
        json.WriteStartObject("funds");
        json.WriteNumber("total", AidAmount.Round(total.Paid));
        WriteByList(json, funds.Lists, total);
        json.WriteNumber("at_risk", AidAmount.Round(total.AtRisk));
        json.WriteNumber("rows_paid", total.RowsPaid);
        json.WriteNumber("rows_at_risk", total.RowsAtRisk);
        json.WriteStartArray("by_county");
        foreach (var (county, f) in funds.ByCounty())
        {
            json.WriteStartObject();
            json.WriteString("county", CountyCode(county));
            json.WriteString("name", CountyName(regions, county));
            WriteFigures(json, funds.Lists, f);
            json.WriteStartArray("projects");
            foreach (var (project, pf) in funds.ProjectsOf(county))
            {
                json.WriteStartObject();
                json.WriteString("project", funds.NameOf(project));
                WriteFigures(json, funds.Lists, pf);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("by_project");
        foreach (var (project, f) in funds.ByProject())
        {
            json.WriteStartObject();
            json.WriteString("project", funds.NameOf(project));
            WriteFigures(json, funds.Lists, f);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (keyCounties is not null)
        {
            json.WriteStartObject("key_counties");
            json.WriteStartArray("counties");
            foreach (int c in keyCounties.Order())
                json.WriteStringValue(CountyCode(c));
            json.WriteEndArray();
            foreach (var (name, g) in new[] { "key", "other" }.Zip(KeyCountyGroups(funds, keyCounties)))
            {
                json.WriteStartObject(name);
                json.WriteNumber("counties", g.Counties);
                json.WriteNumber("poverty_persons", g.PovertyPersons);
                json.WriteNumber("matched", g.Matched);
                json.WriteNumber("aid_to_matched", AidAmount.Round(g.AidToMatched));
                json.WriteNumber("aid_per_matched", g.AidPerMatched);
                json.WriteNumber("aid_missing", g.AidMissing);
                json.WriteNumber("aid_missing_per_100_matched", g.AidMissingPer100);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        if (registerLabels.Count > 0)
            WriteRegisterCoverage(json, funds, regions, registerLabels);
        json.WriteEndObject();
    }

    /// <summary>Per register and county: its members enrolled in an aid stage and those of them paid any aid.</summary>
    private static void WriteRegisterCoverage(Utf8JsonWriter json, FundsTally funds, RegionTable regions, IReadOnlyList<string> labels)
    {
        json.WriteStartArray("register_coverage");
        for (int r = 0; r < labels.Count; r++)
        {
            var counties = funds.Registers.Where(kv => kv.Key.Register == r).OrderBy(kv => kv.Key.County).ToList();
            json.WriteStartObject();
            json.WriteString("register", labels[r]);
            json.WriteNumber("enrolled", counties.Sum(kv => kv.Value.Enrolled));
            json.WriteNumber("aided", counties.Sum(kv => kv.Value.Aided));
            json.WriteStartArray("by_county");
            foreach (var (key, c) in counties)
            {
                json.WriteStartObject();
                json.WriteString("county", CountyCode(key.County));
                json.WriteString("name", CountyName(regions, key.County));
                json.WriteNumber("enrolled", c.Enrolled);
                json.WriteNumber("aided", c.Aided);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteFigures(Utf8JsonWriter json, IReadOnlyList<Category> lists, FundsFigures f)
    {
        json.WriteNumber("paid", AidAmount.Round(f.Paid));
        json.WriteNumber("rows_paid", f.RowsPaid);
        json.WriteNumber("at_risk", AidAmount.Round(f.AtRisk));
        json.WriteNumber("rows_at_risk", f.RowsAtRisk);
        WriteByList(json, lists, f);
    }

    private static void WriteByList(Utf8JsonWriter json, IReadOnlyList<Category> lists, FundsFigures f)
    {
        json.WriteStartObject("by_list");
        foreach (var c in lists)
            json.WriteNumber(CategoryInfo.Of(c).Code, AidAmount.Round(f.ByList(c)));
        json.WriteEndObject();
    }
}
