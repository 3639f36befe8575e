using System.Globalization;
using System.Text.Json;
using Bidui.Workflow.Dashboard;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages.Dashboard;

public sealed class IndexModel(DashboardService dashboards, RoundService rounds) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public int? RoundId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Region { get; set; }
    public IReadOnlyList<Round> Rounds { get; private set; } = [];
    public DashboardView? View { get; private set; }
    public string ChartJson { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = [.. (await rounds.ListAsync(ct)).Where(r => r.State == RoundState.Done)];
        int? round = RoundId is { } asked && Rounds.Any(r => r.Id == asked) ? asked : Rounds.FirstOrDefault()?.Id;
        if (round is null) return;
        View = await dashboards.BuildAsync(Actor, round.Value, Region, ct);
        if (View is null) return;
        var children = View.Children;
        ChartJson = JsonSerializer.Serialize(new
        {
            names = children.Select(c => c.Name),
            series = new[]
            {
                new { name = "待核查", values = children.Select(c => c.Open) },
                new { name = "待审核", values = children.Select(c => c.Submitted) },
                new { name = "已退回", values = children.Select(c => c.Returned) },
                new { name = "已办结", values = children.Select(c => c.Closed) },
            },
            categories = View.ByCategory.Select(c => new { name = c.Name, value = c.Total }),
        }).Replace("</", "<\\/", StringComparison.Ordinal);
    }

    public string Percent(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "—";

    public string Days(double? value) => value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) + " 天" : "—";
}
