using System.Threading.RateLimiting;
using Bidui.Workflow.Rounds;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bidui.Web.Hosting;

/// <summary>
/// While a round's cases are imported, requests run a few at a time (<see cref="TurnsFor"/>), the others waiting in turn
/// (first come, first served; none refused). The import is the province's once a term and the officers' pages the rest
/// of it: on a two-core server, twenty officers clicking as fast as pages came back took most of the machine from the
/// import (1,000,000 cases on PostgreSQL: 114 s, against 41 s alone and 72-96 s with one request per core at a time;
/// docs/PERFORMANCE.md). The page's own scripts and styles (/assets/) do not wait, nor does anything outside an import.
/// </summary>
internal sealed class ImportPriority(RoundProgressBoard board, int turns) : IDisposable
{
    /// <summary>
    /// Requests that run at once during an import: one per core less than the machine has, at least one, so that the
    /// import keeps a core (on SQLite it runs in this process; on PostgreSQL its COPY and index builds run in the
    /// database's). Two cores, a million cases after a million-case round, twenty officers at full speed: SQLite
    /// 131.6-136.4 s with two at a time, 109.9 s with one; PostgreSQL 61.8-70.1 s, 37.1-43.2 s with one. The officers
    /// meanwhile get about half as many pages, the slowest in a hundred after 1.0-1.5 s instead of 0.5-0.7 s.
    /// </summary>
    public static int TurnsFor(int cores) => Math.Max(1, cores - 1);

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
