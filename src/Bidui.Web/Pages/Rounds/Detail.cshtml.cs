using System.Globalization;
using System.Net;
using Bidui.Web.Hosting;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages.Rounds;

[Uploads(UploadKind.Inputs)]
public sealed class DetailModel(RoundService rounds, BackgroundJobs jobs, RoundProgressBoard board, RoundOutputs outputs) : AppPageModel
{
    /// <summary>The run's files this user may download (by role and scope: <see cref="RoundOutputs"/>).</summary>
    public IReadOnlyList<RoundOutput> Outputs { get; private set; } = [];
    /// <summary>Rows read, blank, rejected and loaded per input, from the run's summary.json.</summary>
    public IReadOnlyList<InputAccount> Accounting { get; private set; } = [];
    public Round Round { get; private set; } = new();
    public CoverageView? Coverage { get; private set; }
    public WithdrawalView? Withdrawal { get; private set; }
    public string? Error { get; private set; }
    public RoundSupervisionInputs Supervision { get; private set; } = new([], false, false);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, null, ct);

    /// <summary>Each file goes straight from the request into the round's folder as it arrives (files of gigabytes).</summary>
    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken ct)
    {
        var saved = new List<string>();
        try
        {
            await MultipartUpload.ReadAsync(Request, async file =>
            {
                string? kind = file.Field.ToLowerInvariant() switch
                {
                    "students" => RoundFiles.Students,
                    "poverty" => RoundFiles.Poverty,
                    "aid" => RoundFiles.Aid,
                    _ => null,
                };
                if (kind is null) return;
                await rounds.SaveInputAsync(Actor, id, kind, file.FileName, file.Content, ct);
                saved.Add(file.FileName);
            }, ct);
            if (saved.Count == 0) throw new WorkflowException("请选择要上传的数据文件。");
            TempData["Message"] = "文件已上传。";
        }
        catch (WorkflowException ex)
        {
            TempData["Error"] = ex.Message;
        }
        return RedirectInApp($"/Rounds/Detail/{id}");
    }

    /// <summary>The aid-supervision inputs, streamed like the datasets: one eligibility register under its label, the project catalogue, the key counties.</summary>
    public async Task<IActionResult> OnPostSupervisionAsync(int id, CancellationToken ct)
    {
        try
        {
            int saved = 0;
            string? label = null;
            // The label comes before the file in the form, so it is known when the register's bytes arrive.
            await MultipartUpload.ReadAsync(Request, async file =>
            {
                switch (file.Field.ToLowerInvariant())
                {
                    case "register":
                        await rounds.SaveRegisterAsync(Actor, id, label ?? "", file.FileName, file.Content, ct);
                        saved++;
                        break;
                    case "aidprojects":
                        await rounds.SaveInputAsync(Actor, id, RoundFiles.AidProjects, file.FileName, file.Content, ct);
                        saved++;
                        break;
                    case "keycounties":
                        await rounds.SaveInputAsync(Actor, id, RoundFiles.KeyCounties, file.FileName, file.Content, ct);
                        saved++;
                        break;
                }
            }, ct, field => { if (field.Key.Equals("RegisterLabel", StringComparison.OrdinalIgnoreCase)) label = field.Value; });
            if (saved == 0)
                throw new WorkflowException(string.IsNullOrWhiteSpace(label) ? "请选择要上传的文件。" : $"请为名单“{label.Trim()}”选择文件。");
            TempData["Message"] = "文件已上传。";
        }
        catch (WorkflowException ex)
        {
            TempData["Error"] = ex.Message;
        }
        return RedirectInApp($"/Rounds/Detail/{id}");
    }

    public Task<IActionResult> OnPostRunAsync(int id, CancellationToken ct) =>
        Act(id, async () =>
        {
            await rounds.StartAsync(Actor, id, ct);
            jobs.Enqueue(JobQueue.Rounds, RoundRunner.RoundTarget(id) + " 比对", (sp, stop) => sp.GetRequiredService<RoundRunner>().RunAsync(id, stop));
            return null;
        }, ct);

    public Task<IActionResult> OnPostConfirmAsync(int id, int[]? counties, bool acceptShortInputs, CancellationToken ct) =>
        Act(id, async () =>
        {
            await rounds.ConfirmAsync(Actor, id, counties ?? [], acceptShortInputs, ct);
            jobs.Enqueue(JobQueue.Rounds, RoundRunner.RoundTarget(id) + " 导入", (sp, stop) => sp.GetRequiredService<RoundRunner>().ImportAsync(id, stop));
            return null;
        }, ct);

    public Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken ct) =>
        Act(id, async () => { await rounds.DiscardAsync(Actor, id, ct); return "已放弃比对结果，可重新上传数据文件。"; }, ct);

    public Task<IActionResult> OnPostWithdrawAsync(int id, string? reason, bool discardWork, CancellationToken ct) =>
        Act(id, async () =>
        {
            var view = await rounds.WithdrawAsync(Actor, id, reason ?? "", discardWork, ct);
            jobs.Enqueue(JobQueue.Rounds, RoundRunner.RoundTarget(id) + " 撤回", (sp, stop) => sp.GetRequiredService<RoundRunner>().PurgeAsync(id, stop));
            return $"批次已撤回：删除核查任务 {view.Cases} 条，恢复此前标为已消除的任务 {view.Reopens} 条。";
        }, ct);

    /// <summary>One output of the run, by its name among the files the run produced (no path is built from the request); audited.</summary>
    public async Task<IActionResult> OnGetOutputAsync(int id, string? name, CancellationToken ct)
    {
        var round = await rounds.FindAsync(id, ct);
        if (round is null || string.IsNullOrEmpty(name)) return NotFound();
        var found = await outputs.OpenAsync(Actor, round, name, ct);
        if (found is null || !System.IO.File.Exists(found.Value.Path)) return NotFound();
        // Always a download: the report's own script must not run under this site's origin and policy.
        return PhysicalFile(found.Value.Path, "application/octet-stream",
            string.Create(CultureInfo.InvariantCulture, $"批次{id}_{found.Value.Output.FileName}"));
    }

    /// <summary>The progress panel (htmx polls it); when the job ends the page reloads itself.</summary>
    public IActionResult OnGetProgress(int id)
    {
        var p = board.Get(id);
        if (p is null || p.Finished)
        {
            Response.Headers["HX-Refresh"] = "true";
            return Content(p?.Error is { } error ? "失败：" + WebUtility.HtmlEncode(error) : "完成", "text/html; charset=utf-8");
        }
        string amount = p.Total is { } total && total > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{p.Done:N0} / {total:N0}（{100.0 * p.Done / total:F0}%）")
            : string.Create(CultureInfo.InvariantCulture, $"{p.Done:N0}");
        return Content($"<div>第 {p.StepNumber} 步：{WebUtility.HtmlEncode(p.Step)}</div><div><progress max=\"100\" value=\"{(p.Total is > 0 ? 100 * p.Done / p.Total : 0)}\"></progress> {amount}</div>",
            "text/html; charset=utf-8");
    }

    private async Task<IActionResult> Act(int id, Func<Task<string?>> action, CancellationToken ct)
    {
        try
        {
            if (await action() is { } message) TempData["Message"] = message;
            return RedirectInApp($"/Rounds/Detail/{id}");
        }
        catch (WorkflowException ex)
        {
            return await LoadAsync(id, ex.Message, ct);
        }
    }

    private async Task<IActionResult> LoadAsync(int id, string? error, CancellationToken ct)
    {
        var round = await rounds.FindAsync(id, ct);
        if (round is null) return NotFound();
        Round = round;
        Error = error;
        if (round.State is RoundState.AwaitingConfirmation or RoundState.Importing or RoundState.Done or RoundState.Withdrawn)
            Coverage = await rounds.CoverageAsync(id, ct);
        if (round.State == RoundState.Done && Bidui.Workflow.Access.RoleInfo.ManagesRounds(Actor.Role))
            Withdrawal = await rounds.WithdrawalAsync(id, ct);
        Supervision = rounds.SupervisionInputs(id);
        Outputs = await outputs.ListAsync(Actor, round, ct);
        if (round.State is not (RoundState.Draft or RoundState.Running)) Accounting = outputs.Accounting(round);
        return Page();
    }
}
