using System.Globalization;
using Bidui.Web.Hosting;
using Bidui.Workflow;
using Bidui.Workflow.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bidui.Web.Pages.Account;

public sealed class LoginModel(SignInService signIn, TimeProvider clock) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The client's address as the proxy saw it (forwarded headers): throttling is per name and address.
        string address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var result = await signIn.SignInAsync(UserName.Trim(), Password, address, ct);
        switch (result.Outcome)
        {
            case SignInOutcome.Success:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    CurrentUser.ToPrincipal(result.User!, CookieAuthenticationDefaults.AuthenticationScheme));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Url.Content("~/Dashboard"));
            case SignInOutcome.Throttled:
                Error = $"登录失败次数过多，请于 {clock.ToLocal(result.BlockedUntil!.Value).ToString("HH:mm", CultureInfo.InvariantCulture)} 后再试。";
                return Page();
            default:
                Error = "用户名或密码错误。";
                return Page();
        }
    }
}
