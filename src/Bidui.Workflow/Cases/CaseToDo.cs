using Bidui.Workflow.Access;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Cases;

/// <summary>What a user's to-do (我的待办) holds.</summary>
public enum ToDoKind
{
    /// <summary>待填报: open or returned cases of the user's unit (a village's: its cases awaiting the township's home visit).</summary>
    Submit = 0,
    /// <summary>待审核: submitted cases the user's office reviews.</summary>
    Review = 1,
    /// <summary>待改派: the province's cases with no responsible county.</summary>
    Reassign = 2,
}

public sealed record ToDoCounts(int Submit, int Review, int Reassign)
{
    public int Total => Submit + Review + Reassign;
}

/// <summary>
/// 我的待办: what the signed-in user must act on now, across the finished rounds. Only current cases count:
/// not those a later round resolved (the problem went away) or carried on as a new case (the new one is worked), that
/// is, not those of a round that a later finished round superseded in their county.
/// Built on <see cref="CaseQueries.Query"/>, so the scope and any filter apply.
/// </summary>
public sealed class CaseToDo(BiduiDbContext db, CaseQueries queries)
{
    public async Task<IQueryable<Case>> QueryAsync(Actor actor, ToDoKind kind, CaseFilter? filter = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var q = queries.Query(filter ?? new CaseFilter());
        // The scope again, as plain conditions (the store's filter already applies it, inside an OR that no index
        // answers): a county's to-do then reads its county through the (county, state, unit) index.
        var scope = db.Scope;
        // Current: no later finished round covers the case's county (V016), and no import before V016 marked it resolved
        // or carried on (V012; both marks are in the to-do index). For one county the rounds superseded in it are read
        // first and given as numbers, here and to the counters (as subqueries, 20 users got 53-55 to-do pages a second;
        // as numbers 143, within the 88-147 of the runs before V016).
        if (await SupersededAsync(ct) is { } earlier)
        {
            int county = scope.MinCounty;
            q = q.Where(c => c.CountyCode == county);
            if (earlier.Count > 0) q = q.Where(c => !earlier.Contains(c.RoundId));
        }
        else
        {
            if (!scope.Everything)
            {
                int min = scope.MinCounty, max = scope.MaxCounty;
                q = q.Where(c => c.CountyCode >= min && c.CountyCode <= max);
            }
            q = q.Where(c => !db.RoundCounties.Any(x => x.RoundId == c.RoundId && x.CountyCode == c.CountyCode && x.SupersededBy != null));
        }
        q = q.Where(c => c.ResolvedInRoundId == null && c.CarriedInRoundId == null);
        switch (kind)
        {
            case ToDoKind.Submit:
                var units = SubmitUnitsOf(actor);
                return q.Where(c => (c.State == CaseState.Open || c.State == CaseState.Returned) && units.Contains(c.Unit));
            case ToDoKind.Review:
                var reviewed = RoleInfo.ReviewUnits(actor.Role).ToList();
                return q.Where(c => c.State == CaseState.Submitted && reviewed.Contains(c.Unit));
            default:
                if (actor.Role != Role.ProvinceAdmin) return q.Where(c => false);
                // Cases with no responsible county carry the province's own code (an equality the county index answers).
                int province = ProvinceCountyOf(actor);
                return q.Where(c => c.State != CaseState.Closed && c.CountyCode == province);
        }
    }

    /// <summary>
    /// A page of the to-do: its numbers from the (county, state, unit) index alone in the default order (deadline,
    /// then number), then its cases (sorting whole rows read 13,000 table pages for 50 cases).
    /// </summary>
    public Task<IReadOnlyList<Case>> PageAsync(IQueryable<Case> query, CaseOrder order, int page, int pageSize, CancellationToken ct = default,
        IReadOnlyDictionary<int, DateOnly>? deadlines = null) =>
        queries.PageOfAsync(CaseSorting.Apply(query, order, db.Rounds, deadlines), page, pageSize, ct);

    private List<int>? _superseded;

