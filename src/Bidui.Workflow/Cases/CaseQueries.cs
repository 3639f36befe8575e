using Bidui.Workflow.Access;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Cases;

/// <summary>Lists, counts and searches cases. The context's scope cuts every query to the user's part.</summary>
public sealed class CaseQueries(BiduiDbContext db, TimeProvider clock)
{
    public IQueryable<Case> Query(CaseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        IQueryable<Case> q = db.LiveCases.AsNoTracking();
        if (filter.RoundId is { } round) q = q.Where(c => c.RoundId == round);
        if (!string.IsNullOrEmpty(filter.Category)) q = q.Where(c => c.Category == filter.Category);
        if (filter.State is { } state) q = q.Where(c => c.State == state);
        if (filter.Linkage is { } linkage) q = q.Where(c => c.Linkage == linkage);
        if (filter.RegionCode is { } region)
        {
            var (min, max) = UserScope.RegionRange(region);
            q = q.Where(c => c.CountyCode >= min && c.CountyCode <= max);
        }
        if (!string.IsNullOrEmpty(filter.SchoolCode)) q = q.Where(c => c.SchoolCode == filter.SchoolCode);
        if (filter.Unit is { } unit) q = q.Where(c => c.Unit == unit);
        if (!string.IsNullOrEmpty(filter.Township)) q = q.Where(c => c.Township == filter.Township);
        if (!string.IsNullOrWhiteSpace(filter.Text)) q = CaseSearch.Apply(db, q, filter.Text);
        else if (!db.Scope.Everything)
        {
            // The scope again, as a plain range the list index can seek: the store's filter holds it inside an OR
            // (everything, or the range) that SQLite cannot seek by. Not with a search, whose own index narrows more.
            var (min, max) = (db.Scope.MinCounty, db.Scope.MaxCounty);
            q = q.Where(c => c.CountyCode >= min && c.CountyCode <= max);
        }
        if (filter.OverdueOnly)
        {
            var today = clock.Today();
            var overdueRounds = db.Rounds.Where(r => r.Deadline < today).Select(r => r.Id);
            q = q.Where(c => c.State != CaseState.Closed && overdueRounds.Contains(c.RoundId));
        }
        return q;
    }

    /// <summary>
    /// The number of cases the filter selects: from the counts the store keeps (case_counts) when the filter
    /// asks only for what they are kept by (round, list, state, region, school, unit), else counted from the cases.
    /// </summary>
    public async Task<int> CountAsync(CaseFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // Any other field set (a search, linkage, overdue, or a filter added later), or a township's scope (the counts
        // are not kept per township), falls back to counting the cases.
        if (!Countable(filter)) return await (await QueryAsync(filter, ct)).CountAsync(ct);
        return (int)await Counts(filter).SumAsync(x => x.Count, ct);
    }

    /// <summary>Whether the counts the store keeps answer the filter: only round, list, state, region, school and unit (any
    /// other field, a search, linkage, overdue or one added later, needs the cases), and not in a township's scope.</summary>
    private bool Countable(CaseFilter filter) =>
        filter with { RoundId = null, Category = null, State = null, RegionCode = null, SchoolCode = null, Unit = null } == new CaseFilter()
        && db.Scope.Township is null;

    /// <summary>The counters of the cases a <see cref="Countable"/> filter selects.</summary>
    private IQueryable<CaseCount> Counts(CaseFilter filter)
    {
        var q = db.CaseCounts.AsNoTracking().Where(x => db.Rounds.Any(r => r.Id == x.RoundId && r.State == RoundState.Done));
        if (filter.RoundId is { } round) q = q.Where(x => x.RoundId == round);
        if (!string.IsNullOrEmpty(filter.Category)) q = q.Where(x => x.Category == filter.Category);
        if (filter.State is { } state) q = q.Where(x => x.State == state);
        if (filter.RegionCode is { } region)
        {
            var (min, max) = UserScope.RegionRange(region);
            q = q.Where(x => x.CountyCode >= min && x.CountyCode <= max);
        }
        if (!string.IsNullOrEmpty(filter.SchoolCode)) q = q.Where(x => x.SchoolCode == filter.SchoolCode);
        if (filter.Unit is { } unit) q = q.Where(x => x.Unit == unit);
        return q;
    }

