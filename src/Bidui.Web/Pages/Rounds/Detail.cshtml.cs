using System.Globalization;
using System.Net;
using Bidui.Web.Hosting;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages.Rounds;

public sealed class DetailModel(RoundService rounds, RoundQueue queue, RoundProgressBoard board) : AppPageModel
{
    public Round Round { get; private set; } = new();
    public string? Error { get; private set; }
    public RoundSupervisionInputs Supervision { get; private set; } = new([], false, false);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var round = await rounds.FindAsync(id, ct);
        if (round is null) return NotFound();
        Round = round;
        Supervision = rounds.SupervisionInputs(id);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? students, IFormFile? poverty, IFormFile? aid, CancellationToken ct)
    {
        try
        {
            foreach (var (kind, file) in new[] { (RoundFiles.Students, students), (RoundFiles.Poverty, poverty), (RoundFiles.Aid, aid) })
            {
                if (file is null || file.Length == 0) continue;
                await using var stream = file.OpenReadStream();
                await rounds.SaveInputAsync(Actor, id, kind, file.FileName, stream, ct);
            }
            TempData["Message"] = "文件已上传。";
            return Redirect($"/Rounds/Detail/{id}");
        }
        catch (WorkflowException ex)
        {
            return await ShowError(id, ex.Message, ct);
        }
    }

    /// <summary>The aid-supervision inputs: one eligibility register under its label, the project catalogue, the key counties.</summary>
    public async Task<IActionResult> OnPostSupervisionAsync(int id, string? registerLabel, IFormFile? register, IFormFile? aidProjects, IFormFile? keyCounties,
        CancellationToken ct)
    {
        try
        {
            if (register is { Length: > 0 })
            {
                await using var stream = register.OpenReadStream();
                await rounds.SaveRegisterAsync(Actor, id, registerLabel ?? "", register.FileName, stream, ct);
            }
            else if (!string.IsNullOrWhiteSpace(registerLabel))
            {
                throw new WorkflowException($"请为名单“{registerLabel.Trim()}”选择文件。");
            }
            foreach (var (kind, file) in new[] { (RoundFiles.AidProjects, aidProjects), (RoundFiles.KeyCounties, keyCounties) })
            {
                if (file is null || file.Length == 0) continue;
                await using var stream = file.OpenReadStream();
                await rounds.SaveInputAsync(Actor, id, kind, file.FileName, stream, ct);
            }
            return Redirect($"/Rounds/Detail/{id}");
        }
        catch (WorkflowException ex)
        {
            return await ShowError(id, ex.Message, ct);
        }
    }

    public async Task<IActionResult> OnPostRunAsync(int id, CancellationToken ct)
    {
        try
        {
            await rounds.StartAsync(Actor, id, ct);
            queue.Enqueue(id);
            return Redirect($"/Rounds/Detail/{id}");
        }
        catch (WorkflowException ex)
        {
            return await ShowError(id, ex.Message, ct);
        }
    }

    /// <summary>The progress panel (htmx polls it); when the job ends the page reloads itself.</summary>
    public IActionResult OnGetProgress(int id)
    {
        var p = board.Get(id);
        if (p is null || p.Finished)
        {
            Response.Headers["HX-Refresh"] = "true";
            return Content(p?.Error is { } error ? "比对失败：" + WebUtility.HtmlEncode(error) : "比对完成", "text/html; charset=utf-8");
        }
        string amount = p.Total is { } total && total > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{p.Done:N0} / {total:N0}（{100.0 * p.Done / total:F0}%）")
            : string.Create(CultureInfo.InvariantCulture, $"{p.Done:N0}");
        return Content($"<div>第 {p.StepNumber} 步：{WebUtility.HtmlEncode(p.Step)}</div><div><progress max=\"100\" value=\"{(p.Total is > 0 ? 100 * p.Done / p.Total : 0)}\"></progress> {amount}</div>",
            "text/html; charset=utf-8");
    }

    private async Task<IActionResult> ShowError(int id, string message, CancellationToken ct)
    {
        var round = await rounds.FindAsync(id, ct);
        if (round is null) return NotFound();
        Round = round;
        Supervision = rounds.SupervisionInputs(id);
        Error = message;
        return Page();
    }
}
