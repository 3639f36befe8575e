using Bidui.Workflow;
using Bidui.Workflow.Access;
using Bidui.Workflow.Assessment;
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
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Bidui.Web.Hosting;

public static class ServiceRegistration
{
    public static void AddBiduiServices(this WebApplicationBuilder builder, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var services = builder.Services;
        var deployment = options.Deployment;
        // appsettings.json or Bidui__… environment variables override what the caller set.
        builder.Configuration.GetSection("Bidui").Bind(deployment);
        // EF Core's command log would carry parameter values only with sensitive logging on (it is off); keep it quiet anyway.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // Request lines carry query strings, and a search by ID number would put the number in the log.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            // BodyLimits sets each request's own limit; this is the default for what it does not see.
            k.Limits.MaxRequestBodySize = deployment.Limits.AnonymousBytes;
        });
        // Files are streamed (MultipartUpload); a form read anyway is bounded by the request's body limit.
        services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = long.MaxValue);

        // Chinese text as text in the pages, not as &#x…; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Sign-in cookies stay valid across restarts: the keys live with the data.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.Store.DataDirectory, "keys")));
        // The server checkpoints SQLite's log in the background (SqliteCheckpointer), not in its requests.
        var store = options.Store.Provider == StoreProvider.Sqlite ? options.Store with { CheckpointInBackground = true } : options.Store;
        services.AddSingleton(options);
        services.AddSingleton(store);
        services.AddSingleton(deployment);
        services.AddSingleton<TimeProvider>(new ZonedTimeProvider(options.Clock ?? TimeProvider.System, ZonedTimeProvider.FindZone(deployment.TimeZone)));
        services.AddSingleton(new AttachmentPolicy(deployment.Limits.AttachmentExtensions, RequestLimits.Megabytes(deployment.Limits.AttachmentMegabytes)));
        services.AddDbContext<BiduiDbContext>(store.Configure);
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditExport>();
        services.AddScoped<RoundOutputs>();
        services.AddScoped<SignInService>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<UserSessions>();
        services.AddScoped<UserAdmin>();
        services.AddSingleton(sp => new ImportPriority(sp.GetRequiredService<RoundProgressBoard>(), ImportPriority.TurnsFor(Environment.ProcessorCount)));
        services.AddScoped<CaseQueries>();
        services.AddScoped<CaseToDo>();
        services.AddSingleton<TownshipChoices>();
        services.AddScoped<CaseWorkflow>();
        services.AddScoped<CaseExport>();
        services.AddScoped<FeedbackWorkbook>();
        services.AddScoped<RoundService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<AssessmentSettings>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<AssessmentWorkbook>();
        services.AddScoped<FundsDashboard>();
        services.AddSingleton<RoundProgressBoard>();
        services.AddSingleton<FeedbackJobs>();
        services.AddSingleton<RoundRunner>();
        services.AddSingleton<BackgroundJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundJobs>());
        services.AddHostedService<SqliteCheckpointer>();
        // A background failure is logged where it happens; it must never stop the host.
        services.Configure<HostOptions>(h => h.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);

        services.Configure<ForwardedHeadersOptions>(f =>
        {
            // Behind the proxy: the client's address (sign-in throttling) and scheme (Secure cookies, HSTS).
            f.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var entry in deployment.TrustedProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (entry.Contains('/', StringComparison.Ordinal)) f.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else f.KnownProxies.Add(System.Net.IPAddress.Parse(entry));
            }
        });
        services.AddHsts(h =>
        {
            h.MaxAge = TimeSpan.FromDays(365);
            // Also when the proxy's name is an address or localhost: HTTPS is HTTPS.
            h.ExcludedHosts.Clear();
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(c =>
        {
            c.LoginPath = "/Account/Login";
            c.LogoutPath = "/Account/Logout";
            c.AccessDeniedPath = "/Account/Denied";
            c.ExpireTimeSpan = options.SessionTimeout;
            c.SlidingExpiration = true;
            c.Cookie.Name = "bidui.auth";
            c.Cookie.HttpOnly = true;
            // Lax: a link from WeChat, OA or e-mail opens the page signed in; forms still need the antiforgery token.
            c.Cookie.SameSite = SameSiteMode.Lax;
            c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            c.EventsType = typeof(SessionValidation);
        });
        services.AddScoped<SessionValidation>();
        services.AddAuthorizationBuilder().SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery(a =>
        {
            a.HeaderName = "RequestVerificationToken";
            a.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(t => t.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddRazorPages(o => o.Conventions.AllowAnonymousToFolder("/Account"));
    }

    public static void UseBiduiPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var deployment = app.Services.GetRequiredService<DeploymentOptions>();
        app.UseForwardedHeaders();
        if (deployment.PathBase.Trim('/') is { Length: > 0 } pathBase)
        {
            var prefix = new PathString("/" + pathBase);
            app.UsePathBase(prefix);
            // Only what lies under the path base is the app. Anything else that reaches the server (a
            // browser's /favicon.ico) gets a bare 404: a page rendered there would set an antiforgery
            // cookie at "/" that shadows the app's own and fails its next form.
            app.Use((context, next) =>
            {
                if (context.Request.PathBase.HasValue) return next();
                if (context.Request.Path == "/") context.Response.Redirect(prefix + "/");
                else context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        }
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            // A body over its limit read anyway (no Content-Length) is the client's error, not ours.
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseHsts();
        app.Use(SecurityHeaders.InvokeAsync);
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseRouting();
        app.UseAuthentication();
        app.Use(ImportPriority.InvokeAsync);
        app.Use(BodyLimits.InvokeAsync);
        app.Use(ScopeMiddleware.InvokeAsync);
        app.UseAuthorization();
        app.MapAssets();
        app.MapRazorPages();
    }
}
