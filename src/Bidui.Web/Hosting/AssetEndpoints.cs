using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bidui.Web.Hosting;

/// <summary>Serves htmx, ECharts (from Bidui.Reports) and the stylesheet from embedded resources: no CDN, no wwwroot to deploy.</summary>
public static class AssetEndpoints
{
    private static readonly Dictionary<string, (Assembly Assembly, string Resource, string ContentType)> Assets = new(StringComparer.Ordinal)
    {
        ["htmx.min.js"] = (typeof(AssetEndpoints).Assembly, "Bidui.Web.Assets.htmx.min.js", "text/javascript"),
        ["charts.js"] = (typeof(AssetEndpoints).Assembly, "Bidui.Web.Assets.charts.js", "text/javascript"),
        ["site.js"] = (typeof(AssetEndpoints).Assembly, "Bidui.Web.Assets.site.js", "text/javascript"),
        ["cases.js"] = (typeof(AssetEndpoints).Assembly, "Bidui.Web.Assets.cases.js", "text/javascript"),
        ["assessment.js"] = (typeof(AssetEndpoints).Assembly, "Bidui.Web.Assets.assessment.js", "text/javascript"),
        ["assessment.css"] = (typeof(AssetEndpoints).Assembly, "Bidui.Web.Assets.assessment.css", "text/css"),
        ["site.css"] = (typeof(AssetEndpoints).Assembly, "Bidui.Web.Assets.site.css", "text/css"),
        ["echarts.min.js"] = (typeof(Bidui.Reports.XlsxWorkbookWriter).Assembly, "Bidui.Reports.Assets.echarts.min.js", "text/javascript"),
    };

    public static void MapAssets(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/assets/{name}", (string name, HttpContext http) =>
        {
            if (!Assets.TryGetValue(name, out var asset)) return Results.NotFound();
            var stream = asset.Assembly.GetManifestResourceStream(asset.Resource);
            if (stream is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Stream(stream, asset.ContentType + "; charset=utf-8");
        }).AllowAnonymous();
    }
}
