using Bidui.Web.Hosting;
using Bidui.Workflow.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bidui.Web.Pages;

/// <summary>Pages behind sign-in: the acting user, always present (the fallback policy demands it).</summary>
public abstract class AppPageModel : PageModel
{
    public Actor Actor => User.ToActor() ?? throw new InvalidOperationException("Signed-in user expected.");
}
