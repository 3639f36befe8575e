using System.Globalization;
using Bidui.Workflow;
using Bidui.Workflow.Access;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages.Cases;

/// <summary>What the case list and the to-do share: sorting, page size, deadlines, the bulk actions the user may take.</summary>
public abstract class CaseListPage(TimeProvider clock) : AppPageModel
{
    public static readonly int[] PageSizes = [50, 100, 200, CaseWorkflow.MaxBulk];

    [BindProperty(SupportsGet = true)] public CaseSort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true)] public int Size { get; set; } = PageSizes[0];
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Case> Cases { get; protected set; } = [];
    public int Total { get; protected set; }
    public int PageSize => PageSizes.Contains(Size) ? Size : PageSizes[0];
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    protected TimeProvider Time { get; } = clock;
    public DateOnly Today => Time.Today();
    /// <summary>Each finished round's deadline (a case's deadline is its round's).</summary>
    public IReadOnlyDictionary<int, DateOnly> Deadlines { get; protected set; } = new Dictionary<int, DateOnly>();

    protected CaseOrder Order => new(Enum.IsDefined(Sort) ? Sort : CaseSort.County, Desc);

    public static string SortName(CaseSort sort) => sort switch
    {
        CaseSort.Category => "清单",
        CaseSort.State => "状态",
        CaseSort.Deadline => "截止日期（逾期天数）",
        CaseSort.Name => "姓名",
        _ => "责任县",
    };

    public DateOnly? DeadlineOf(Case c) => Deadlines.TryGetValue(c.RoundId, out var d) ? d : null;

    public int DaysOverdue(Case c) => DeadlineOf(c) is { } d ? CaseSorting.DaysOverdue(c.State, d, Today) : 0;

    /// <summary>The bulk actions this role has: review (county offices, the province) and dispatch to townships (county education).</summary>
    public IReadOnlyList<BulkAction> BulkActions =>
    [
        .. RoleInfo.ReviewUnits(Actor.Role).Count > 0 || Actor.Role == Role.ProvinceAdmin ? new[] { BulkAction.Approve, BulkAction.Return } : [],
        .. RoleInfo.MayDispatch(Actor.Role) ? new[] { BulkAction.Dispatch, BulkAction.Recall } : [],
    ];

    /// <summary>Clamps the page to the pages there are (a stale link past the end shows the last page).</summary>
    protected void ClampPage() => PageNumber = Math.Clamp(PageNumber, 1, PageCount);

    public string PageUrl(int page) => BuildUrl(new() { ["p"] = page.ToString(CultureInfo.InvariantCulture) });

    /// <summary>This list's URL with its filters, and the given parameters changed.</summary>
    public string BuildUrl(Dictionary<string, string?> changes)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        AddQuery(values);
        values["Sort"] = Sort == CaseSort.County ? null : Sort.ToString();
        values["Desc"] = Desc ? "true" : null;
        values["Size"] = PageSize == PageSizes[0] ? null : PageSize.ToString(CultureInfo.InvariantCulture);
        foreach (var (k, v) in changes) values[k] = v;
        var q = new QueryBuilder();
        foreach (var (k, v) in values) if (!string.IsNullOrEmpty(v)) q.Add(k, v);
        return Url.Content(ListPath) + q.ToQueryString();
    }

    /// <summary>The page's path (~/…).</summary>
    protected abstract string ListPath { get; }

    /// <summary>The page's own filters, as query parameters.</summary>
    protected abstract void AddQuery(Dictionary<string, string?> values);
}
