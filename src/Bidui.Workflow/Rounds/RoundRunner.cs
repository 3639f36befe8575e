using System.Globalization;
using Bidui.Matching.Records;
using Bidui.Pipeline;
using Bidui.Pipeline.Supervision;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bidui.Workflow.Rounds;

/// <summary>
/// A round's background work: the comparison (→ 待确认, with the counties its inputs cover), the
/// import once the administrator confirmed (→ 已完成), and the removal of a withdrawn round's cases.
/// None of them throws: a failure puts the round back where it can be retried, with the reason
/// shown, and if even that cannot be saved it is logged and start-up recovery finishes the job.
/// </summary>
public sealed class RoundRunner(StoreOptions store, RoundProgressBoard board, TimeProvider clock, ILogger<RoundRunner>? logger = null)
{
    private readonly ILogger _log = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>Cases per import transaction; null: the importer's size for the store (tests make it small to see readers and writers between batches).</summary>
    internal int? ImportBatchSize { get; init; }

    /// <summary>Compares the round's files and proposes its coverage; no case is written yet.</summary>
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
            var registers = RoundFiles.Registers(inputs);
            var results = Path.Combine(dir, "results");
            var request = new CompareRequest(students, poverty, aid, results)
            {
                ReferenceDate = round.ReferenceDate,
                Deadline = round.Deadline, // shown in the county workbooks' 说明
                Today = clock.Today(),
                Registers = [.. registers.Select(r => new RegisterInput(r.Label, r.Path))],
                AidProjectsPath = RoundFiles.Find(inputs, RoundFiles.AidProjects),
                KeyCountiesPath = RoundFiles.Find(inputs, RoundFiles.KeyCounties),
            };
            // An input that loads no row is an input error of the comparison itself: nothing is proposed.
            var outcome = await Task.Run(() => CompareJob.Run(request, progress), ct);
            // summary.json names each input by the path it was read from, which on the server is the server's own
            // directory layout: the round offers the file for download, so it names the files as they were uploaded.
            RoundOutputs.NameInputsAsUploaded(Path.Combine(results, ResultFiles.Summary), new Dictionary<string, string?>
            {
                ["students"] = round.StudentsFile, ["poverty"] = round.PovertyFile, ["aid"] = round.AidFile,
            }, registers.ToDictionary(r => r.Label, r => (string?)r.FileName));

            // The comparison counted every input's rows per county: the proposed coverage comes from them.
            var counties = RoundCoverage.Derive(roundId, round.ProvinceCode, Bidui.Pipeline.Results.ResultsSummary.Read(results));
            await using (var db = Open())
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await db.RoundCounties.Where(x => x.RoundId == roundId).ExecuteDeleteAsync(ct);
                db.RoundCounties.AddRange(counties);
                var compared = await db.Rounds.SingleAsync(r => r.Id == roundId, ct);
                compared.State = RoundState.AwaitingConfirmation;
                compared.StudentsRows = Loaded(outcome, Dataset.Students);
                compared.PovertyRows = Loaded(outcome, Dataset.Poverty);
                compared.AidRows = aid is null ? null : Loaded(outcome, Dataset.Aid);
                compared.LastError = null;
                await db.SaveChangesAsync(ct);
                await new AuditLog(db, clock).WriteAsync(round.CreatedBy, "比对完成", RoundTarget(roundId),
                    string.Create(CultureInfo.InvariantCulture, $"待确认：学籍 {compared.StudentsRows} 行，乡村振兴 {compared.PovertyRows} 行；建议覆盖 {counties.Count(c => c.Covered)} 个县级单位"), ct);
                await tx.CommitAsync(ct);
            }
            board.Set(roundId, s => s with { Step = "比对完成，待确认", Finished = true });
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: start-up recovery reopens the round.
        }
