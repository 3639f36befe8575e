using Bidui.Web.Hosting;
using Bidui.Workflow.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bidui.Web.Pages.Account;

public sealed class LogoutModel(UserSessions sessions) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Account/Login");

    /// <summary>Ends every session of the account (a copied cookie is dead too), then this browser's.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.ToActor() is { } actor) await sessions.SignOutEverywhereAsync(actor, ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/Account/Login");
    }
}
