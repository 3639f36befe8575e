using System.Threading.RateLimiting;
using Bidui.Workflow.Rounds;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bidui.Web.Hosting;

/// <summary>
/// While a round's cases are imported, requests run at most one per core at a time, the others waiting in turn (first
/// come, first served; none refused). The import is the province's once a term and the officers' pages the rest of
/// it: on a two-core server, twenty officers clicking as fast as pages came back took most of the machine from the
/// import (1,000,000 cases on PostgreSQL: 114 s, against 41 s alone and 72-96 s with these turns; docs/PERFORMANCE.md).
/// The page's own scripts and styles (/assets/) do not wait, nor does anything outside an import.
/// </summary>
internal sealed class ImportPriority(RoundProgressBoard board) : IDisposable
{
    private readonly RoundProgressBoard _board = board;
    private readonly ConcurrencyLimiter _turns = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = Environment.ProcessorCount,
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
