using Bidui.Workflow.Store;

namespace Bidui.Workflow.Cases;

/// <summary>What a case list is sorted by (the case number breaks ties, so pages never overlap).</summary>
public enum CaseSort
{
    /// <summary>责任县, then list: the order the lists are dispatched in.</summary>
    County = 0,
    Category = 1,
    State = 2,
    /// <summary>The round's deadline (逾期天数: the most overdue first when ascending).</summary>
    Deadline = 3,
    Name = 4,
}

public sealed record CaseOrder(CaseSort Sort, bool Descending = false)
{
    public static CaseOrder Default { get; } = new(CaseSort.County);
}

public static class CaseSorting
{
    /// <summary>
    /// Orders the cases. By deadline, the round's: a join with the (few) rounds, or, when the caller has the rounds'
    /// deadlines at hand (the to-do), each case's round's place among them, so that the numbers of a page are read from
    /// the index alone (the join looked up the round of each of a county's 13,550 cases once the planner saw one round).
    /// </summary>
    public static IQueryable<Case> Apply(IQueryable<Case> q, CaseOrder order, IQueryable<Round> rounds, IReadOnlyDictionary<int, DateOnly>? deadlines = null)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(order);
        bool d = order.Descending;
        if (order.Sort == CaseSort.Deadline && deadlines is not null)
        {
            var place = PlaceByDeadline(deadlines);
            return d ? q.OrderByDescending(place).ThenByDescending(c => c.Id) : q.OrderBy(place).ThenBy(c => c.Id);
        }
        return order.Sort switch
        {
            CaseSort.Category => Then(d ? q.OrderByDescending(c => c.Category) : q.OrderBy(c => c.Category), c => c.CountyCode, d),
            CaseSort.State => Then(d ? q.OrderByDescending(c => c.State) : q.OrderBy(c => c.State), c => c.CountyCode, d),
            CaseSort.Name => d ? q.OrderByDescending(c => c.PersonName).ThenByDescending(c => c.Id) : q.OrderBy(c => c.PersonName).ThenBy(c => c.Id),
            // The deadline is the round's: a join with the (few) rounds.
            CaseSort.Deadline => d
                ? q.Join(rounds, c => c.RoundId, r => r.Id, (c, r) => new { c, r.Deadline }).OrderByDescending(x => x.Deadline).ThenByDescending(x => x.c.Id).Select(x => x.c)
                : q.Join(rounds, c => c.RoundId, r => r.Id, (c, r) => new { c, r.Deadline }).OrderBy(x => x.Deadline).ThenBy(x => x.c.Id).Select(x => x.c),
            _ => Then(d ? q.OrderByDescending(c => c.CountyCode) : q.OrderBy(c => c.CountyCode), c => c.Category, d),
        };
    }

    /// <summary>A round's place in the order of the deadlines (rounds of one deadline share it; others after them all).</summary>
    private static System.Linq.Expressions.Expression<Func<Case, int>> PlaceByDeadline(IReadOnlyDictionary<int, DateOnly> deadlines)
    {
        var c = System.Linq.Expressions.Expression.Parameter(typeof(Case), "c");
        var round = System.Linq.Expressions.Expression.Property(c, nameof(Case.RoundId));
        var distinct = deadlines.Values.Distinct().Order().ToList();
        System.Linq.Expressions.Expression place = System.Linq.Expressions.Expression.Constant(distinct.Count);
        foreach (var (id, deadline) in deadlines.OrderByDescending(kv => kv.Key))
            place = System.Linq.Expressions.Expression.Condition(System.Linq.Expressions.Expression.Equal(round, System.Linq.Expressions.Expression.Constant(id)),
                System.Linq.Expressions.Expression.Constant(distinct.BinarySearch(deadline)), place);
        return System.Linq.Expressions.Expression.Lambda<Func<Case, int>>(place, c);
    }

    private static IQueryable<Case> Then<TKey>(IOrderedQueryable<Case> q, System.Linq.Expressions.Expression<Func<Case, TKey>> next, bool descending) =>
        descending ? q.ThenByDescending(next).ThenByDescending(c => c.Id) : q.ThenBy(next).ThenBy(c => c.Id);

    /// <summary>Days past the deadline of a case not closed; 0 when not overdue.</summary>
    public static int DaysOverdue(CaseState state, DateOnly deadline, DateOnly today) =>
        state != CaseState.Closed && deadline < today ? today.DayNumber - deadline.DayNumber : 0;
}
