using Bidui.Web.Hosting;
using Bidui.Workflow.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
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
            var user = await users.ChangeOwnPasswordAsync(Actor, Current, Next, ct);
            // The new stamp ended every other session; this one is issued again.
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                CurrentUser.ToPrincipal(user, CookieAuthenticationDefaults.AuthenticationScheme));
            TempData["Message"] = "密码已修改。";
            return RedirectInApp("/Dashboard");
        }
        catch (WorkflowException ex)
        {
            Error = ex.Message;
            return Page();
        }
    }
}
