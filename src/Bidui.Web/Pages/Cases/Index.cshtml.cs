using System.Globalization;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Web.Pages.Cases;

public sealed class IndexModel(CaseQueries queries, CaseExport export, RoundService rounds, BiduiDbContext db, StoreOptions store, TimeProvider clock) : AppPageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int? RoundId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public CaseState? State { get; set; }
    [BindProperty(SupportsGet = true)] public int? Region { get; set; }
    [BindProperty(SupportsGet = true)] public Linkage? Linkage { get; set; }
    [BindProperty(SupportsGet = true)] public string? School { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Round> Rounds { get; private set; } = [];
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<Case> Cases { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    private CaseFilter Filter => new()
    {
        RoundId = RoundId, Category = string.IsNullOrEmpty(Category) ? null : Category, State = State, RegionCode = Region, Linkage = Linkage, Text = Q,
        SchoolCode = string.IsNullOrEmpty(School) ? null : School, OverdueOnly = Overdue,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = [.. (await rounds.ListAsync(ct)).Where(r => r.State == RoundState.Done)];
        RoundId ??= Rounds.FirstOrDefault()?.Id;
        var (min, max) = Actor.Scope.Everything ? (0, 999999) : (Actor.Scope.MinCounty, Actor.Scope.MaxCounty);
        Regions = await db.Regions.AsNoTracking().Where(r => r.Code >= min && r.Code <= max && r.Level >= 2).OrderBy(r => r.Code).ToListAsync(ct);
        Total = await queries.CountAsync(Filter, ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Cases = await queries.PageAsync(Filter, PageNumber, PageSize, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(bool full, CancellationToken ct)
    {
        var dir = Path.Combine(store.DataDirectory, "exports");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".xlsx");
        await export.WriteAsync(Actor, Filter, full, path, ct);
        var bytes = await System.IO.File.ReadAllBytesAsync(path, ct);
        System.IO.File.Delete(path);
        string name = string.Create(CultureInfo.InvariantCulture, $"核查任务_{clock.GetLocalNow():yyyyMMddHHmm}.xlsx");
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    public string PageUrl(int page) => BuildUrl(new() { ["p"] = page.ToString(CultureInfo.InvariantCulture) });

    public string ExportUrl(bool full) => BuildUrl(new() { ["handler"] = "Export", ["full"] = full ? "true" : "false" });

    private string BuildUrl(Dictionary<string, string?> extra)
    {
        var q = new QueryBuilder();
        void Add(string key, string? value) { if (!string.IsNullOrEmpty(value)) q.Add(key, value); }
        Add("RoundId", RoundId?.ToString(CultureInfo.InvariantCulture));
        Add("Category", Category);
        Add("State", State?.ToString());
        Add("Region", Region?.ToString(CultureInfo.InvariantCulture));
        Add("Linkage", Linkage?.ToString());
        Add("Q", Q);
        Add("School", School);
        if (Overdue) Add("Overdue", "true");
        foreach (var (k, v) in extra) Add(k, v);
        return Url.Content("~/Cases") + q.ToQueryString();
    }
}
