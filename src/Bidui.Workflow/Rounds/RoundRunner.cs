using Bidui.Pipeline;
using Bidui.Pipeline.Supervision;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Rounds;

/// <summary>
/// Runs one round's comparison and imports its lists. On any failure the round goes back to
/// 草稿 with the error shown and no case written (the import is one transaction; CompareJob never
/// leaves a half-written result folder).
/// </summary>
public sealed class RoundRunner(StoreOptions store, RoundProgressBoard board, TimeProvider clock)
{
    public async Task RunAsync(int roundId, CancellationToken ct = default)
    {
        var progress = board.For(roundId);
        try
        {
            Round round;
            await using (var db = Open())
                round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId, ct);
            var dir = store.RoundDirectory(roundId);
            var inputs = Path.Combine(dir, "inputs");
            string students = RoundFiles.Find(inputs, RoundFiles.Students) ?? throw new InvalidOperationException("缺少学籍数据文件。");
            string poverty = RoundFiles.Find(inputs, RoundFiles.Poverty) ?? throw new InvalidOperationException("缺少乡村振兴数据文件。");
            string? aid = RoundFiles.Find(inputs, RoundFiles.Aid);
            var results = Path.Combine(dir, "results");
            var request = new CompareRequest(students, poverty, aid, results)
            {
                ReferenceDate = round.ReferenceDate,
                Deadline = round.Deadline, // shown in the county workbooks' 说明
                Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
                Registers = [.. RoundFiles.Registers(inputs).Select(r => new RegisterInput(r.Label, r.Path))],
                AidProjectsPath = RoundFiles.Find(inputs, RoundFiles.AidProjects),
                KeyCountiesPath = RoundFiles.Find(inputs, RoundFiles.KeyCounties),
            };
            await Task.Run(() => CompareJob.Run(request, progress), ct);
            using (progress.Start("导入核查任务"))
            {
                await using var db = Open();
                await new RoundImporter(db, clock).ImportAsync(roundId, results, ct);
                await new AuditLog(db, clock).WriteAsync(round.CreatedBy, "比对完成", RoundTarget(roundId), $"核查任务 {await db.Cases.CountAsync(c => c.RoundId == roundId, ct)} 条", ct);
            }
            board.Set(roundId, s => s with { Step = "完成", Finished = true });
        }
#pragma warning disable CA1031 // Whatever went wrong, the round must go back to a usable state and say why.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            string message = ex is Bidui.Inputs.InputFileException or InvalidOperationException ? ex.Message : "比对失败：" + ex.Message;
            await using var db = Open();
            var round = await db.Rounds.SingleAsync(r => r.Id == roundId, CancellationToken.None);
            round.State = RoundState.Draft;
            round.LastError = message;
            await db.SaveChangesAsync(CancellationToken.None);
            await new AuditLog(db, clock).WriteAsync(round.CreatedBy, "比对失败", RoundTarget(roundId), message, CancellationToken.None);
            board.Set(roundId, s => s with { Finished = true, Error = message });
        }
    }

    public static string RoundTarget(int roundId) => "批次 " + roundId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private BiduiDbContext Open()
    {
        var db = store.CreateContext();
        db.SetScope(UserScope.System);
        return db;
    }
}
