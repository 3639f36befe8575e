using System.Globalization;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Web.Pages.Cases;

/// <summary>我的待办: the cases the user must act on now, across the finished rounds, most urgent first.</summary>
public sealed class TodoModel(CaseToDo todo, RoundService rounds, TimeProvider clock) : CaseListPage(clock)
{
    [BindProperty(SupportsGet = true)] public ToDoKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }

    public IReadOnlyList<ToDoKind> Kinds { get; private set; } = [];
    public ToDoCounts Counts { get; private set; } = new(0, 0, 0);

    protected override string ListPath => "~/Cases/Todo";

    private CaseFilter Filter => new() { Category = string.IsNullOrEmpty(Category) ? null : Category };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Kinds = CaseToDo.KindsFor(Actor.Role);
        if (Kinds.Count == 0) return;
        Counts = await todo.CountAsync(Actor, ct);
        // The first tab with work in it, unless one was asked for.
        Kind = Kind is { } k && Kinds.Contains(k) ? k : Kinds.FirstOrDefault(x => CountOf(x) > 0, Kinds[0]);
        Deadlines = (await rounds.ListAsync(ct)).Where(r => r.State == RoundState.Done).ToDictionary(r => r.Id, r => r.Deadline);
        if (!Request.Query.ContainsKey("Sort")) Sort = CaseSort.Deadline;
        var q = await todo.QueryAsync(Actor, Kind.Value, Filter, ct);
        Total = Filter.Category is null ? CountOf(Kind.Value) : await q.CountAsync(ct);
        ClampPage();
        Cases = await todo.PageAsync(q, Order, PageNumber, PageSize, ct, Deadlines);
    }

    /// <summary>The count in the navigation bar (loaded after the page, so no page waits for it).</summary>
    public async Task<IActionResult> OnGetCountAsync(CancellationToken ct)
    {
        int total = CaseToDo.KindsFor(Actor.Role).Count == 0 ? 0 : (await todo.CountAsync(Actor, ct)).Total;
        return Content(total > 0 ? total.ToString(CultureInfo.InvariantCulture) : "", "text/html; charset=utf-8");
    }

    public int CountOf(ToDoKind kind) => kind switch
    {
        ToDoKind.Submit => Counts.Submit,
        ToDoKind.Review => Counts.Review,
        _ => Counts.Reassign,
    };

    public string KindName(ToDoKind kind) => kind switch
    {
        ToDoKind.Submit when Actor.Role == Role.Village => "待入户核实（由乡镇填报）",
        ToDoKind.Submit => "待填报",
        ToDoKind.Review => "待审核",
        _ => "待改派（无责任县）",
    };

    protected override void AddQuery(Dictionary<string, string?> values)
    {
        values["Kind"] = Kind?.ToString();
        values["Category"] = Category;
    }
}