#pragma warning disable CA1031 // Whatever went wrong, the round must go back to a usable state and say why.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            string message = ex is Bidui.Inputs.InputFileException or InvalidOperationException ? ex.Message : "比对失败：" + ex.Message;
            await FailAsync(roundId, RoundState.Draft, "比对失败", await UsersNamesAsync(roundId, message), ex);
        }
    }

    /// <summary>Writes the confirmed round's cases; on failure removes what was written and asks for confirmation again.</summary>
    public async Task ImportAsync(int roundId, CancellationToken ct = default)
    {
        var progress = board.For(roundId);
        using var importing = board.BeginImport();
        try
        {
            int total;
            await using (var db = Open())
                total = await db.RoundCounties.Where(x => x.RoundId == roundId && x.Covered).SumAsync(x => x.CaseRows, ct);
            using var step = progress.Start("导入核查任务", total);
            await using (var db = Open())
                await new RoundImporter(db, clock) { BatchSize = ImportBatchSize }.ImportAsync(roundId, Path.Combine(store.RoundDirectory(roundId), "results"), step, ct);
            board.Set(roundId, s => s with { Step = "完成", Finished = true });
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // As above: undo, say why, never stop the server.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            try
            {
                await using var db = Open();
                await new RoundImporter(db, clock) { BatchSize = ImportBatchSize }.UndoAsync(roundId, CancellationToken.None);
            }
#pragma warning disable CA1031
            catch (Exception undo)
#pragma warning restore CA1031
            {
                // The round stays 导入中; start-up recovery undoes it.
                _log.LogError(undo, "Undoing the failed import of round {RoundId} failed", roundId);
                board.Set(roundId, s => s with { Finished = true, Error = "导入失败，且未能清理已写入的任务：重启服务后会自动清理。" });
                return;
            }
            await FailAsync(roundId, RoundState.AwaitingConfirmation, "导入失败", "导入失败：" + ex.Message, ex);
        }
    }

    /// <summary>Removes a withdrawn round's cases and their attachment files (the round is already invisible).</summary>
    public async Task PurgeAsync(int roundId, CancellationToken ct = default)
    {
        try
        {
            await using var db = Open();
            var files = await new RoundImporter(db, clock) { BatchSize = ImportBatchSize }.PurgeCasesAsync(roundId, ct);
            foreach (var file in files) File.Delete(Path.Combine(store.AttachmentsDirectory, file));
        }
#pragma warning disable CA1031 // Start-up recovery finishes a purge that failed here.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.LogError(ex, "Removing the cases of withdrawn round {RoundId} failed", roundId);
        }
    }

    public static string RoundTarget(int roundId) => "批次 " + roundId.ToString(CultureInfo.InvariantCulture);

    private static int Loaded(CompareOutcome outcome, Dataset dataset) =>
        (int)Math.Min(int.MaxValue, outcome.Inputs.FirstOrDefault(i => i.Dataset == dataset)?.RowsLoaded ?? 0);

    /// <summary>
    /// A message as users may read it: the round's files by the names they were uploaded under, never
    /// by where the server keeps them.
    /// </summary>
    private async Task<string> UsersNamesAsync(int roundId, string message)
    {
        try
        {
            await using var db = Open();
            var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, CancellationToken.None);
            var inputs = Path.Combine(store.RoundDirectory(roundId), "inputs");
            foreach (var (kind, name) in new[] { (RoundFiles.Students, round?.StudentsFile), (RoundFiles.Poverty, round?.PovertyFile), (RoundFiles.Aid, round?.AidFile) })
                if (RoundFiles.Find(inputs, kind) is { } path) message = message.Replace(path, name ?? Path.GetFileName(path), StringComparison.Ordinal);
        }
#pragma warning disable CA1031 // The message is still worth showing with the paths scrubbed below.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        return message.Replace(store.DataDirectory + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Replace(store.DataDirectory, "", StringComparison.Ordinal);
    }

    /// <summary>Puts the round back to <paramref name="state"/> with the reason; a failure here is logged, never thrown.</summary>
    private async Task FailAsync(int roundId, RoundState state, string action, string message, Exception cause)
    {
        _log.LogWarning(cause, "Round {RoundId}: {Action}", roundId, action);
        board.Set(roundId, s => s with { Finished = true, Error = message });
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = Open();
                var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId, CancellationToken.None);
                if (round is null) return;
                round.State = state;
                round.LastError = message;
                await db.SaveChangesAsync(CancellationToken.None);
                await new AuditLog(db, clock).WriteAsync(round.CreatedBy, action, RoundTarget(roundId), message, CancellationToken.None);
                return;
            }
#pragma warning disable CA1031 // A busy store gets three tries; then start-up recovery reopens the round.
            catch (Exception ex) when (attempt < 3)
#pragma warning restore CA1031
            {
                _log.LogWarning(ex, "Saving the failure of round {RoundId} failed (attempt {Attempt})", roundId, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), CancellationToken.None);
            }
#pragma warning disable CA1031
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _log.LogError(ex, "Saving the failure of round {RoundId} failed; start-up recovery will reopen it", roundId);
                return;
            }
        }
    }

    private BiduiDbContext Open()
    {
        var db = store.CreateContext();
        db.SetScope(UserScope.System);
        return db;
    }
}
