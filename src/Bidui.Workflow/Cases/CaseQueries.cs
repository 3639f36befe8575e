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
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            string text = filter.Text.Trim();
            string id = text.ToUpperInvariant();
            q = q.Where(c => c.PersonName.Contains(text) || c.IdNumber == id);
        }
        if (filter.OverdueOnly)
        {
            var today = clock.Today();
            var overdueRounds = db.Rounds.Where(r => r.Deadline < today).Select(r => r.Id);
            q = q.Where(c => c.State != CaseState.Closed && overdueRounds.Contains(c.RoundId));
        }
        return q;
    }

    public Task<int> CountAsync(CaseFilter filter, CancellationToken ct = default) => Query(filter).CountAsync(ct);

    public async Task<IReadOnlyList<Case>> PageAsync(CaseFilter filter, int page, int pageSize, CancellationToken ct = default, CaseOrder? order = null) =>
        await CaseSorting.Apply(Query(filter), order ?? CaseOrder.Default, db.Rounds)
            .Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize).ToListAsync(ct);

    /// <summary>A case with its history and attachments, or null when it does not exist in the user's scope.</summary>
    public Task<Case?> FindAsync(long id, CancellationToken ct = default) =>
        db.LiveCases.Include(c => c.Events.OrderBy(v => v.Id)).Include(c => c.Attachments).SingleOrDefaultAsync(c => c.Id == id, ct);
}
