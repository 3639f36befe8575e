using Bidui.Assessment.Indicators;
using Bidui.Workflow.Assessment;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages.Assessment;

/// <summary>The cases behind one figure of a county (drill-down from the county's assessment), in the user's scope.</summary>
public sealed class CasesModel(AssessmentService assessments, RoundService rounds, BiduiDbContext db) : AssessmentPageModel(assessments, rounds)
{
    [BindProperty(SupportsGet = true)] public int? RoundId { get; set; }
    [BindProperty(SupportsGet = true)] public int County { get; set; }
    [BindProperty(SupportsGet = true)] public string Indicator { get; set; } = "";
    [BindProperty(SupportsGet = true)] public FigurePart Part { get; set; }

    public IndicatorInfo? Info { get; private set; }
    public DrillCases? Drill { get; private set; }
    public string CountyName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!MayView(Actor.Role)) return Forbid();
        Info = IndicatorInfo.FromCode(Indicator);
        if (Info is null || !Actor.Scope.Contains(County) || County % 100 == 0 || !AssessmentDrill.Drills(Info.Indicator, Part)) return NotFound();
        await LoadAsync(RoundId, ct);
        if (Assessment is null) return NotFound();
        CountyName = Assessment.County(County)?.CountyName ?? RegionSeeder.Name(Bidui.Core.Regions.RegionTable.Default, County);
        Drill = await new AssessmentDrill(db).CasesAsync(Assessment.Round, Assessment.Previous?.Id, County, Info.Indicator, Part, Assessment.Today, ct);
        return Page();
    }

    public string PartName => (Info?.Indicator, Part) switch
    {
        (Bidui.Assessment.Indicators.Indicator.RecurrenceRate, FigurePart.Base) => "基数（上一批次已办结的任务）",
        (_, FigurePart.Base) => "基数",
        _ => "计数",
    };
}
