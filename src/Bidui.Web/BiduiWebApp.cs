using Bidui.Web.Hosting;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Bidui.Web;

/// <summary>The web workflow: `bidui serve` and the tests build it here and run it on Kestrel.</summary>
public static class BiduiWebApp
{
    public static async Task<WebApplication> BuildAsync(WebOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.Store.DataDirectory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The pages are compiled into this assembly, whoever hosts it.
            ApplicationName = typeof(BiduiWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls(options.Urls);
        // Started by the Windows service manager or by systemd (Type=notify), the host reports start and stop to
        // it and stops cleanly when told; run any other way, both do nothing (docs/INSTALL.md).
        builder.Services.AddWindowsService();
        builder.Services.AddSystemd();
        builder.AddBiduiServices(options);
        var app = builder.Build();
        app.UseBiduiPipeline();
        await StartupTasks.RunAsync(app.Services, options, ct);
        return app;
    }
}
