using System.Threading.RateLimiting;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bidui.Web.Hosting;

/// <summary>
/// While a round's cases are imported, requests run a few at a time (<see cref="TurnsFor"/>), the others waiting in turn
/// (first come, first served; none refused). The import is the province's once a term and the officers' pages the rest
/// of it: on a two-core server, twenty officers clicking as fast as pages came back took most of the machine from the
/// import (1,000,000 cases on PostgreSQL: 114 s, against 41 s alone and 72-96 s with these turns; docs/PERFORMANCE.md).
/// The page's own scripts and styles (/assets/) do not wait, nor does anything outside an import.
/// </summary>
internal sealed class ImportPriority(RoundProgressBoard board, int turns) : IDisposable
{
    /// <summary>
    /// Requests that run at once during an import: one per core on PostgreSQL, whose server processes do the import's
    /// work; on SQLite one core fewer (at least one), since the import runs in this process and needs a core of its
    /// own. Two cores, a million cases after a million-case round, twenty officers at full speed: 131.6-136.4 s with
    /// two at a time, 109.9 s with one (their requests during it 4,598 against 9,594, p99 1.1 s against 0.7 s).
    /// </summary>
    public static int TurnsFor(StoreProvider provider, int cores) => provider == StoreProvider.Sqlite ? Math.Max(1, cores - 1) : Math.Max(1, cores);

    public int Turns => turns;

    private readonly RoundProgressBoard _board = board;
    private readonly ConcurrencyLimiter _turns = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = turns,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var priority = context.RequestServices.GetRequiredService<ImportPriority>();
        if (!priority._board.Importing || context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        using var turn = await priority._turns.AcquireAsync(1, context.RequestAborted);
        await next(context);
    }

    public void Dispose() => _turns.Dispose();
}
