using System.Globalization;
using Bidui.Workflow;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages.Audit;

/// <summary>The audit log: search, keyset pages (newest first) and the export of a search to xlsx (itself audited).</summary>
public sealed class IndexModel(AuditLog audit, AuditExport export, StoreOptions store, TimeProvider clock) : AppPageModel
{
    public const int PageSize = 100;

    /// <summary>The filter offers every action the code writes (one catalogue).</summary>
    public static IReadOnlyList<string> Actions => AuditActions.All;

    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    /// <summary>Keyset: entries older than this id (the next page) or newer (the previous one).</summary>
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }
    public AuditLog.Page Result { get; private set; } = new([], false, false, 0);
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!RoleInfo.ReadsAudit(Actor.Role)) return Forbid();
        Result = await audit.SearchAsync(Query() with { Before = Before, After = After, PageSize = PageSize }, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!RoleInfo.ReadsAudit(Actor.Role)) return Forbid();
        var dir = Path.Combine(store.DataDirectory, "exports");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            await export.WriteAsync(Actor, Query(), path, ct);
            var bytes = await System.IO.File.ReadAllBytesAsync(path, ct);
            return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                string.Create(CultureInfo.InvariantCulture, $"审计日志_{clock.GetLocalNow():yyyyMMddHHmm}.xlsx"));
        }
        catch (WorkflowException ex)
        {
            Error = ex.Message;
            Result = await audit.SearchAsync(Query() with { PageSize = PageSize }, ct);
            return Page();
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    /// <summary>This search with a page key or handler added; the other keys dropped.</summary>
    public string Link(string key, string value)
    {
        var q = new QueryBuilder();
        void Add(string k, string? v) { if (!string.IsNullOrEmpty(v)) q.Add(k, v); }
        Add(nameof(UserName), UserName);
        Add(nameof(Action), Action);
        Add(nameof(Text), Text);
        Add(nameof(From), From);
        Add(nameof(To), To);
        Add(key, value);
        return Url.Content("~/Audit") + q.ToQueryString();
    }

    // Dates are the users' days (China time), not UTC days.
    private AuditLog.Query Query() => new(UserName, Action, Text, Date(From), Date(To, next: true));

    private DateTime? Date(string? text, bool next = false) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? clock.StartOfDayUtc(next ? d.AddDays(1) : d) : null;
}
