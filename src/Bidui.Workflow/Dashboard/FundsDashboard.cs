using System.Globalization;
using System.Text.Json;
using Bidui.Core.Regions;
using Bidui.Workflow.Access;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;

namespace Bidui.Workflow.Dashboard;

/// <summary>Money of one region, or of one project of a county (SPEC §4.6): paid, at risk, and the amount of each aid list.</summary>
public sealed record MoneyRow(string Key, string Name, int? DrillRegion, decimal Paid, decimal AtRisk, long RowsAtRisk, IReadOnlyDictionary<string, decimal> ByList);

/// <summary>Aid coverage of one group: its members enrolled in an aid stage, and those of them paid aid.</summary>
public sealed record CoverageRow(string Group, long Enrolled, long Aided)
{
    public double? Rate => Enrolled == 0 ? null : (double)Aided / Enrolled;
}

/// <summary>
/// The funds of a round for the region shown. <see cref="Children"/> are the regions one level down, or, for a
/// county, its projects (the funds go no deeper than the county: summary.json has no school figures).
/// </summary>
public sealed record FundsView(IReadOnlyList<string> Lists, MoneyRow Totals, IReadOnlyList<MoneyRow> Children, bool ChildrenAreProjects,
    IReadOnlyList<CoverageRow> RegisterCoverage);

/// <summary>
/// Reads `funds` of the round's summary.json (written by the comparison, SPEC §4.6) and cuts it to the region shown.
/// Funds are per responsible county, so a school officer, whose scope is one school, is shown none.
/// </summary>
public sealed class FundsDashboard(StoreOptions store)
{
    public FundsView? Build(Actor actor, int roundId, int provinceCode, int region)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!RoleInfo.SeesCountyFigures(actor.Role)) return null;
        string path = Path.Combine(store.RoundDirectory(roundId), "results", "summary.json");
        if (!File.Exists(path)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!doc.RootElement.TryGetProperty("funds", out var funds)) return null;

        var (min, max) = UserScope.RegionRange(region);
        // A county the comparison could not determine is the province's, as its cases are.
        int County(JsonElement e) => int.TryParse(e.GetProperty("county").GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out int c) && c > 0 ? c : provinceCode * 10000;
        var counties = funds.GetProperty("by_county").EnumerateArray().Where(e => County(e) is int c && c >= min && c <= max).ToList();
        var lists = funds.GetProperty("by_list").EnumerateObject().Select(p => p.Name).ToList();
        var table = RegionTable.Default;

        MoneyRow Sum(string key, string name, int? drill, IEnumerable<JsonElement> rows)
        {
            var all = rows.ToList();
            return new MoneyRow(key, name, drill, all.Sum(e => e.GetProperty("paid").GetDecimal()), all.Sum(e => e.GetProperty("at_risk").GetDecimal()),
                all.Sum(e => e.GetProperty("rows_at_risk").GetInt64()),
                lists.ToDictionary(l => l, l => all.Sum(e => e.GetProperty("by_list").TryGetProperty(l, out var v) ? v.GetDecimal() : 0m), StringComparer.Ordinal));
        }

        bool isCounty = region % 100 != 0;
        List<MoneyRow> children;
        if (isCounty)
        {
            children = [.. counties.Where(e => e.TryGetProperty("projects", out _)).SelectMany(e => e.GetProperty("projects").EnumerateArray())
                .GroupBy(p => p.GetProperty("project").GetString() ?? "", StringComparer.Ordinal)
                .Select(g => Sum(g.Key, g.Key, null, g)).OrderByDescending(r => r.AtRisk).ThenBy(r => r.Key, StringComparer.Ordinal)];
        }
        else
        {
            int ChildOf(int county) => region % 10000 == 0 ? county / 100 * 100 : county;
            children = [.. counties.GroupBy(e => ChildOf(County(e))).OrderBy(g => g.Key)
                .Select(g => Sum(g.Key.ToString(CultureInfo.InvariantCulture), RegionSeeder.Name(table, g.Key), g.Key, g))];
        }
        var totals = Sum(region.ToString(CultureInfo.InvariantCulture), RegionSeeder.Name(table, region), null, counties);

        var coverage = new List<CoverageRow>();
        if (funds.TryGetProperty("register_coverage", out var registers))
        {
            foreach (var r in registers.EnumerateArray())
            {
                var inRegion = r.GetProperty("by_county").EnumerateArray().Where(e => County(e) is int c && c >= min && c <= max).ToList();
                coverage.Add(new CoverageRow(r.GetProperty("register").GetString() ?? "", inRegion.Sum(e => e.GetProperty("enrolled").GetInt64()),
                    inRegion.Sum(e => e.GetProperty("aided").GetInt64())));
            }
        }
        return new FundsView(lists, totals, children, isCounty, coverage);
    }
}
