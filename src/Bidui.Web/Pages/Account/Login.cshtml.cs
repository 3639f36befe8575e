using System.Globalization;
using Bidui.Web.Hosting;
using Bidui.Workflow.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bidui.Web.Pages.Account;

public sealed class LoginModel(SignInService signIn) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await signIn.SignInAsync(UserName.Trim(), Password, ct);
        switch (result.Outcome)
        {
            case SignInOutcome.Success:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    CurrentUser.ToPrincipal(result.User!, CookieAuthenticationDefaults.AuthenticationScheme));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/Dashboard");
            case SignInOutcome.LockedOut:
                Error = $"密码错误次数过多，账户已锁定至 {result.LockedUntil!.Value.ToLocalTime().ToString("HH:mm", CultureInfo.InvariantCulture)}。";
                return Page();
            default:
                Error = "用户名或密码错误。";
                return Page();
        }
    }
}
