using System.Net;
using System.Text.Json;
using Bidui.Web.Hosting;
using Bidui.Workflow.Access;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Web.Pages.Cases;

[Uploads(UploadKind.Attachments)]
public sealed class DetailModel(CaseQueries queries, CaseWorkflow workflow, BiduiDbContext db, StoreOptions store, AttachmentPolicy attachments, DeploymentOptions deployment)
    : AppPageModel
{
    public AttachmentPolicy Attachments => attachments;
    /// <summary>Counties the province may send the case to (filled for administrators only).</summary>
    public IReadOnlyList<Region> Counties { get; private set; } = [];
    public Case Case { get; private set; } = new();
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; private set; } = [];
    public string? Error { get; private set; }
    public bool CanSubmit => CaseWorkflow.CanSubmit(Actor, Case);
    public bool CanReview => CaseWorkflow.CanReview(Actor, Case);
    /// <summary>The round's deadline, which is the case's.</summary>
    public DateOnly? Deadline { get; private set; }
    /// <summary>The later round that no longer listed the case (the problem went away), if any.</summary>
    public int? ResolvedIn { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await workflow.AuditViewAsync(Actor, Case, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevealAsync(long id, CancellationToken ct)
    {
        try
        {
            return Content(WebUtility.HtmlEncode(await workflow.RevealIdAsync(Actor, id, ct)), "text/html; charset=utf-8");
        }
        catch (WorkflowException)
        {
            return NotFound();
        }
    }

    /// <summary>
    /// Every change names the version of the case the page showed (<c>version</c>): a case changed meanwhile
    /// is not changed again. The evidence arrives with the result: each file is checked (type, first bytes,
    /// size) as it streams to a staging file, the result is submitted, then the files are attached.
    /// </summary>
    public async Task<IActionResult> OnPostSubmitAsync(long id, CancellationToken ct)
    {
        var staged = new List<StagedFile>();
        try
        {
            return await Act(id, async () =>
            {
                var fields = await StageFilesAsync(staged, ct);
                int? version = int.TryParse(fields.GetValueOrDefault("version"), out int v) ? v : null;
                // Submit first: a refused submission leaves no attachments behind.
                await workflow.SubmitAsync(Actor, id, fields.GetValueOrDefault("result") ?? "", fields.GetValueOrDefault("note"), version, ct);
                await AttachAsync(id, staged, null, ct);
                return "核查结果已提交，等待审核。";
            }, ct);
        }
        finally
        {
            foreach (var f in staged) System.IO.File.Delete(f.Path);
        }
    }

    /// <summary>Evidence added later, without a submission (until the case is closed).</summary>
    public async Task<IActionResult> OnPostAttachAsync(long id, CancellationToken ct)
    {
        var staged = new List<StagedFile>();
        try
        {
            return await Act(id, async () =>
            {
                var fields = await StageFilesAsync(staged, ct);
                if (staged.Count == 0) throw new WorkflowException("请选择要上传的佐证材料。");
                await AttachAsync(id, staged, int.TryParse(fields.GetValueOrDefault("version"), out int v) ? v : null, ct);
                return $"已上传 {staged.Count} 个附件。";
            }, ct);
        }
        finally
        {
            foreach (var f in staged) System.IO.File.Delete(f.Path);
        }
    }

    public Task<IActionResult> OnPostDeleteAttachmentAsync(long id, long attachmentId, int? version, CancellationToken ct) =>
        Act(id, async () => { await workflow.DeleteAttachmentAsync(Actor, id, attachmentId, version, ct); return "附件已删除。"; }, ct);

    public Task<IActionResult> OnPostReassignAsync(long id, int county, string? note, int? version, CancellationToken ct) =>
        Act(id, async () => { var c = await workflow.ReassignAsync(Actor, id, county, note, version, ct); return $"已改派至 {c.CountyName}。"; }, ct);

    /// <summary>派发乡镇 / 收回 from the case page: the bulk action's rules, for this one case.</summary>
    public Task<IActionResult> OnPostDispatchAsync(long id, bool recall, string? note, int version, CancellationToken ct) =>
        Act(id, async () =>
        {
            var action = recall ? BulkAction.Recall : BulkAction.Dispatch;
            var outcome = await workflow.BulkAsync(Actor, action, [new BulkItem(id, version)], note, ct);
            if (outcome.Refused.Count > 0) throw new WorkflowException(outcome.Refused[0].Reason);
            return recall ? "已收回县级教育部门。" : "已派发乡镇。";
        }, ct);

    /// <summary>The county education office may send this dropout case to its township, or take a dispatched one back.</summary>
    public BulkAction? DispatchAction =>
        CaseWorkflow.DispatchRefusal(Actor, Case) is null ? BulkAction.Dispatch
        : CaseWorkflow.RecallRefusal(Actor, Case) is null ? BulkAction.Recall
        : null;

    public Task<IActionResult> OnPostApproveAsync(long id, string? note, int? version, CancellationToken ct) =>
        Act(id, async () => { await workflow.ApproveAsync(Actor, id, note, version, ct); return "已审核通过，任务办结。"; }, ct);

    public Task<IActionResult> OnPostReturnAsync(long id, string? note, int? version, CancellationToken ct) =>
        Act(id, async () => { await workflow.ReturnAsync(Actor, id, note ?? "", version, ct); return "已退回，待重新核查。"; }, ct);

    /// <summary>
    /// An attachment: downloaded, or with <paramref name="preview"/> shown in the browser when it is a photo or a PDF
    /// (<see cref="AttachmentPolicy.PreviewType"/>: by an allow-list, under a policy that lets it run nothing).
    /// </summary>
    public async Task<IActionResult> OnGetAttachmentAsync(long id, long attachmentId, bool preview, CancellationToken ct)
    {
        string? inline = preview ? attachments.PreviewType(await AttachmentNameAsync(id, attachmentId, ct) ?? "") : null;
        var found = await workflow.OpenAttachmentAsync(Actor, attachmentId, inline is not null, ct);
        if (found is null || found.Value.Attachment.CaseId != id || !System.IO.File.Exists(found.Value.Path)) return NotFound();
        if (inline is null) return PhysicalFile(found.Value.Path, "application/octet-stream", found.Value.Attachment.FileName);
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(found.Value.Attachment.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        // Stricter than the pages' policy: no script, no form, nothing from elsewhere; object-src 'self' is the PDF viewer's own plugin.
        Response.Headers.ContentSecurityPolicy = PreviewContentSecurityPolicy;
        return PhysicalFile(found.Value.Path, inline);
    }

    public const string PreviewContentSecurityPolicy =
        "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private Task<string?> AttachmentNameAsync(long id, long attachmentId, CancellationToken ct) =>
        db.Attachments.AsNoTracking().Where(a => a.Id == attachmentId && a.CaseId == id).Select(a => a.FileName).FirstOrDefaultAsync(ct);

    private sealed record StagedFile(string Name, string Type, string Path);

    /// <summary>The form's fields, each file checked (type, first bytes, size) as it streams to a staging file.</summary>
    private async Task<Dictionary<string, string>> StageFilesAsync(List<StagedFile> staged, CancellationToken ct) =>
        await MultipartUpload.ReadAsync(Request, async file =>
        {
            if (!file.Field.Equals("Files", StringComparison.OrdinalIgnoreCase) || file.FileName.Length == 0) return;
            if (staged.Count >= deployment.Limits.AttachmentsPerSubmission)
                throw new WorkflowException($"每次最多上传 {deployment.Limits.AttachmentsPerSubmission} 个附件。");
            string path = StagingPath();
            staged.Add(new StagedFile(file.FileName, file.ContentType, path));
            await using var target = StoreFiles.Create(path);
            await attachments.CopyAsync(file.FileName, file.Content, target, ct);
        }, ct);

    /// <summary>Attaches the staged files; the first names the version the page showed, the rest follow it.</summary>
    private async Task AttachAsync(long id, List<StagedFile> staged, int? version, CancellationToken ct)
    {
        foreach (var f in staged)
        {
            await using var stream = System.IO.File.OpenRead(f.Path);
            await workflow.AddAttachmentAsync(Actor, id, f.Name, f.Type, stream, version, ct);
            version = null;
        }
    }

    private string StagingPath()
    {
        var dir = Path.Combine(store.DataDirectory, "tmp");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, Guid.NewGuid().ToString("N"));
    }

    private async Task<IActionResult> Act(long id, Func<Task<string>> action, CancellationToken ct)
    {
        try
        {
            TempData["Message"] = await action();
            return RedirectInApp($"/Cases/Detail/{id}");
        }
        catch (WorkflowException ex) when (Request.Headers["HX-Request"] == "true")
        {
            // htmx navigates to the case again, which shows the reason (and the case as it now is).
            TempData["Error"] = ex.Message;
            return RedirectInApp($"/Cases/Detail/{id}");
        }
        catch (WorkflowException ex)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            Error = ex.Message;
            // 409: the case moved on; the page now shows its current state.
            if (ex is CaseConflictException) Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var c = await queries.FindAsync(id, ct);
        if (c is null) return false;
        Case = c;
        Deadline = await db.Rounds.AsNoTracking().Where(r => r.Id == c.RoundId).Select(r => (DateOnly?)r.Deadline).SingleOrDefaultAsync(ct);
        ResolvedIn = await queries.ResolvedInAsync(c, ct);
        if (RoleInfo.ManagesRounds(Actor.Role) && c.State != CaseState.Closed)
        {
            var (min, max) = (Actor.Scope.MinCounty, Actor.Scope.MaxCounty);
            Counties = await db.Regions.AsNoTracking().Where(r => r.Level == 3 && r.Code >= min && r.Code <= max).OrderBy(r => r.Code).ToListAsync(ct);
        }
        Details = [.. JsonSerializer.Deserialize<Dictionary<string, string>>(c.Details) ?? []];
        return true;
    }
}