    /// <summary>When the user's scope is one county: the rounds superseded in it (read once a request); otherwise null.</summary>
    private async Task<List<int>?> SupersededAsync(CancellationToken ct)
    {
        var scope = db.Scope;
        if (scope.Everything || scope.MinCounty != scope.MaxCounty) return null;
        int county = scope.MinCounty;
        return _superseded ??= await db.RoundCounties.Where(x => x.CountyCode == county && x.SupersededBy != null).Select(x => x.RoundId).ToListAsync(ct);
    }

    /// <summary>The units whose open or returned cases the user fills in (a village: its cases awaiting the township's home visit).</summary>
    private static List<Unit> SubmitUnitsOf(Actor actor) => actor.Role == Role.Village ? [Unit.Township] : [.. RoleInfo.SubmitUnits(actor.Role)];

    /// <summary>The code cases with no responsible county carry: the province's own.</summary>
    private static int ProvinceCountyOf(Actor actor) => actor.RegionCode / 10000 * 10000;

    /// <summary>The kinds of to-do this role has (the page shows a tab for each).</summary>
    public static IReadOnlyList<ToDoKind> KindsFor(Role role) => role switch
    {
        Role.ProvinceAdmin => [ToDoKind.Reassign],
        Role.Auditor => [],
        Role.Village or Role.SchoolAid => [ToDoKind.Submit],
        Role.Township => [ToDoKind.Submit],
        _ => [ToDoKind.Submit, ToDoKind.Review],
    };

    /// <summary>
    /// The to-do's numbers, from the counts the store keeps with the cases (case_counts, current cases: V012): read from
    /// the to-do index, each of a large county's 13,000 entries on a page changed since the last vacuum sent the count to
    /// the table (54-80 ms a to-do after 50,000 submissions, instead of 16-22). Counts are not kept per township: a
    /// township or village counts its cases.
    /// </summary>
    public async Task<ToDoCounts> CountAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var kinds = KindsFor(actor.Role);
        bool counters = db.Scope.Township is null;
        async Task<int> Count(ToDoKind k) => !kinds.Contains(k) ? 0 : counters ? await CountedAsync(actor, k, ct) : await (await QueryAsync(actor, k, ct: ct)).CountAsync(ct);
        return new ToDoCounts(await Count(ToDoKind.Submit), await Count(ToDoKind.Review), await Count(ToDoKind.Reassign));
    }

    /// <summary>The rules of <see cref="QueryAsync"/>, over the counters (the store's filter cuts them to the user's county or school).</summary>
    private async Task<int> CountedAsync(Actor actor, ToDoKind kind, CancellationToken ct)
    {
        var q = db.CaseCounts.AsNoTracking().Where(x => x.Current && db.Rounds.Any(r => r.Id == x.RoundId && r.State == RoundState.Done));
        if (await SupersededAsync(ct) is not { } earlier)
            q = q.Where(x => !db.RoundCounties.Any(rc => rc.RoundId == x.RoundId && rc.CountyCode == x.CountyCode && rc.SupersededBy != null));
        else if (earlier.Count > 0)
            q = q.Where(x => !earlier.Contains(x.RoundId));
        var scope = db.Scope;
        if (!scope.Everything)
        {
            int min = scope.MinCounty, max = scope.MaxCounty;
            q = q.Where(x => x.CountyCode >= min && x.CountyCode <= max);
        }
        switch (kind)
        {
            case ToDoKind.Submit:
                var units = SubmitUnitsOf(actor);
                q = q.Where(x => (x.State == CaseState.Open || x.State == CaseState.Returned) && units.Contains(x.Unit));
                break;
            case ToDoKind.Review:
                var reviewed = RoleInfo.ReviewUnits(actor.Role).ToList();
                q = q.Where(x => x.State == CaseState.Submitted && reviewed.Contains(x.Unit));
                break;
            default:
                if (actor.Role != Role.ProvinceAdmin) return 0;
                int province = ProvinceCountyOf(actor);
                q = q.Where(x => x.State != CaseState.Closed && x.CountyCode == province);
                break;
        }
        return (int)await q.SumAsync(x => x.Count, ct);
    }
}
