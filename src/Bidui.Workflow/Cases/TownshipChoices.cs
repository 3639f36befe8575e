using System.Collections.Concurrent;
using Bidui.Workflow.Access;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Cases;

/// <summary>
/// The townships a county's cases name, for the case list's township filter. Finding them reads every case of
/// the county (60,000 in a large county of a province round: no index can skip to distinct values), which the
/// list did on every view; they change only when a round is imported or a case reassigned, so they are kept a
/// minute per county and scope.
/// </summary>
public sealed class TownshipChoices(TimeProvider clock)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(int County, UserScope Scope), (DateTimeOffset At, IReadOnlyList<string> Names)> _kept = new();

    public async Task<IReadOnlyList<string>> ForCountyAsync(BiduiDbContext db, int county, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = (county, db.Scope);
        var now = clock.GetUtcNow();
        if (_kept.TryGetValue(key, out var kept) && now - kept.At < Keep) return kept.Names;
        var names = await db.LiveCases.Where(c => c.CountyCode == county && c.Township != null).Select(c => c.Township!).Distinct().OrderBy(t => t).ToListAsync(ct);
        if (_kept.Count > 10_000) _kept.Clear(); // bounded whatever the scopes
        _kept[key] = (now, names);
        return names;
    }
}
