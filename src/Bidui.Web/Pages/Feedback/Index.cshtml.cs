using System.Globalization;
using System.Net;
using Bidui.Inputs;
using Bidui.Web.Hosting;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Feedback;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages.Feedback;

/// <summary>
/// Bulk feedback: the template download, and the returned workbook, which streams to a staging file
/// and is checked and applied by a background job (<see cref="JobQueue.Feedback"/>) whose progress
/// and outcome the page shows.
/// </summary>
[Uploads(UploadKind.Feedback)]
public sealed class IndexModel(FeedbackWorkbook workbook, RoundService rounds, StoreOptions store, FeedbackJobs jobs, BackgroundJobs queue) : AppPageModel
{
    private static readonly string[] WorkbookTypes = [".xlsx", ".xls", ".csv"];

    [BindProperty(SupportsGet = true)] public int? RoundId { get; set; }
    [BindProperty(SupportsGet = true, Name = "job")] public Guid? JobId { get; set; }
    public IReadOnlyList<Round> Rounds { get; private set; } = [];
    public FeedbackJob? Job { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (JobId is { } id) Job = jobs.Get(id, Actor.UserId);
    }

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (RoundId is null) return NotFound();
        var path = StagingPath(".xlsx");
        try
        {
            await workbook.WriteTemplateAsync(Actor, RoundId.Value, path, ct);
            var bytes = await System.IO.File.ReadAllBytesAsync(path, ct);
            return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                string.Create(CultureInfo.InvariantCulture, $"核查反馈模板_批次{RoundId}.xlsx"));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        string? staged = null, name = null;
        var fields = await MultipartUpload.ReadAsync(Request, async file =>
        {
            if (!file.Field.Equals("Workbook", StringComparison.OrdinalIgnoreCase) || staged is not null) return;
            string ext = Path.GetExtension(file.FileName).ToLowerInvariant();
            if (!WorkbookTypes.Contains(ext)) return;
            name = file.FileName;
            staged = StagingPath(ext);
            await using var target = StoreFiles.Create(staged);
            await file.Content.CopyToAsync(target, ct);
        }, ct);
        int? roundId = int.TryParse(fields.GetValueOrDefault("RoundId"), NumberStyles.None, CultureInfo.InvariantCulture, out int r) ? r : null;
        bool applyValid = fields.GetValueOrDefault("ApplyValidRows") == "true";
        if (roundId is null || staged is null || new FileInfo(staged).Length == 0)
        {
            if (staged is not null) System.IO.File.Delete(staged);
            TempData["Error"] = "请选择批次和填好的反馈工作簿（xlsx、xls 或 csv）。";
            return RedirectInApp("/Feedback");
        }
        var actor = Actor;
        var job = jobs.Start(actor.UserId, roundId.Value, name!);
        string path = staged, fileName = name!;
        queue.Enqueue(JobQueue.Feedback, "批量反馈 " + job.Id, async (sp, stop) =>
        {
            try
            {
                // The job reads and writes as the user who uploaded: their scope, their role.
                sp.GetRequiredService<BiduiDbContext>().SetScope(actor.Scope);
                var result = await sp.GetRequiredService<FeedbackWorkbook>().UploadAsync(actor, roundId.Value, path, applyValid, jobs.Progress(job.Id), stop);
                jobs.Finish(job.Id, result, null);
            }
            catch (WorkflowException ex)
            {
                jobs.Finish(job.Id, null, ex is CaseConflictException ? "处理期间有任务被他人修改，未提交任何结果：请重新上传。" : ex.Message);
            }
            catch (InputFileException ex)
            {
                // The message names the file: the user's name for it, never the staging path.
                jobs.Finish(job.Id, null, "无法读取工作簿：" + ex.Message.Replace(path, fileName, StringComparison.Ordinal).Replace(Path.GetFileName(path), fileName, StringComparison.Ordinal));
            }
            catch (Exception)
            {
                jobs.Finish(job.Id, null, "处理工作簿时发生错误，未提交任何结果。请稍后重试或联系管理员。");
                throw;
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        });
        return RedirectInApp(string.Create(CultureInfo.InvariantCulture, $"/Feedback?RoundId={roundId}&job={job.Id}"));
    }

    /// <summary>The progress panel (htmx polls it); when the job ends the page reloads itself with the outcome.</summary>
    public IActionResult OnGetProgress()
    {
        var job = JobId is { } id ? jobs.Get(id, Actor.UserId) : null;
        if (job is null || job.Finished)
        {
            Response.Headers["HX-Refresh"] = "true";
            return Content("完成", "text/html; charset=utf-8");
        }
        string amount = job.Total is { } total && total > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{job.Done:N0} / {total:N0}")
            : string.Create(CultureInfo.InvariantCulture, $"{job.Done:N0}");
        return Content($"<div>{WebUtility.HtmlEncode(job.Step)}：{amount}</div>", "text/html; charset=utf-8");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rounds = [.. (await rounds.ListAsync(ct)).Where(r => r.State == RoundState.Done)];
        RoundId ??= Rounds.FirstOrDefault()?.Id;
    }

    private string StagingPath(string extension)
    {
        var dir = Path.Combine(store.DataDirectory, "tmp");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, Guid.NewGuid().ToString("N") + extension);
    }
}
