using System.Globalization;
using Bidui.Matching.Categories;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Cases;

/// <summary>A refused step, with the sentence the user sees.</summary>
public class WorkflowException : Exception
{
    public WorkflowException() : base("操作无效") { }
    public WorkflowException(string message) : base(message) { }
    public WorkflowException(string message, Exception inner) : base(message, inner) { }
}

public enum BulkAction
{
    Approve = 0,
    Return = 1,
    /// <summary>派发乡镇: dropout cases to their township for a home visit.</summary>
    Dispatch = 2,
    /// <summary>收回: dispatched cases back to the county education office.</summary>
    Recall = 3,
}

/// <summary>A selected case and the version the page showed.</summary>
public sealed record BulkItem(long CaseId, int Version);

public sealed record BulkRefusal(long CaseId, string? PersonName, string Reason);

public sealed record BulkOutcome(BulkAction Action, int Done, IReadOnlyList<BulkRefusal> Refused);

/// <summary>The case changed since the user saw it (or while the change was saved): nothing was changed; reload and decide again.</summary>
public sealed class CaseConflictException : WorkflowException
{
    public CaseConflictException() : base("任务已被他人处理或修改，您的操作未生效：请刷新页面，查看最新状态后再操作。") { }
    public CaseConflictException(string message) : base(message) { }
    public CaseConflictException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// The life of a case: the assigned unit submits a result (待核查/已退回 → 待审核), the county
/// approves (→ 已办结) or returns it (→ 已退回). Every change and every reveal is audited.
/// Every change is optimistic: it names the version the user saw (<c>expectedVersion</c>, from the page)
/// and saves only if the case is still at the version it was loaded at; of simultaneous changes one
/// wins and the others get <see cref="CaseConflictException"/>.
/// </summary>
public sealed class CaseWorkflow(BiduiDbContext db, AuditLog audit, TimeProvider clock, StoreOptions store, AttachmentPolicy? attachments = null)
{
    private readonly AttachmentPolicy _attachments = attachments ?? AttachmentPolicy.Default;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool CanSubmit(Actor actor, Case c) =>
        c.State is CaseState.Open or CaseState.Returned && RoleInfo.MayAnswer(actor.Role, c.Unit);

    public static bool CanReview(Actor actor, Case c) => ReviewRefusal(actor, c) is null;

    public async Task<Case> SubmitAsync(Actor actor, long caseId, string result, string? note, int? expectedVersion = null, CancellationToken ct = default)
    {
        var c = await LoadAsync(caseId, expectedVersion, ct);
        StageSubmission(actor, c, result, note);
        await SaveAsync(ct);
        return c;
    }

    /// <summary>
    /// Checks and applies a submission to a tracked case, with its event and audit entry, without saving:
    /// the caller saves (one case here, a whole workbook in one transaction in bulk feedback).
    /// </summary>
    public void StageSubmission(Actor actor, Case c, string result, string? note)
    {
        CheckSubmission(actor, c, result, note);
        c.Result = result.Trim();
        c.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        c.State = CaseState.Submitted;
        c.SubmittedAt = Now;
        Stage(actor, c, "提交核查结果", c.Result, c.Note);
    }

    /// <summary>Throws with the reason the submission is refused (shared with the workbook check).</summary>
    public static void CheckSubmission(Actor actor, Case c, string result, string? note)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(c);
        if (!RoleInfo.MayAnswer(actor.Role, c.Unit)) throw new WorkflowException($"该任务由{RoleInfo.UnitName(c.Unit)}核查，您不能提交。");
        if (c.State is not (CaseState.Open or CaseState.Returned)) throw new WorkflowException($"任务状态为“{RoleInfo.StateName(c.State)}”，不能提交。");
        if (string.IsNullOrWhiteSpace(result) || !VerificationResults.IsValid(c.Category, result.Trim()))
            throw new WorkflowException($"核查结果“{result}”不在本清单的可选结果中。");
        if (result.Trim() == VerificationResults.Other && string.IsNullOrWhiteSpace(note)) throw new WorkflowException("核查结果为“其他”时须填写说明。");
    }

    public async Task<Case> ApproveAsync(Actor actor, long caseId, string? note, int? expectedVersion = null, CancellationToken ct = default)
    {
        var c = await LoadAsync(caseId, expectedVersion, ct);
        if (ReviewRefusal(actor, c) is { } refusal) throw new WorkflowException(refusal);
        StageApproval(actor, c, note);
        await SaveAsync(ct);
        return c;
    }

