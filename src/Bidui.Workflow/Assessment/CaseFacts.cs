using Bidui.Assessment.Indicators;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Assessment;

/// <summary>
/// The cases of a round as the workflow indicators see them (<see cref="CaseFact"/>): read through the
/// context given, so a scoped context yields only the user's part. Dates are Beijing dates: a deadline is a
/// local day, and a case closed at 23:30 Beijing time on that day is in time although it is 15:30 UTC.
/// </summary>
public static class CaseFacts
{
    /// <summary>The event CaseWorkflow records when a county sends a result back (退回).</summary>
    public const string ReturnAction = "退回";

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>The local (Beijing) date of a UTC time.</summary>
    public static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(utc + Beijing);

    public static async Task<List<CaseFact>> LoadAsync(BiduiDbContext db, int roundId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var returned = db.CaseEvents.Where(e => e.Action == ReturnAction && e.Case!.RoundId == roundId).Select(e => e.CaseId);
        var rows = await db.Cases.AsNoTracking().Where(c => c.RoundId == roundId)
            .Select(c => new { c.Id, c.CountyCode, c.Category, c.CreatedAt, c.ClosedAt, c.SubmittedAt, c.Linkage, Returned = returned.Contains(c.Id) })
            .ToListAsync(ct);
        return [.. rows.Select(c => new CaseFact(c.Id, c.CountyCode, c.Category, c.CreatedAt, c.ClosedAt, c.ClosedAt is { } at ? LocalDate(at) : null,
            c.SubmittedAt is not null || c.ClosedAt is not null, c.Returned, c.Linkage == Linkage.Reappeared))];
    }
}
