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

        var inRegion = db.Cases.AsNoTracking().Where(c => c.RoundId == roundId && c.CountyCode >= min && c.CountyCode <= max);
        // Schools matter only below a county; above it, grouping by school would multiply the rows for nothing.
        var groups = region % 100 != 0
            ? await inRegion.GroupBy(c => new { c.CountyCode, c.SchoolCode, c.Category, c.State })
                .Select(g => new CaseGroup(g.Key.CountyCode, g.Key.SchoolCode, g.Key.Category, g.Key.State, g.Count())).ToListAsync(ct)
            : await inRegion.GroupBy(c => new { c.CountyCode, c.Category, c.State })
                .Select(g => new CaseGroup(g.Key.CountyCode, null, g.Key.Category, g.Key.State, g.Count())).ToListAsync(ct);
        var matched = await db.MatchedStats.AsNoTracking().Where(m => m.RoundId == roundId && m.CountyCode >= min && m.CountyCode <= max)
            .Select(m => new { m.CountyCode, m.SchoolCode, m.Matched }).ToListAsync(ct);
        var closed = await db.Cases.AsNoTracking().Where(c => c.RoundId == roundId && c.CountyCode >= min && c.CountyCode <= max && c.ClosedAt != null)
            .Select(c => new { c.CountyCode, c.SchoolCode, c.CreatedAt, c.ClosedAt }).ToListAsync(ct);
        var schoolNames = await db.Schools.AsNoTracking().Where(s => s.CountyCode >= min && s.CountyCode <= max).ToDictionaryAsync(s => s.Code, s => s.Name, ct);

        var table = RegionTable.Default;
        string ChildKey(int county, string? school) => region % 100 != 0 ? (school ?? "") : region % 10000 == 0 ? (county / 100 * 100).ToString(Inv) : county.ToString(Inv);
        string ChildName(string key) => region % 100 != 0
            ? (key.Length == 0 ? "县级核查任务（不属于学校）" : schoolNames.GetValueOrDefault(key) ?? key)
            : RegionSeeder.Name(table, int.Parse(key, Inv));

        DashboardRow Row(string key, string name, int? drill, IEnumerable<(string Category, CaseState State, int Count)> cases, int matchedCount, IEnumerable<double> closeDays)
        {
            var list = cases.ToList();
            int Count(CaseState s) => list.Where(x => x.State == s).Sum(x => x.Count);
            int total = list.Sum(x => x.Count);
            return new DashboardRow(key, name, drill, total, Count(CaseState.Open), Count(CaseState.Submitted), Count(CaseState.Returned), Count(CaseState.Closed),
                overdue ? total - Count(CaseState.Closed) : 0, matchedCount, list.Where(x => x.Category == "aid_missing").Sum(x => x.Count), Median(closeDays));
        }

        var groupsByKey = groups.ToLookup(g => ChildKey(g.CountyCode, g.SchoolCode), StringComparer.Ordinal);
        var matchedByKey = matched.ToLookup(m => ChildKey(m.CountyCode, m.SchoolCode), StringComparer.Ordinal);
        var closedByKey = closed.ToLookup(c => ChildKey(c.CountyCode, c.SchoolCode), StringComparer.Ordinal);
        var keys = groupsByKey.Select(g => g.Key).Concat(matchedByKey.Select(m => m.Key)).Distinct().Order(StringComparer.Ordinal);
        var children = keys.Select(key => Row(key, ChildName(key), region % 100 != 0 ? null : int.Parse(key, Inv),
            groupsByKey[key].Select(g => (g.Category, g.State, g.Count)),
            matchedByKey[key].Sum(m => m.Matched),
            closedByKey[key].Select(c => (c.ClosedAt!.Value - c.CreatedAt).TotalDays))).ToList();
        var totals = Row(region.ToString(Inv), RegionSeeder.Name(table, region), null, groups.Select(g => (g.Category, g.State, g.Count)),
            matched.Sum(m => m.Matched), closed.Select(c => (c.ClosedAt!.Value - c.CreatedAt).TotalDays));

        var byCategory = CategoryNames.ActionLists.Select(info =>
        {
            int Count(CaseState s) => groups.Where(g => g.Category == info.Code && g.State == s).Sum(g => g.Count);
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

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record CaseGroup(int CountyCode, string? SchoolCode, string Category, CaseState State, int Count);
}
