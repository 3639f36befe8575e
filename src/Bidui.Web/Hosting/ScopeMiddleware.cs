using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Http;

namespace Bidui.Web.Hosting;

/// <summary>Hands the signed-in user's scope to the request's store context; anonymous requests keep the empty scope.</summary>
public static class ScopeMiddleware
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.User.ToActor() is { } actor)
            context.RequestServices.GetRequiredService<BiduiDbContext>().SetScope(actor.Scope);
        await next();
    }
}
