using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Audit;

/// <summary>Writes the append-only audit trail. Callers pass case ids and counts, never ID numbers.</summary>
public sealed class AuditLog(BiduiDbContext db, TimeProvider clock)
{
    public async Task WriteAsync(string userName, string action, string target, string detail, CancellationToken ct = default)
    {
        // Saved at once: an entry must exist even when the caller later fails. Callers save their own changes first.
        db.Audit.Add(new AuditEntry { At = clock.GetUtcNow().UtcDateTime, UserName = userName, Action = action, Target = target, Detail = detail });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds an entry to be saved with the caller's own changes, in the same transaction (a case change and its entry: both or neither).</summary>
    public void Add(string userName, string action, string target, string detail) => db.Audit.Add(Entry(userName, action, target, detail));

    /// <summary>An entry stamped now, for a caller that saves it itself (a bulk action's: BulkHistoryWriter).</summary>
    public AuditEntry Entry(string userName, string action, string target, string detail) =>
        new() { At = clock.GetUtcNow().UtcDateTime, UserName = userName, Action = action, Target = target, Detail = detail };

    /// <summary>A search of the log. Pages are keyset pages on the id (newest first): <see cref="Before"/> the entries older than
    /// an id (next page), <see cref="After"/> those newer (previous page); OFFSET would read every skipped row.</summary>
    public sealed record Query(string? UserName, string? Action, string? Text, DateTime? From, DateTime? To, long? Before = null, long? After = null, int PageSize = 100);

    /// <summary>
    /// One page, newest first, whether older and newer entries exist beyond it, and how many entries match in all, counted up
    /// to <see cref="MaxCounted"/> (<see cref="TotalCapped"/>: more than that): a count of a province's whole log would read it all.
    /// </summary>
    public sealed record Page(IReadOnlyList<AuditEntry> Entries, bool HasOlder, bool HasNewer, int Total, bool TotalCapped = false);

    /// <summary>Entries a search counts before it says "more than".</summary>
    public const int MaxCounted = 100_000;

    /// <summary>Entries an export may hold (an xlsx sheet holds a million; more is a sign the filter is too wide).</summary>
    public const int MaxExportRows = 200_000;

    public async Task<Page> SearchAsync(Query q, CancellationToken ct = default)
    {
        var query = Filtered(q);
        int total = await query.OrderByDescending(a => a.Id).Take(MaxCounted + 1).CountAsync(ct);
        List<AuditEntry> entries;
        bool hasOlder, hasNewer;
        if (q.After is { } after && q.Before is null)
        {
            entries = await query.Where(a => a.Id > after).OrderBy(a => a.Id).Take(q.PageSize + 1).ToListAsync(ct);
            hasNewer = entries.Count > q.PageSize;
            entries = [.. entries.Take(q.PageSize).Reverse()];
            long oldest = entries.Count > 0 ? entries[^1].Id : 0;
            hasOlder = entries.Count > 0 && await query.AnyAsync(a => a.Id < oldest, ct);
        }
        else
        {
            var older = q.Before is { } before ? query.Where(a => a.Id < before) : query;
            entries = await older.OrderByDescending(a => a.Id).Take(q.PageSize + 1).ToListAsync(ct);
            hasOlder = entries.Count > q.PageSize;
            entries = [.. entries.Take(q.PageSize)];
            long newest = entries.Count > 0 ? entries[0].Id : 0;
            hasNewer = q.Before is not null && entries.Count > 0 && await query.AnyAsync(a => a.Id > newest, ct);
        }
        return new Page(entries, hasOlder, hasNewer, Math.Min(total, MaxCounted), total > MaxCounted);
    }

    /// <summary>Every entry of the search, newest first, streamed (an export reads them once).</summary>
    public IEnumerable<AuditEntry> Stream(Query q) => Filtered(q with { Before = null, After = null }).OrderByDescending(a => a.Id).AsEnumerable();

    /// <summary>How many entries the search holds, counted up to <paramref name="limit"/> + 1 (enough to refuse more than the limit).</summary>
    public Task<int> CountAsync(Query q, int limit, CancellationToken ct = default) =>
        Filtered(q with { Before = null, After = null }).OrderByDescending(a => a.Id).Take(limit + 1).CountAsync(ct);

    private IQueryable<AuditEntry> Filtered(Query q)
    {
        ArgumentNullException.ThrowIfNull(q);
        IQueryable<AuditEntry> query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.UserName)) query = query.Where(a => a.UserName == q.UserName.Trim());
        if (!string.IsNullOrWhiteSpace(q.Action)) query = query.Where(a => a.Action == q.Action.Trim());
        if (!string.IsNullOrWhiteSpace(q.Text)) query = query.Where(a => a.Target.Contains(q.Text.Trim()) || a.Detail.Contains(q.Text.Trim()));
        if (q.From is { } from) query = query.Where(a => a.At >= from);
        if (q.To is { } to) query = query.Where(a => a.At < to);
        return query;
    }
}
