using System.Globalization;
using Bidui.Workflow.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages.Cases;

/// <summary>
/// A bulk action on the cases ticked in a list (批量审核通过, 批量退回, 派发乡镇, 收回): each through the rules of
/// the single action, with the version the list showed. The page shows what was done and what was refused, and why.
/// </summary>
public sealed class BulkModel(CaseWorkflow workflow) : AppPageModel
{
    public BulkOutcome? Outcome { get; private set; }
    public string? Error { get; private set; }
    public string ReturnUrl { get; private set; } = "";

    public IActionResult OnGet() => RedirectInApp("/Cases/Todo");

    public async Task<IActionResult> OnPostAsync(BulkAction action, string[]? items, string? note, string? returnUrl, CancellationToken ct)
    {
        // Back to the list the user came from, filters and all; never elsewhere.
        string cases = Url.Content("~/Cases");
        ReturnUrl = returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(cases, StringComparison.Ordinal) ? returnUrl : cases;
        var selected = (items ?? []).Select(Parse).OfType<BulkItem>().ToList();
        try
        {
            if (!Enum.IsDefined(action)) throw new WorkflowException("未知的批量操作。");
            Outcome = await workflow.BulkAsync(Actor, action, selected, note, ct);
        }
        catch (WorkflowException ex)
        {
            Error = ex.Message;
        }
        return Page();
    }

    /// <summary>"id:version", as the list's checkbox carries it.</summary>
    private static BulkItem? Parse(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long id)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int version) ? new BulkItem(id, version) : null;
    }
}
