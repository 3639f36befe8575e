using System.Globalization;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Feedback;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages.Feedback;

public sealed class IndexModel(FeedbackWorkbook workbook, RoundService rounds, StoreOptions store) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public int? RoundId { get; set; }
    [BindProperty] public bool ApplyValidRows { get; set; }
    public IReadOnlyList<Round> Rounds { get; private set; } = [];
    public FeedbackUploadResult? Result { get; private set; }
    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (RoundId is null) return NotFound();
        var path = TempPath(".xlsx");
        await workbook.WriteTemplateAsync(Actor, RoundId.Value, path, ct);
        var bytes = await System.IO.File.ReadAllBytesAsync(path, ct);
        System.IO.File.Delete(path);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            string.Create(CultureInfo.InvariantCulture, $"核查反馈模板_批次{RoundId}.xlsx"));
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? workbookFile, CancellationToken ct)
    {
        await LoadAsync(ct);
        var file = workbookFile ?? Request.Form.Files.GetFile("Workbook");
        if (RoundId is null || file is null || file.Length == 0)
        {
            Error = "请选择批次和填好的反馈工作簿。";
            return Page();
        }
        var path = TempPath(Path.GetExtension(file.FileName));
        try
        {
            await using (var target = System.IO.File.Create(path))
                await file.CopyToAsync(target, ct);
            Result = await workbook.UploadAsync(Actor, RoundId.Value, path, ApplyValidRows, ct);
        }
        catch (WorkflowException ex)
        {
            Error = ex.Message;
        }
        catch (Bidui.Inputs.InputFileException ex)
        {
            Error = "无法读取工作簿：" + ex.Message;
        }
        finally
        {
            System.IO.File.Delete(path);
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rounds = [.. (await rounds.ListAsync(ct)).Where(r => r.State == RoundState.Done)];
        RoundId ??= Rounds.FirstOrDefault()?.Id;
    }

    private string TempPath(string extension)
    {
        var dir = Path.Combine(store.DataDirectory, "tmp");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, Guid.NewGuid().ToString("N") + extension);
    }
}
