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
    public void Add(string userName, string action, string target, string detail) =>
        db.Audit.Add(new AuditEntry { At = clock.GetUtcNow().UtcDateTime, UserName = userName, Action = action, Target = target, Detail = detail });

    public sealed record Query(string? UserName, string? Action, string? Text, DateTime? From, DateTime? To, int Page = 1, int PageSize = 100);

    public async Task<(IReadOnlyList<AuditEntry> Entries, int Total)> SearchAsync(Query q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        IQueryable<AuditEntry> query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.UserName)) query = query.Where(a => a.UserName == q.UserName.Trim());
        if (!string.IsNullOrWhiteSpace(q.Action)) query = query.Where(a => a.Action == q.Action.Trim());
        if (!string.IsNullOrWhiteSpace(q.Text)) query = query.Where(a => a.Target.Contains(q.Text.Trim()) || a.Detail.Contains(q.Text.Trim()));
        if (q.From is { } from) query = query.Where(a => a.At >= from);
        if (q.To is { } to) query = query.Where(a => a.At < to);
        int total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(a => a.Id).Skip((Math.Max(1, q.Page) - 1) * q.PageSize).Take(q.PageSize).ToListAsync(ct);
        return (entries, total);
    }
}
