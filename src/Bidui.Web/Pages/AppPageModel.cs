using Bidui.Web.Hosting;
using Bidui.Workflow.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bidui.Web.Pages;

/// <summary>Pages behind sign-in: the acting user, always present (the fallback policy demands it).</summary>
public abstract class AppPageModel : PageModel
{
    public Actor Actor => User.ToActor() ?? throw new InvalidOperationException("Signed-in user expected.");

    /// <summary>
    /// After a POST: to a page of the app, under the path base the proxy serves it at. A request
    /// from htmx (uploads send their token as a header) is told to navigate instead.
    /// </summary>
    protected IActionResult RedirectInApp(string path)
    {
        string url = Url.Content("~" + path);
        if (Request.Headers["HX-Request"] == "true")
        {
            Response.Headers["HX-Redirect"] = url;
            return new NoContentResult();
        }
        return Redirect(url);
    }
}