    public async Task<Case> ReturnAsync(Actor actor, long caseId, string note, int? expectedVersion = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(note)) throw new WorkflowException("退回时须说明原因。");
        var c = await LoadAsync(caseId, expectedVersion, ct);
        if (ReviewRefusal(actor, c) is { } refusal) throw new WorkflowException(refusal);
        StageReturn(actor, c, note);
        await SaveAsync(ct);
        return c;
    }

    /// <summary>Why this user may not approve or return the case now, or null when they may (single and bulk review).</summary>
    public static string? ReviewRefusal(Actor actor, Case c)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(c);
        if (!RoleInfo.MayReview(actor.Role, c.Unit)) return $"该任务由{RoleInfo.UnitName(c.Unit)}核查，您不能审核。";
        if (c.State != CaseState.Submitted) return $"任务状态为“{RoleInfo.StateName(c.State)}”，不在待审核状态。";
        return null;
    }

    private void StageApproval(Actor actor, Case c, string? note)
    {
        c.State = CaseState.Closed;
        c.ClosedAt = Now;
        Stage(actor, c, "审核通过", null, ApprovalNote(note));
    }

    private void StageReturn(Actor actor, Case c, string note)
    {
        c.State = CaseState.Returned;
        Stage(actor, c, "退回", null, note.Trim());
    }

    private static string? ApprovalNote(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    /// <summary>Why the county education office may not send the case to its township (派发乡镇), or null.</summary>
    public static string? DispatchRefusal(Actor actor, Case c)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(c);
        if (!RoleInfo.MayDispatch(actor.Role)) return "只有县级教育部门可以派发任务至乡镇。";
        if (!RoleInfo.Dispatchable(c.Category)) return $"“{CategoryNames.Chinese(c.Category)}”的任务不派发至乡镇。";
        if (c.Unit == Unit.Township) return $"任务已派发至{c.Township}。";
        if (c.Unit != Unit.Education) return $"该任务由{RoleInfo.UnitName(c.Unit)}核查，不能派发。";
        if (c.State is not (CaseState.Open or CaseState.Returned)) return $"任务状态为“{RoleInfo.StateName(c.State)}”，不能派发。";
        if (c.Township is null) return "任务没有乡镇信息（名单未填乡镇，或户籍不在本县），不能派发。";
        return null;
    }

    /// <summary>Why the county education office may not take a dispatched case back (收回), or null.</summary>
    public static string? RecallRefusal(Actor actor, Case c)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(c);
        if (!RoleInfo.MayDispatch(actor.Role)) return "只有县级教育部门可以收回派发的任务。";
        if (c.Unit != Unit.Township) return "任务未派发至乡镇。";
        if (c.State is not (CaseState.Open or CaseState.Returned)) return $"任务状态为“{RoleInfo.StateName(c.State)}”，不能收回（待审核的请审核或退回）。";
        return null;
    }

    /// <summary>At most this many cases per bulk action (a page of the list at its largest).</summary>
    public const int MaxBulk = 500;

    /// <summary>
    /// 批量审核通过 / 批量退回 / 派发乡镇 / 收回: each selected case through the rules of the single action (scope,
    /// role, state, the version the page showed), all the accepted ones saved in one transaction with their
    /// history events and audit entries. A case changed meanwhile (its version moved, or a simultaneous change
    /// won the save) is refused, not the others. Returns what was done and what was refused, and why.
    /// </summary>
    public async Task<BulkOutcome> BulkAsync(Actor actor, BulkAction action, IReadOnlyList<BulkItem> items, string? note, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) throw new WorkflowException("请先勾选任务。");
        var wanted = items.DistinctBy(i => i.CaseId).ToList();
        if (wanted.Count > MaxBulk) throw new WorkflowException($"每次最多批量处理 {MaxBulk} 条任务。");
        if (action == BulkAction.Return && string.IsNullOrWhiteSpace(note)) throw new WorkflowException("退回时须说明原因。");
        var refused = new Dictionary<long, BulkRefusal>();
        bool postgres = db.Database.IsNpgsql();
        // SQLite has one writer: bulk actions waiting for it retried on a timer, not in turn (p50 121 ms, p99 5.6 s
        // with 20 users); they now queue here first come, first served.
        if (!postgres) await SqliteBulkGate.WaitAsync(ct);
        try
        {
            return await BulkInTurnAsync(actor, action, wanted, note, refused, postgres, ct);
        }
        finally
        {
            if (!postgres) SqliteBulkGate.Release();
        }
    }

    private static readonly SemaphoreSlim SqliteBulkGate = new(1, 1);

    private async Task<BulkOutcome> BulkInTurnAsync(Actor actor, BulkAction action, List<BulkItem> wanted, string? note,
        Dictionary<long, BulkRefusal> refused, bool postgres, CancellationToken ct)
    {
        for (int attempt = 0; ; attempt++)
        {
            var pending = wanted.Where(i => !refused.ContainsKey(i.CaseId)).ToList();
            var ids = pending.Select(i => i.CaseId).ToList();
            // One transaction (on SQLite it takes the write lock at once). The accepted cases are changed by one UPDATE
            // per version the page showed, whose trigger moves the counters in key order. One UPDATE locks its cases in
            // key order itself (the primary key's scan of the sorted array) before its trigger locks any counter; with
            // several versions, two bulk actions could each hold counters the other's next UPDATE waits for, so on
            // PostgreSQL their cases are then locked in key order first. The usual single version takes no such lock:
            // it cost 16-39 ms and a WAL record per case of a 500-case approval (one officer, 1 M cases).
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (postgres && pending.Select(i => i.Version).Distinct().Skip(1).Any()) await LockCasesAsync(ids, ct);
            // Only the columns the rules and the history read, not the list row's JSON. Not tracked.
            var cases = await db.LiveCases.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new Case { Id = c.Id, RoundId = c.RoundId, Version = c.Version, State = c.State, Unit = c.Unit, Category = c.Category, Township = c.Township, PersonName = c.PersonName })
                .ToDictionaryAsync(c => c.Id, ct);
            var done = new List<BulkItem>();
            var events = new List<CaseEvent>();
            var entries = new List<AuditEntry>();
            foreach (var item in pending)
            {
                if (!cases.TryGetValue(item.CaseId, out var c))
                {
                    refused[item.CaseId] = new BulkRefusal(item.CaseId, null, "任务不存在或不在您的管辖范围内。");
                    continue;
                }
                string? refusal = item.Version != c.Version
                    ? $"任务已被他人处理或修改（当前状态：{RoleInfo.StateName(c.State)}），未处理。"
                    : action switch
                    {
                        BulkAction.Approve or BulkAction.Return => ReviewRefusal(actor, c),
                        BulkAction.Dispatch => DispatchRefusal(actor, c),
                        _ => RecallRefusal(actor, c),
                    };
                if (refusal is not null)
                {
                    refused[item.CaseId] = new BulkRefusal(c.Id, c.PersonName, refusal);
                    continue;
                }
                // The history event and audit entry of each case, as the single action writes them; kept out of EF's change
                // tracker (1,000 tracked rows cost the bulk action, and on SQLite the officers queued behind it, their time).
                var (history, entry) = action switch
                {
                    BulkAction.Approve => History(actor, c, "审核通过", null, ApprovalNote(note)),
                    BulkAction.Return => History(actor, c, "退回", null, note!.Trim()),
                    BulkAction.Dispatch => History(actor, c, AuditActions.DispatchTownship, null, $"派发至 {c.Township}" + (string.IsNullOrWhiteSpace(note) ? "" : "：" + note.Trim())),
                    _ => History(actor, c, AuditActions.Recall, null, $"由 {c.Township} 收回县级教育部门" + (string.IsNullOrWhiteSpace(note) ? "" : "：" + note.Trim())),
                };
                events.Add(history);
                entries.Add(entry);
                done.Add(item);
            }
            if (done.Count > 0)
                entries.Add(audit.Entry(actor.UserName, action == BulkAction.Approve ? AuditActions.BulkApprove : action == BulkAction.Return ? AuditActions.BulkReturn
                    : action == BulkAction.Dispatch ? AuditActions.DispatchTownship : AuditActions.BulkRecall, "核查任务", $"{done.Count} 条已处理，{refused.Count} 条未处理" + (string.IsNullOrWhiteSpace(note) ? "" : "；" + note.Trim())));
            try
            {
                // The history events and audit entries first, then the cases: the counters the UPDATE's trigger
                // locks are held only from that statement to the commit just after it. Locked at the start of the
                // transaction, five officers of a county approving at once queued behind each other's whole
                // transaction (p50 1.3 s waiting for the counters, 20 users, 1 M cases).
                await BulkHistoryWriter.SaveAsync(db, events, entries, ct);
                int changed = await ApplyBulkAsync(action, done, [.. done.Select(i => cases[i.CaseId].RoundId).Distinct()], ct);
                if (changed == done.Count)
                {
                    await tx.CommitAsync(ct);
                    db.ChangeTracker.Clear();
                    return new BulkOutcome(action, done.Count, [.. wanted.Where(i => refused.ContainsKey(i.CaseId)).Select(i => refused[i.CaseId])]);
                }
            }
            catch (Exception ex) when (IsTransient(ex) && attempt < 3)
            {
                // A deadlock or serialization failure with a single-case change (the locks above prevent one
                // between bulk actions): nothing was saved; the whole selection is tried again.
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                continue;
            }
            // A simultaneous change won some of these cases (their version moved between the read and the update,
            // which the locks leave to a store without row locks): they are refused, the others tried again.
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var doneIds = done.Select(i => i.CaseId).ToList();
            var versions = await db.Cases.AsNoTracking().Where(c => doneIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Version, ct);
            var lost = done.Where(i => versions.GetValueOrDefault(i.CaseId, -1) != i.Version).Select(i => i.CaseId).ToList();
            if (lost.Count == 0 || attempt >= 3) lost = doneIds;
            foreach (long id in lost)
                refused[id] = new BulkRefusal(id, cases.GetValueOrDefault(id)?.PersonName, "任务刚被他人处理或修改，未处理。");
        }
    }

    /// <summary>
    /// The accepted cases of a bulk action, changed by one UPDATE per version the page showed (usually one), each
    /// only where the case still has that version. The counters' triggers then run once per statement, not once
    /// per case: 500 single-row UPDATEs took 3 s on PostgreSQL with 20 users. The cases' rounds are given too, so that
    /// on PostgreSQL the UPDATE looks for them in those rounds' partitions only, not in every round the store holds.
    /// Returns how many cases changed.
    /// </summary>
    private async Task<int> ApplyBulkAsync(BulkAction action, List<BulkItem> accepted, List<int> rounds, CancellationToken ct)
    {
        int changed = 0;
        var closedAt = (DateTime?)Now;
        foreach (var group in accepted.GroupBy(i => i.Version))
        {
            var groupIds = group.Select(i => i.CaseId).ToList();
            int version = group.Key;
            var q = db.Cases.Where(c => rounds.Contains(c.RoundId) && groupIds.Contains(c.Id) && c.Version == version);
            changed += action switch
            {
                BulkAction.Approve => await q.ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CaseState.Closed)
                    .SetProperty(c => c.ClosedAt, closedAt).SetProperty(c => c.Version, c => c.Version + 1), ct),
                BulkAction.Return => await q.ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CaseState.Returned)
                    .SetProperty(c => c.Version, c => c.Version + 1), ct),
                BulkAction.Dispatch => await q.ExecuteUpdateAsync(s => s.SetProperty(c => c.Unit, Unit.Township).SetProperty(c => c.State, CaseState.Open)
                    .SetProperty(c => c.Version, c => c.Version + 1), ct),
                _ => await q.ExecuteUpdateAsync(s => s.SetProperty(c => c.Unit, Unit.Education).SetProperty(c => c.State, CaseState.Open)
                    .SetProperty(c => c.Version, c => c.Version + 1), ct),
            };
        }
        return changed;
    }

    private async Task LockCasesAsync(List<long> ids, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(
            "SELECT 1 FROM cases WHERE \"Id\" = ANY(@ids) ORDER BY \"Id\" FOR UPDATE", [new Npgsql.NpgsqlParameter("ids", ids.ToArray())], ct);
    }

    /// <summary>PostgreSQL's deadlock (40P01) or serialization failure (40001): the transaction was rolled back and may be run again.</summary>
    private static bool IsTransient(Exception ex) =>
        (ex as Npgsql.PostgresException ?? ex.InnerException as Npgsql.PostgresException) is { SqlState: "40P01" or "40001" };

    public static string BulkName(BulkAction action) => action switch
    {
        BulkAction.Approve => AuditActions.BulkApprove,
        BulkAction.Return => AuditActions.BulkReturn,
        BulkAction.Dispatch => AuditActions.DispatchTownship,
        _ => AuditActions.BulkRecall,
    };

    /// <summary>
    /// 改派: the province sends a case to another county (a wrong or unknown responsible county).
    /// The case starts again there as 待核查; its history stays with it.
    /// </summary>
    public async Task<Case> ReassignAsync(Actor actor, long caseId, int countyCode, string? note, int? expectedVersion = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!RoleInfo.ManagesRounds(actor.Role)) throw new WorkflowException("只有省级管理员可以改派任务。");
        var c = await LoadAsync(caseId, expectedVersion, ct);
        if (c.State == CaseState.Closed) throw new WorkflowException("任务已办结，不能改派。");
        var county = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == countyCode && r.Level == 3, ct);
        if (county is null || !actor.Scope.Contains(countyCode)) throw new WorkflowException("改派目标须为您辖区内的县级单位。");
        if (county.Code == c.CountyCode) throw new WorkflowException("任务已属于该县。");
        string from = c.CountyName;
        c.CountyCode = county.Code;
        c.CountyName = Bidui.Core.Regions.RegionTable.Default.FullName(county.Code) is { Length: > 0 } full ? full : county.Name;
        // A school or township of the old county cannot act in the new one: the county education office takes it.
        if (c.Unit is Unit.School or Unit.Township) c.Unit = Unit.Education;
        c.SchoolCode = null;
        c.SchoolName = null;
        c.Township = null;
        c.Village = null;
        c.State = CaseState.Open;
        await RecordAsync(actor, c, "改派", null, $"由 {from} 改派至 {c.CountyName}" + (string.IsNullOrWhiteSpace(note) ? "" : "：" + note.Trim()), ct);
        return c;
    }

    /// <summary>The full number, for a role that may see it; the reveal is audited (by case, never by number).</summary>
    public async Task<string> RevealIdAsync(Actor actor, long caseId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!RoleInfo.MayRevealId(actor.Role)) throw new WorkflowException("您的角色不能查看完整证件号码。");
        var c = await LoadAsync(caseId, null, ct);
        await audit.WriteAsync(actor.UserName, "显示完整证件号", CaseTarget(c.Id), $"{CategoryNames.Chinese(c.Category)}；{c.PersonName}", ct);
        return c.IdNumber;
    }

    public Task AuditViewAsync(Actor actor, Case c, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(c);
        return audit.WriteAsync(actor.UserName, "查看人员", CaseTarget(c.Id), $"{CategoryNames.Chinese(c.Category)}；{c.PersonName}", ct);
    }

    /// <summary>Evidence may be added to a case until it is closed, by its unit and by its reviewers (a page upload needs no submission).</summary>
    public static bool CanAddAttachment(Actor actor, Case c) =>
        c.State != CaseState.Closed && (RoleInfo.MaySubmit(actor.Role, c.Unit) || RoleInfo.MayReview(actor.Role, c.Unit));

    /// <summary>
    /// Evidence may be removed only while the case waits for its unit (待核查, 已退回): never once it is submitted for review
    /// or closed, so what a reviewer decided on stays. By the person who uploaded it, or by the unit that answers the case.
    /// </summary>
    public static bool CanDeleteAttachment(Actor actor, Case c, Attachment a) =>
        c.State is CaseState.Open or CaseState.Returned && (a.UploadedBy == actor.UserName || RoleInfo.MayAnswer(actor.Role, c.Unit));

    public async Task<Attachment> AddAttachmentAsync(Actor actor, long caseId, string fileName, string contentType, Stream content, int? expectedVersion = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        var c = await LoadAsync(caseId, expectedVersion, ct);
        if (!RoleInfo.MaySubmit(actor.Role, c.Unit) && !RoleInfo.MayReview(actor.Role, c.Unit)) throw new WorkflowException("您不能为此任务上传附件。");
        if (c.State == CaseState.Closed) throw new WorkflowException("任务已办结，不能再上传附件。");
        Directory.CreateDirectory(store.AttachmentsDirectory);
        // Stored under a random name: the user's file name is data, not a path.
        string stored = Guid.NewGuid().ToString("N") + Path.GetExtension(Path.GetFileName(fileName)).ToLowerInvariant();
        string path = Path.Combine(store.AttachmentsDirectory, stored);
        long size;
        try
        {
            await using var file = StoreFiles.Create(path);
            size = await _attachments.CopyAsync(fileName, content, file, ct);
        }
        catch (WorkflowException)
        {
            File.Delete(path);
            throw;
        }
        var attachment = new Attachment
        {
            CaseId = c.Id, FileName = Path.GetFileName(fileName), ContentType = contentType, Size = size, StoredName = stored, UploadedBy = actor.UserName, At = Now,
        };
        c.Attachments.Add(attachment);
        try
        {
            await RecordAsync(actor, c, AuditActions.UploadAttachment, null, attachment.FileName, ct);
        }
        catch (CaseConflictException)
        {
            File.Delete(Path.Combine(store.AttachmentsDirectory, stored));
            throw;
        }
        return attachment;
    }

    /// <summary>
    /// Removes an attachment before the case is submitted (<see cref="CanDeleteAttachment"/>): the row goes with a history
    /// event and an audit entry naming the file, then the stored file is deleted.
    /// </summary>
    public async Task DeleteAttachmentAsync(Actor actor, long caseId, long attachmentId, int? expectedVersion = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var c = await LoadAsync(caseId, expectedVersion, ct);
        var a = c.Attachments.FirstOrDefault(x => x.Id == attachmentId) ?? throw new WorkflowException("附件不存在或已被删除。");
        if (!CanDeleteAttachment(actor, c, a))
            throw new WorkflowException(c.State is CaseState.Open or CaseState.Returned
                ? "只有上传者或负责核查的单位可以删除附件。"
                : $"任务状态为“{RoleInfo.StateName(c.State)}”，已提交的佐证材料不能删除。");
        db.Attachments.Remove(a);
        await RecordAsync(actor, c, AuditActions.DeleteAttachment, null, a.FileName, ct);
        // After the commit: a failed save keeps the file its row still names.
        File.Delete(Path.Combine(store.AttachmentsDirectory, a.StoredName));
    }

    /// <summary>An attachment of a case in scope, and the path of its bytes; a download or a preview, audited as such.</summary>
    public async Task<(Attachment Attachment, string Path)?> OpenAttachmentAsync(Actor actor, long attachmentId, bool preview = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var a = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == attachmentId && db.LiveCases.Any(c => c.Id == x.CaseId), ct);
        if (a is null) return null;
        await audit.WriteAsync(actor.UserName, preview ? AuditActions.PreviewAttachment : AuditActions.DownloadAttachment, CaseTarget(a.CaseId), a.FileName, ct);
        return (a, Path.Combine(store.AttachmentsDirectory, a.StoredName));
    }

    public static string CaseTarget(long caseId) => "任务 " + caseId.ToString(CultureInfo.InvariantCulture);

    private async Task<Case> LoadAsync(long caseId, int? expectedVersion, CancellationToken ct)
    {
        var c = await db.LiveCases.Include(c => c.Attachments).SingleOrDefaultAsync(c => c.Id == caseId, ct)
            ?? throw new WorkflowException("任务不存在或不在您的管辖范围内。");
        if (expectedVersion is { } seen && seen != c.Version)
            throw new CaseConflictException($"任务已被他人处理或修改（当前状态：{RoleInfo.StateName(c.State)}），您的操作未生效：请查看最新状态后再操作。");
        return c;
    }

    /// <summary>A case change with its history event and its audit entry, saved together (<see cref="SaveAsync"/>).</summary>
    private void Stage(Actor actor, Case c, string action, string? result, string? note)
    {
        var (history, entry) = History(actor, c, action, result, note);
        db.CaseEvents.Add(history);
        c.Version++;
        db.Audit.Add(entry);
    }

    /// <summary>A change's history event and audit entry (the entry names the list, the result and the note, never the ID number).</summary>
    private (CaseEvent Event, AuditEntry Entry) History(Actor actor, Case c, string action, string? result, string? note) =>
        (new CaseEvent { CaseId = c.Id, At = Now, UserName = actor.UserName, Action = action, Result = result, Note = note },
         audit.Entry(actor.UserName, action, CaseTarget(c.Id), string.Join("；", new[] { CategoryNames.Chinese(c.Category), result, note }.Where(s => !string.IsNullOrEmpty(s)))));

    private async Task RecordAsync(Actor actor, Case c, string action, string? result, string? note, CancellationToken ct)
    {
        Stage(actor, c, action, result, note);
        await SaveAsync(ct);
    }

    /// <summary>The one place case changes are saved, under the versions they were loaded at: one winner, the others told to reload.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            db.ChangeTracker.Clear();
            throw new CaseConflictException("任务刚被他人处理或修改，您的操作未生效：请查看最新状态后再操作。", ex);
        }
    }
}
