using System.Globalization;
using System.Text.Json;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Dashboard;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages.Dashboard;

public sealed class IndexModel(DashboardService dashboards, FundsDashboard fundsDashboard, RoundService rounds) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public int? RoundId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Region { get; set; }
    public IReadOnlyList<Round> Rounds { get; private set; } = [];
    public DashboardView? View { get; private set; }
    /// <summary>Money of the round in the region shown (summary.json `funds`); null without aid data or for a school officer.</summary>
    public FundsView? Funds { get; private set; }
    public string ChartJson { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = [.. (await rounds.ListAsync(ct)).Where(r => r.State == RoundState.Done)];
        int? round = RoundId is { } asked && Rounds.Any(r => r.Id == asked) ? asked : Rounds.FirstOrDefault()?.Id;
        if (round is null) return;
        View = await dashboards.BuildAsync(Actor, round.Value, Region, ct);
        if (View is null) return;
        Funds = fundsDashboard.Build(Actor, round.Value, View.RegionCode / 10000, View.RegionCode);
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
            funds = Funds is null ? null : new
            {
                title = Funds.ChildrenAreProjects ? "各资助项目风险资金（元）" : "各地风险资金（元）",
                names = Funds.Children.Select(c => c.Name),
                links = Funds.Children.Select(c => c.DrillRegion is { } code ? $"/Dashboard?RoundId={View.RoundId}&Region={code}" : null),
                series = Funds.Lists.Select(l => new { name = CategoryNames.Chinese(l), values = Funds.Children.Select(c => c.ByList[l]) }),
            },
        }).Replace("</", "<\\/", StringComparison.Ordinal);
    }

    public string Percent(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "—";

    public string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    public string Days(double? value) => value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) + " 天" : "—";
}
