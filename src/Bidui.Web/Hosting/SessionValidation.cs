using Bidui.Workflow.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Bidui.Web.Hosting;

/// <summary>
/// Every request's cookie is checked against the account: a deactivated account, or one whose
/// security stamp changed (退出 anywhere, a password reset, a deactivation), has no session any more.
/// </summary>
public sealed class SessionValidation : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        var actor = principal?.ToActor();
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (actor is not null && await sessions.IsCurrentAsync(actor.UserId, principal!.SecurityStamp(), context.HttpContext.RequestAborted))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
