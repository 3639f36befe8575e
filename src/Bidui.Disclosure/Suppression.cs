namespace Bidui.Disclosure;

/// <summary>What protection did: cells suppressed as small, as complements, and the audit's bounds on every suppressed cell.</summary>
public sealed record SuppressionResult(int Primary, int Secondary, IReadOnlyDictionary<int, Interval> Bounds);

/// <summary>
/// Statistical disclosure control of a set of linked count tables (docs/PUBLISH.md):
/// <list type="number">
/// <item>primary: every cell counting 1 to k − 1 people is suppressed (a zero is no person, and is published);</item>
/// <item>complementary: no relation may hold exactly one suppressed cell (it would be its difference); complements
/// are chosen to close rectangles (a cell whose other relations already hold a suppressed cell) and to be large
/// enough to hide the small one, parts before totals;</item>
/// <item>audit: linear programming bounds every suppressed cell as a reader could; a small cell must be able to
/// reach k (so nobody can tell it is small), and no suppressed cell may be pinned to one value. A cell that fails
/// gets one more complement, and the whole is audited again until every cell passes.</item>
/// </list>
/// </summary>
public static class Suppression
{
    public static SuppressionResult Protect(DisclosureProblem problem, int k)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        var status = problem.Status;
        for (int c = 0; c < status.Length; c++)
            status[c] = problem.Values[c] is > 0 and var v && v < k ? CellStatus.Primary : CellStatus.Published;

        var equationsOf = new List<int>[status.Length];
        for (int c = 0; c < status.Length; c++)
            equationsOf[c] = [];
        for (int e = 0; e < problem.Equations.Count; e++)
        {
            foreach (int c in problem.Equations[e].Cells)
                equationsOf[c].Add(e);
        }

        while (true)
        {
            CloseSingletons(problem, equationsOf, k);
            var bounds = IntervalAudit.Bounds(problem);
            int failing = bounds.Where(kv => !Protected(problem, kv.Key, kv.Value, k)).Select(kv => kv.Key).DefaultIfEmpty(-1).Min();
            if (failing < 0)
                return new SuppressionResult(status.Count(s => s == CellStatus.Primary), status.Count(s => s == CellStatus.Secondary), bounds);
            int complement = BestComplement(problem, equationsOf, equationsOf[failing], Need(problem, failing, k))
                ?? BestComplement(problem, equationsOf, ComponentEquations(problem, failing), Need(problem, failing, k))
                ?? throw new InvalidOperationException($"Cell {failing} cannot be protected: no published cell is left around it.");
            status[complement] = CellStatus.Secondary;
        }
    }

    /// <summary>The requirement of the audit (docs/PUBLISH.md).</summary>
    public static bool Protected(DisclosureProblem problem, int cell, Interval bounds, int k)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (bounds.Exact)
            return false;
        return problem.Status[cell] != CellStatus.Primary || bounds.High >= k - 0.5;
    }

    private static long Need(DisclosureProblem problem, int cell, int k) =>
        problem.Status[cell] == CellStatus.Primary ? k - problem.Values[cell] + 1 : 2;

    private static void CloseSingletons(DisclosureProblem problem, List<int>[] equationsOf, int k)
    {
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int e = 0; e < problem.Equations.Count; e++)
            {
                var hidden = problem.Equations[e].Cells.Where(problem.IsSuppressed).ToList();
                if (hidden.Count != 1)
                    continue;
                int complement = BestComplement(problem, equationsOf, [e], Need(problem, hidden[0], k))
                    ?? throw new InvalidOperationException("A relation with one suppressed cell has no other cell above zero.");
                problem.Status[complement] = CellStatus.Secondary;
                changed = true;
            }
        }
    }

    /// <summary>
    /// The published cell (above zero) of these relations to suppress next: one big enough to hide the need
    /// first; then the one whose other relations need no further complement (closing a rectangle); then parts
    /// before totals; then the smallest that suffices (or, when none does, the largest).
    /// </summary>
    private static int? BestComplement(DisclosureProblem problem, List<int>[] equationsOf, IEnumerable<int> equations, long need)
    {
        int? best = null;
        (int, int, int, long, int) bestKey = default;
        foreach (int e in equations)
        {
            var eq = problem.Equations[e];
            foreach (int c in eq.Cells)
            {
                if (problem.IsSuppressed(c) || problem.Values[c] == 0)
                    continue;
                long v = problem.Values[c];
                int opens = equationsOf[c].Count(o => o != e && problem.Equations[o].Cells.Count(problem.IsSuppressed) == 0);
                var key = (v >= need ? 0 : 1, opens, c == eq.Total ? 1 : 0, v >= need ? v : -v, c);
                if (best is null || key.CompareTo(bestKey) < 0)
                    (best, bestKey) = (c, key);
            }
        }
        return best;
    }

    private static IEnumerable<int> ComponentEquations(DisclosureProblem problem, int cell)
    {
        var component = IntervalAudit.Components(problem).First(g => g.Cells.Contains(cell));
        var cells = component.Cells.ToHashSet();
        return Enumerable.Range(0, problem.Equations.Count).Where(e => problem.Equations[e].Cells.Any(cells.Contains));
    }
}
