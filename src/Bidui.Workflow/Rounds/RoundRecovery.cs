using Bidui.Workflow.Access;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Rounds;

/// <summary>
/// At start-up, before any request: work cut short by a restart (or whose failure could not be
/// saved) is put back where it can be retried. A comparison goes back to 草稿; a partial import is
/// undone and the round waits for confirmation again; a withdrawn round's remaining cases are removed.
/// </summary>
public static class RoundRecovery
{
    public static async Task RunAsync(StoreOptions store, RoundRunner runner, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(runner);
        await using var db = store.CreateContext();
        db.SetScope(UserScope.System);
        foreach (var round in await db.Rounds.Where(r => r.State == RoundState.Running).ToListAsync(ct))
        {
            round.State = RoundState.Draft;
            round.LastError = "服务重启，比对被中断，请重新开始比对。";
        }
        await db.SaveChangesAsync(ct);

        foreach (var round in await db.Rounds.Where(r => r.State == RoundState.Importing).ToListAsync(ct))
        {
            await new RoundImporter(db, clock).UndoAsync(round.Id, ct);
            round.State = RoundState.AwaitingConfirmation;
            round.LastError = "服务重启，导入被中断，已写入的任务已清除，请重新确认导入。";
            await db.SaveChangesAsync(ct);
        }

        var withdrawn = await db.Rounds.Where(r => r.State == RoundState.Withdrawn && (db.Cases.Any(c => c.RoundId == r.Id) || db.MatchedStats.Any(m => m.RoundId == r.Id))).Select(r => r.Id).ToListAsync(ct);
        foreach (int id in withdrawn) await runner.PurgeAsync(id, ct);
    }
}
