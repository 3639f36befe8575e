using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Dashboard;
using Bidui.Workflow.Feedback;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Web.Hosting;

public static class ServiceRegistration
{
    /// <summary>Comparison inputs of a whole province run to gigabytes.</summary>
    private const long MaxUploadBytes = 8L * 1024 * 1024 * 1024;

    public static void AddBiduiServices(this WebApplicationBuilder builder, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var services = builder.Services;
        // EF Core's command log would carry parameter values only with sensitive logging on (it is off); keep it quiet anyway.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // Request lines carry query strings, and a search by ID number would put the number in the log.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxUploadBytes);
        services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = MaxUploadBytes);

        // Chinese text as text in the pages, not as &#x…; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Sign-in cookies stay valid across restarts: the keys live with the data.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.Store.DataDirectory, "keys")));
        services.AddSingleton(options);
        services.AddSingleton(options.Store);
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<BiduiDbContext>(options.Store.Configure);
        services.AddScoped<AuditLog>();
        services.AddScoped<SignInService>();
        services.AddScoped<UserSessions>();
        services.AddScoped<UserAdmin>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<CaseWorkflow>();
        services.AddScoped<CaseExport>();
        services.AddScoped<FeedbackWorkbook>();
        services.AddScoped<RoundService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<FundsDashboard>();
        services.AddSingleton<RoundProgressBoard>();
        services.AddSingleton<RoundRunner>();
        services.AddSingleton<RoundQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<RoundQueue>());

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(c =>
        {
            c.LoginPath = "/Account/Login";
            c.LogoutPath = "/Account/Logout";
            c.AccessDeniedPath = "/Account/Denied";
            c.ExpireTimeSpan = options.SessionTimeout;
            c.SlidingExpiration = true;
            c.Cookie.Name = "bidui.auth";
            c.Cookie.HttpOnly = true;
            c.Cookie.SameSite = SameSiteMode.Strict;
            c.EventsType = typeof(SessionValidation);
        });
        services.AddScoped<SessionValidation>();
        services.AddAuthorizationBuilder().SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery(a => a.HeaderName = "RequestVerificationToken");
        services.AddRazorPages(o => o.Conventions.AllowAnonymousToFolder("/Account"));
    }

    public static void UseBiduiPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler("/Error");
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.XFrameOptions = "DENY";
            await next();
        });
        app.UseRouting();
        app.UseAuthentication();
        app.Use(ScopeMiddleware.InvokeAsync);
        app.UseAuthorization();
        app.MapAssets();
        app.MapRazorPages();
    }
}
