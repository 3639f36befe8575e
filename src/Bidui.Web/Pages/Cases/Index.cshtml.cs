using System.Globalization;
using Bidui.Workflow.Access;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Web.Pages.Cases;

public sealed class IndexModel(CaseQueries queries, CaseExport export, RoundService rounds, BiduiDbContext db, StoreOptions store, TownshipChoices townships, TimeProvider clock)
    : CaseListPage(clock)
{
    [BindProperty(SupportsGet = true)] public int? RoundId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public CaseState? State { get; set; }
    [BindProperty(SupportsGet = true)] public int? Region { get; set; }
    [BindProperty(SupportsGet = true)] public Linkage? Linkage { get; set; }
    [BindProperty(SupportsGet = true)] public Unit? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? School { get; set; }
    [BindProperty(SupportsGet = true)] public string? Township { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    public IReadOnlyList<Round> Rounds { get; private set; } = [];
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    /// <summary>Schools and townships of the county shown (empty above a county: a province has thousands).</summary>
    public IReadOnlyList<School> Schools { get; private set; } = [];
    public IReadOnlyList<string> Townships { get; private set; } = [];

    private CaseFilter Filter => new()
    {
        RoundId = RoundId, Category = string.IsNullOrEmpty(Category) ? null : Category, State = State, RegionCode = Region, Linkage = Linkage, Text = Q,
        SchoolCode = string.IsNullOrEmpty(School) ? null : School, Unit = Unit, Township = string.IsNullOrEmpty(Township) ? null : Township, OverdueOnly = Overdue,
    };

    protected override string ListPath => "~/Cases";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = [.. (await rounds.ListAsync(ct)).Where(r => r.State == RoundState.Done)];
        Deadlines = Rounds.ToDictionary(r => r.Id, r => r.Deadline);
        RoundId ??= Rounds.FirstOrDefault()?.Id;
        var (min, max) = Actor.Scope.Everything ? (0, 999999) : (Actor.Scope.MinCounty, Actor.Scope.MaxCounty);
        Regions = await db.Regions.AsNoTracking().Where(r => r.Code >= min && r.Code <= max && r.Level >= 2).OrderBy(r => r.Code).ToListAsync(ct);
        if (CountyShown is { } county)
        {
            if (Actor.Role != Role.SchoolAid)
                Schools = await db.Schools.AsNoTracking().Where(s => s.CountyCode == county).OrderBy(s => s.Name).ToListAsync(ct);
            if (!RoleInfo.IsTownshipLevel(Actor.Role))
                Townships = await townships.ForCountyAsync(db, county, ct);
        }
        Total = await queries.CountAsync(Filter, ct);
        ClampPage();
        Cases = await queries.PageAsync(Filter, PageNumber, PageSize, ct, Order);
    }

    /// <summary>The county whose schools and townships the filters offer: the user's own, or the county chosen.</summary>
    private int? CountyShown =>
        Actor.Scope.MinCounty == Actor.Scope.MaxCounty && !Actor.Scope.Everything ? Actor.Scope.MinCounty
        : Region is { } r && r % 100 != 0 && Actor.Scope.Contains(r) ? r : null;

    public async Task<IActionResult> OnGetExportAsync(bool full, CancellationToken ct)
    {
        var dir = Path.Combine(store.DataDirectory, "exports");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".xlsx");
        await export.WriteAsync(Actor, Filter, full, path, ct);
        var bytes = await System.IO.File.ReadAllBytesAsync(path, ct);
        System.IO.File.Delete(path);
        string name = string.Create(CultureInfo.InvariantCulture, $"核查任务_{Time.GetLocalNow():yyyyMMddHHmm}.xlsx");
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    public string ExportUrl(bool full) => BuildUrl(new() { ["handler"] = "Export", ["full"] = full ? "true" : "false" });

    protected override void AddQuery(Dictionary<string, string?> values)
    {
        values["RoundId"] = RoundId?.ToString(CultureInfo.InvariantCulture);
        values["Category"] = Category;
        values["State"] = State?.ToString();
        values["Region"] = Region?.ToString(CultureInfo.InvariantCulture);
        values["Linkage"] = Linkage?.ToString();
        values["Unit"] = Unit?.ToString();
        values["Q"] = Q;
        values["School"] = School;
        values["Township"] = Township;
        values["Overdue"] = Overdue ? "true" : null;
    }
}
