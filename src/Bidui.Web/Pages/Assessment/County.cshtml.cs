using System.Text.Json;
using Bidui.Assessment.Scoring;
using Bidui.Workflow.Assessment;
using Bidui.Workflow.Rounds;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages.Assessment;

/// <summary>
/// One county's assessment: its total, ranks and change, and where it loses points, indicator by indicator, with
/// the cases behind each figure one click away; its trend over rounds.
/// </summary>
public sealed class CountyModel(AssessmentService assessments, RoundService rounds) : AssessmentPageModel(assessments, rounds)
{
    [BindProperty(SupportsGet = true)] public int? RoundId { get; set; }
    [BindProperty(SupportsGet = true)] public int County { get; set; }

    public CountyScore? Score { get; private set; }
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!MayView(Actor.Role)) return Forbid();
        if (County == 0) County = Actor.RegionCode;
        if (!Actor.Scope.Contains(County) || County % 100 == 0) return NotFound();
        await LoadAsync(RoundId, ct);
        if (Assessment is null) return Page();
        Score = Assessment.County(County);
        var trend = Assessment.Trend;
        ChartJson = JsonSerializer.Serialize(new
        {
            title = "总分与省内排名趋势",
            rounds = trend.Select(t => t.RoundName),
            series = new object[]
            {
                new { name = "总分", values = trend.Select(t => t.Counties.TryGetValue(County, out var s) && s.Total is { } v ? (double?)Math.Round(v, 2) : null) },
                new { name = "省内排名", rank = true, values = trend.Select(t => t.Counties.TryGetValue(County, out var s) ? (double?)s.ProvinceRank : null) },
            },
        }).Replace("</", "<\\/", StringComparison.Ordinal);
        return Page();
    }

    public string DrillUrl(Bidui.Assessment.Indicators.Indicator indicator, FigurePart part) =>
        $"/Assessment/Cases?RoundId={Assessment?.Round.Id}&County={County}&Indicator={Bidui.Assessment.Indicators.IndicatorInfo.Of(indicator).Code}&Part={part}";
}
