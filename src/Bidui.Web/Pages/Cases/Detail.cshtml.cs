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
    /// <summary>Counties the province may send the case to (filled for administrators only).</summary>
    public IReadOnlyList<Region> Counties { get; private set; } = [];
    public Case Case { get; private set; } = new();
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; private set; } = [];
    public string? Error { get; private set; }
    public bool CanSubmit => CaseWorkflow.CanSubmit(Actor, Case);
    public bool CanReview => CaseWorkflow.CanReview(Actor, Case);
    /// <summary>The round's deadline, which is the case's.</summary>
    public DateOnly? Deadline { get; private set; }

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
        var staged = new List<(string Name, string Type, string Path)>();
        try
        {
            return await Act(id, async () =>
            {
                var fields = await MultipartUpload.ReadAsync(Request, async file =>
                {
                    if (!file.Field.Equals("Files", StringComparison.OrdinalIgnoreCase)) return;
                    if (staged.Count >= deployment.Limits.AttachmentsPerSubmission)
                        throw new WorkflowException($"每次最多上传 {deployment.Limits.AttachmentsPerSubmission} 个附件。");
                    string path = StagingPath();
                    staged.Add((file.FileName, file.ContentType, path));
                    await using var target = StoreFiles.Create(path);
                    await attachments.CopyAsync(file.FileName, file.Content, target, ct);
                }, ct);
                int? version = int.TryParse(fields.GetValueOrDefault("version"), out int v) ? v : null;
                // Submit first: a refused submission leaves no attachments behind.
                await workflow.SubmitAsync(Actor, id, fields.GetValueOrDefault("result") ?? "", fields.GetValueOrDefault("note"), version, ct);
                foreach (var (name, type, path) in staged)
                {
                    await using var stream = System.IO.File.OpenRead(path);
                    await workflow.AddAttachmentAsync(Actor, id, name, type, stream, null, ct);
                }
                return "核查结果已提交，等待审核。";
            }, ct);
        }
        finally
        {
            foreach (var (_, _, path) in staged) System.IO.File.Delete(path);
        }
    }

    public Task<IActionResult> OnPostReassignAsync(long id, int county, string? note, int? version, CancellationToken ct) =>
        Act(id, async () => { var c = await workflow.ReassignAsync(Actor, id, county, note, version, ct); return $"已改派至 {c.CountyName}。"; }, ct);

    public Task<IActionResult> OnPostApproveAsync(long id, string? note, int? version, CancellationToken ct) =>
        Act(id, async () => { await workflow.ApproveAsync(Actor, id, note, version, ct); return "已审核通过，任务办结。"; }, ct);

    public Task<IActionResult> OnPostReturnAsync(long id, string? note, int? version, CancellationToken ct) =>
        Act(id, async () => { await workflow.ReturnAsync(Actor, id, note ?? "", version, ct); return "已退回，待重新核查。"; }, ct);

    public async Task<IActionResult> OnGetAttachmentAsync(long id, long attachmentId, CancellationToken ct)
    {
        var found = await workflow.OpenAttachmentAsync(Actor, attachmentId, ct);
        if (found is null || found.Value.Attachment.CaseId != id || !System.IO.File.Exists(found.Value.Path)) return NotFound();
        return PhysicalFile(found.Value.Path, "application/octet-stream", found.Value.Attachment.FileName);
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
        if (RoleInfo.ManagesRounds(Actor.Role) && c.State != CaseState.Closed)
        {
            var (min, max) = (Actor.Scope.MinCounty, Actor.Scope.MaxCounty);
            Counties = await db.Regions.AsNoTracking().Where(r => r.Level == 3 && r.Code >= min && r.Code <= max).OrderBy(r => r.Code).ToListAsync(ct);
        }
        Details = [.. JsonSerializer.Deserialize<Dictionary<string, string>>(c.Details) ?? []];
        return true;
    }
}
