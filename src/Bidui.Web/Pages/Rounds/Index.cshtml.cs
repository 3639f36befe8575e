using System.Globalization;
using Bidui.Core.Dates;
using Bidui.Workflow;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages.Rounds;

public sealed class IndexModel(RoundService rounds, TimeProvider clock) : AppPageModel
{
    public IReadOnlyList<Round> Rounds { get; private set; } = [];
    public string? Error { get; private set; }
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string SchoolYear { get; set; } = "";
    [BindProperty] public string Term { get; set; } = "秋季学期";
    [BindProperty] public string ReferenceDate { get; set; } = "";
    [BindProperty] public string Deadline { get; set; } = "";

    public static string StateName(RoundState state) => state switch
    {
        RoundState.Draft => "草稿（待比对）",
        RoundState.Running => "比对中",
        RoundState.AwaitingConfirmation => "比对完成，待确认",
        RoundState.Importing => "导入中",
        RoundState.Done => "已完成",
        RoundState.Withdrawn => "已撤回",
        _ => state.ToString(),
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var reference = ReferenceDates.Default(today);
        SchoolYear = string.Create(CultureInfo.InvariantCulture, $"{reference.Year}-{reference.Year + 1}");
        ReferenceDate = reference.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Deadline = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Rounds = await rounds.ListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            if (!DateOnly.TryParseExact(ReferenceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reference)
                || !DateOnly.TryParseExact(Deadline, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline))
                throw new WorkflowException("请按 年-月-日 填写日期。");
            var round = await rounds.CreateAsync(Actor, new NewRound(Name, SchoolYear, Term, reference, deadline), ct);
            return RedirectInApp($"/Rounds/Detail/{round.Id}");
        }
        catch (WorkflowException ex)
        {
            Error = ex.Message;
            Rounds = await rounds.ListAsync(ct);
            return Page();
        }
    }
}
