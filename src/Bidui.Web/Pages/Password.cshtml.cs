using Bidui.Workflow.Access;
using Bidui.Workflow.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages;

public sealed class PasswordModel(UserAdmin users) : AppPageModel
{
    [BindProperty] public string Current { get; set; } = "";
    [BindProperty] public string Next { get; set; } = "";
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await users.ChangeOwnPasswordAsync(Actor, Current, Next, ct);
            TempData["Message"] = "密码已修改。";
            return Redirect("/Dashboard");
        }
        catch (WorkflowException ex)
        {
            Error = ex.Message;
            return Page();
        }
    }
}
