using System.Globalization;
using System.Text.Json;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Dashboard;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages.Dashboard;

public enum ChildSort
{
    Open = 0,
    Total = 1,
    Overdue = 2,
    Submitted = 3,
    ClosureRate = 4,
}

public sealed class IndexModel(DashboardService dashboards, FundsDashboard fundsDashboard, RoundService rounds) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public int? RoundId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Region { get; set; }
    /// <summary>What the child regions or schools are ranked by (a county has hundreds of schools).</summary>
    [BindProperty(SupportsGet = true)] public ChildSort Sort { get; set; } = ChildSort.Open;
    [BindProperty(SupportsGet = true)] public bool Asc { get; set; }
    [BindProperty(SupportsGet = true)] public int Size { get; set; } = PageSizes[1];
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public static readonly int[] PageSizes = [10, 20, 50, 100];

    /// <summary>The chart shows the first this many of the ranking: 300 bars are unreadable.</summary>
    public const int ChartTop = 15;

    /// <summary>The ranked page of children shown in the table (with their rank).</summary>
    public IReadOnlyList<(int Rank, DashboardRow Row)> ChildPage { get; private set; } = [];
    public int ChildCount { get; private set; }
    public int PageSize => PageSizes.Contains(Size) ? Size : PageSizes[1];
    public int PageCount => Math.Max(1, (ChildCount + PageSize - 1) / PageSize);
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
        var ranked = Rank(View.Children).ToList();
        ChildCount = ranked.Count;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        ChildPage = [.. ranked.Select((row, i) => (i + 1, row)).Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        var children = ranked.Take(ChartTop).ToList();
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

    private IEnumerable<DashboardRow> Rank(IEnumerable<DashboardRow> rows)
    {
        Func<DashboardRow, double> key = Sort switch
        {
            ChildSort.Total => r => r.Total,
            ChildSort.Overdue => r => r.Overdue,
            ChildSort.Submitted => r => r.Submitted,
            ChildSort.ClosureRate => r => r.ClosureRate ?? -1,
            _ => r => r.Open,
        };
        var sorted = Asc ? rows.OrderBy(key) : rows.OrderByDescending(key);
        return sorted.ThenBy(r => r.Name, StringComparer.Ordinal);
    }

    public static string SortName(ChildSort sort) => sort switch
    {
        ChildSort.Total => "核查任务",
        ChildSort.Overdue => "逾期",
        ChildSort.Submitted => "待审核",
        ChildSort.ClosureRate => "办结率",
        _ => "未办结（待核查）",
    };

    public string PageUrl(int page) => string.Create(CultureInfo.InvariantCulture,
        $"{Url.Content("~/Dashboard")}?RoundId={View?.RoundId}&Region={View?.RegionCode}&Sort={Sort}&Asc={(Asc ? "true" : "false")}&Size={PageSize}&p={page}");

    public string Percent(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "—";

    public string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    public string Days(double? value) => value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) + " 天" : "—";
}
