using Bidui.Core.Regions;
using Bidui.Workflow.Access;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Dashboard;

/// <summary>
/// Per-region figures of a round, one level below the region shown (province → prefectures →
/// counties → schools). Reads through the scoped context: a user's dashboard counts only their part.
/// </summary>
public sealed class DashboardService(BiduiDbContext db, TimeProvider clock)
{
    public async Task<DashboardView?> BuildAsync(Actor actor, int roundId, int? regionCode, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || round.State != RoundState.Done) return null;
        int region = regionCode is { } asked && UserScope.ForRegion(actor.RegionCode).Contains(asked) && IsRegion(asked) ? asked : actor.RegionCode;
        var (min, max) = UserScope.RegionRange(region);
        bool overdue = round.Deadline < clock.Today();

        // The counts the store keeps with the cases (case_counts, V007): no case is read.
        var counts = db.CaseCounts.AsNoTracking().Where(x => x.RoundId == roundId && x.CountyCode >= min && x.CountyCode <= max && x.Count != 0);
        // Schools matter only below a county; above it, grouping by school would multiply the rows for nothing.
        var groups = region % 100 != 0
            ? await counts.GroupBy(x => new { x.CountyCode, x.SchoolCode, x.Category, x.State, x.ClosedDays })
                .Select(g => new CaseGroup(g.Key.CountyCode, g.Key.SchoolCode, g.Key.Category, g.Key.State, g.Key.ClosedDays, g.Sum(x => x.Count))).ToListAsync(ct)
            : await counts.GroupBy(x => new { x.CountyCode, x.Category, x.State, x.ClosedDays })
                .Select(g => new CaseGroup(g.Key.CountyCode, "", g.Key.Category, g.Key.State, g.Key.ClosedDays, g.Sum(x => x.Count))).ToListAsync(ct);
        var matched = await db.MatchedStats.AsNoTracking().Where(m => m.RoundId == roundId && m.CountyCode >= min && m.CountyCode <= max)
            .Select(m => new { m.CountyCode, m.SchoolCode, m.Matched }).ToListAsync(ct);
        // Names of schools only below a county (a province has tens of thousands).
        var schoolNames = region % 100 != 0
            ? await db.Schools.AsNoTracking().Where(s => s.CountyCode >= min && s.CountyCode <= max).ToDictionaryAsync(s => s.Code, s => s.Name, ct)
            : [];

        var table = RegionTable.Default;
        string ChildKey(int county, string? school) => region % 100 != 0 ? (school ?? "") : region % 10000 == 0 ? (county / 100 * 100).ToString(Inv) : county.ToString(Inv);
        string ChildName(string key) => region % 100 != 0
            ? (key.Length == 0 ? "县级核查任务（不属于学校）" : schoolNames.GetValueOrDefault(key) ?? key)
            : RegionSeeder.Name(table, int.Parse(key, Inv));

        DashboardRow Row(string key, string name, int? drill, IEnumerable<CaseGroup> cases, int matchedCount)
        {
            var list = cases.ToList();
            int Count(CaseState s) => (int)list.Where(x => x.State == s).Sum(x => x.Count);
            int total = (int)list.Sum(x => x.Count);
            return new DashboardRow(key, name, drill, total, Count(CaseState.Open), Count(CaseState.Submitted), Count(CaseState.Returned), Count(CaseState.Closed),
                overdue ? total - Count(CaseState.Closed) : 0, matchedCount, (int)list.Where(x => x.Category == "aid_missing").Sum(x => x.Count),
                Median(list.Where(x => x.ClosedDays >= 0).Select(x => (x.ClosedDays, x.Count))));
        }

        var groupsByKey = groups.ToLookup(g => ChildKey(g.CountyCode, g.SchoolCode), StringComparer.Ordinal);
        var matchedByKey = matched.ToLookup(m => ChildKey(m.CountyCode, m.SchoolCode), StringComparer.Ordinal);
        var keys = groupsByKey.Select(g => g.Key).Concat(matchedByKey.Select(m => m.Key)).Distinct().Order(StringComparer.Ordinal);
        var children = keys.Select(key => Row(key, ChildName(key), region % 100 != 0 ? null : int.Parse(key, Inv),
            groupsByKey[key], matchedByKey[key].Sum(m => m.Matched))).ToList();
        var totals = Row(region.ToString(Inv), RegionSeeder.Name(table, region), null, groups, matched.Sum(m => m.Matched));

        var byCategory = CategoryNames.ActionLists.Select(info =>
        {
            int Count(CaseState s) => (int)groups.Where(g => g.Category == info.Code && g.State == s).Sum(g => g.Count);
            return new CategoryRow(info.Code, info.ChineseName, Count(CaseState.Open), Count(CaseState.Submitted), Count(CaseState.Returned), Count(CaseState.Closed));
        }).Where(r => r.Total > 0).ToList();

        return new DashboardView(roundId, region, RegionSeeder.Name(table, region), Breadcrumb(actor.RegionCode, region, table), totals, children, byCategory, overdue);
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static bool IsRegion(int code) => code is >= 110000 and <= 829999;

    private static List<RegionCrumb> Breadcrumb(int root, int region, RegionTable table)
    {
        var crumbs = new List<RegionCrumb>();
        foreach (int code in new[] { region / 10000 * 10000, region / 100 * 100, region }.Distinct())
            if (UserScope.ForRegion(root).Contains(code) || code == root) crumbs.Add(new RegionCrumb(code, RegionSeeder.Name(table, code)));
        return crumbs.Where(c => UserScope.RegionRange(root).Min <= c.Code).ToList();
    }

    /// <summary>The median of whole days from import to closure, from the counts per number of days.</summary>
    private static double? Median(IEnumerable<(int Days, long Count)> histogram)
    {
        var days = histogram.GroupBy(x => x.Days).Select(g => (Days: g.Key, Count: g.Sum(x => x.Count))).Where(x => x.Count > 0).OrderBy(x => x.Days).ToList();
        long n = days.Sum(x => x.Count);
        if (n == 0) return null;
        double At(long index)
        {
            foreach (var (d, count) in days)
            {
                if (index < count) return d;
                index -= count;
            }
            throw new InvalidOperationException("index past the histogram");
        }
        return n % 2 == 1 ? At(n / 2) : (At(n / 2 - 1) + At(n / 2)) / 2;
    }

    private sealed record CaseGroup(int CountyCode, string SchoolCode, string Category, CaseState State, int ClosedDays, long Count);
}
