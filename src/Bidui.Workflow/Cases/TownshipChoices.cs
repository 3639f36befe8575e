using System.Collections.Concurrent;
using Bidui.Workflow.Access;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Cases;

/// <summary>
/// The townships a county's cases name, for the case list's township filter. Finding them reads every case of
/// the county (60,000 in a large county of a province round: no index can skip to distinct values), which the
/// list did on every view; they change only when a round is imported or a case reassigned, so they are kept a
/// minute per county and scope. One request looks them up at a time: while it does, the others of that county
/// get the names kept before (or, the first time, wait for the same lookup). Twenty officers opening the list
/// together each ran the lookup, 2.4 s apiece.
/// </summary>
public sealed class TownshipChoices(TimeProvider clock)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(int County, UserScope Scope), Entry> _kept = new();

    private sealed class Entry
    {
        public DateTimeOffset At;
        public IReadOnlyList<string>? Names;
        public Task<IReadOnlyList<string>>? Lookup;
    }

    public async Task<IReadOnlyList<string>> ForCountyAsync(BiduiDbContext db, int county, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow();
        if (_kept.Count > 10_000) _kept.Clear(); // bounded whatever the scopes
        var entry = _kept.GetOrAdd((county, db.Scope), _ => new Entry());
        TaskCompletionSource<IReadOnlyList<string>>? mine = null;
        Task<IReadOnlyList<string>>? other = null;
        lock (entry)
        {
            if (entry.Names is { } fresh && now - entry.At < Keep) return fresh;
            if (entry.Lookup is { } running)
            {
                if (entry.Names is { } stale) return stale;
                other = running;
            }
            else
            {
                mine = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
                entry.Lookup = mine.Task;
            }
        }
        if (other is not null) return await other.WaitAsync(ct);
        try
        {
            // Not cancelled with this request: others may be waiting for the same names.
            var names = await db.LiveCases.Where(c => c.CountyCode == county && c.Township != null).Select(c => c.Township!)
                .Distinct().OrderBy(t => t).ToListAsync(CancellationToken.None);
            lock (entry)
            {
                entry.Names = names;
                entry.At = now;
                entry.Lookup = null;
            }
            mine!.SetResult(names);
            return names;
        }
        catch (Exception ex)
        {
            lock (entry) entry.Lookup = null;
            mine!.SetException(ex);
            throw;
        }
    }
}