    /// <summary>
    /// A page of the list. The page's numbers are found first, reading only the list's index (so page 1,000 walks
    /// index entries, not 50,000 rows), then its 50 cases are read by number.
    /// </summary>
    public async Task<IReadOnlyList<Case>> PageAsync(CaseFilter filter, int page, int pageSize, CancellationToken ct = default, CaseOrder? order = null)
    {
        order ??= CaseOrder.Default;
        int skip = (Math.Max(1, page) - 1) * pageSize;
        if (order == CaseOrder.Default && skip >= DeepPageFrom && Countable(filter))
            return await CasesAsync(await DeepPageIdsAsync(filter, skip, pageSize, ct), ct);
        return await PageOfAsync(CaseSorting.Apply(await QueryAsync(filter, ct), order, db.Rounds), page, pageSize, ct);
    }

    /// <summary>From this many cases skipped, a page of the default order skips whole (county, list) groups by their counts.</summary>
    internal int DeepPageFrom { get; init; } = 2_000;

    /// <summary>
    /// The numbers of a deep page in the default order (county, list, number): whole (county, list) groups are skipped by
    /// the counts the store keeps, and only the group the page starts in is walked in the list index (page 1,000 of a
    /// county walked 50,000 index entries; now at most one list's). A case moved between the two reads may shift the
    /// page by a row, as it would between two requests.
    /// </summary>
    private async Task<List<long>> DeepPageIdsAsync(CaseFilter filter, int skip, int take, CancellationToken ct)
    {
        var groups = await Counts(filter).GroupBy(x => new { x.CountyCode, x.Category }).Select(g => new { g.Key.CountyCode, g.Key.Category, Count = g.Sum(x => x.Count) })
            .Where(g => g.Count > 0).OrderBy(g => g.CountyCode).ThenBy(g => g.Category).ToListAsync(ct);
        var ids = new List<long>(take);
        foreach (var g in groups)
        {
            if (skip >= g.Count)
            {
                skip -= (int)g.Count;
                continue;
            }
            int county = g.CountyCode;
            string category = g.Category;
            ids.AddRange(await Query(filter).Where(c => c.CountyCode == county && c.Category == category).OrderBy(c => c.Id).Select(c => c.Id)
                .Skip(skip).Take(take - ids.Count).ToListAsync(ct));
            skip = 0;
            if (ids.Count == take) break;
        }
        return ids;
    }

    /// <summary>A page of an ordered query: the page's numbers first (an index can answer them alone), then its cases by number, in that order.</summary>
    public async Task<IReadOnlyList<Case>> PageOfAsync(IQueryable<Case> ordered, int page, int pageSize, CancellationToken ct = default)
    {
        var ids = await ordered.Select(c => c.Id).Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return await CasesAsync(ids, ct);
    }

    /// <summary>The cases of these numbers, in this order.</summary>
    private async Task<IReadOnlyList<Case>> CasesAsync(List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
    }

    /// <summary>At most this many matches of a search are looked up by number; more (a bare surname) are filtered in place.</summary>
    private const int SearchLimit = 5000;

    /// <summary>
    /// <see cref="Query"/>, with a search done first: the numbers of the matching cases through the search's own
    /// index, in a query of that index alone (no planner can prefer the list index to it), then the list's filters
    /// over those numbers.
    /// </summary>
    private async Task<IQueryable<Case>> QueryAsync(CaseFilter filter, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(filter.Text)) return Query(filter);
        var ids = await CaseSearch.Apply(db, db.Cases.AsNoTracking(), filter.Text).Select(c => c.Id).Take(SearchLimit + 1).ToListAsync(ct);
        if (ids.Count > SearchLimit) return Query(filter);
        return Query(filter with { Text = null }).Where(c => ids.Contains(c.Id));
    }

    /// <summary>
    /// The later round in which the case's problem went away: the one that superseded its round in its county (V016)
    /// with no case carrying it on, or the mark an import before V016 set. Null while the case is current or was
    /// carried on. The successor may lie outside the user's scope (another school), so its existence is read unfiltered.
    /// </summary>
    public async Task<int?> ResolvedInAsync(Case c, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.ResolvedInRoundId is { } marked) return marked;
        int? later = await db.RoundCounties.AsNoTracking().Where(x => x.RoundId == c.RoundId && x.CountyCode == c.CountyCode)
            .Select(x => x.SupersededBy).FirstOrDefaultAsync(ct);
        if (later is null || c.CarriedInRoundId is not null) return null;
        return await db.Cases.IgnoreQueryFilters().AnyAsync(n => n.PreviousCaseId == c.Id, ct) ? null : later;
    }

    /// <summary>A case with its history and attachments, or null when it does not exist in the user's scope.</summary>
    public Task<Case?> FindAsync(long id, CancellationToken ct = default) =>
        db.LiveCases.Include(c => c.Events.OrderBy(v => v.Id)).Include(c => c.Attachments).SingleOrDefaultAsync(c => c.Id == id, ct);
}
