namespace Bidui.Disclosure;

/// <summary>The range a reader can prove for a suppressed cell from everything published.</summary>
public readonly record struct Interval(double Low, double High)
{
    public bool Exact => High - Low < 0.5;
}

/// <summary>
/// The attacker's best bounds for every suppressed cell: min and max of the cell by linear programming over
/// the published relations, every suppressed cell at least 1 (zeros are published, so a reader knows a
/// hidden cell is not zero). Groups of suppressed cells that share no relation are solved apart.
/// </summary>
public static class IntervalAudit
{
    public const double LowerBound = 1;

    public static Dictionary<int, Interval> Bounds(DisclosureProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var result = new Dictionary<int, Interval>();
        foreach (var (cells, equations) in Components(problem))
        {
            var index = new Dictionary<int, int>();
            foreach (int c in cells)
                index[c] = index.Count;
            // Σ coef·x (suppressed) = −Σ coef·v (published); with x = 1 + y: A y = b − A·1.
            var a = new double[equations.Count][];
            var b = new double[equations.Count];
            for (int e = 0; e < equations.Count; e++)
            {
                a[e] = new double[cells.Count];
                var eq = equations[e];
                foreach (var (cell, coef) in eq.Parts.Select(p => (p, -1.0)).Prepend((eq.Total, 1.0)))
                {
                    if (index.TryGetValue(cell, out int j))
                    {
                        a[e][j] += coef;
                        b[e] -= coef * LowerBound;
                    }
                    else
                    {
                        b[e] -= coef * problem.Values[cell];
                    }
                }
            }
            for (int j = 0; j < cells.Count; j++)
            {
                var c = new double[cells.Count];
                c[j] = 1;
                var (s1, min) = LinearProgram.Minimize(a, b, c);
                if (s1 == LpStatus.Infeasible)
                    throw new InvalidOperationException("The published relations contradict each other.");
                c[j] = -1;
                var (s2, negMax) = LinearProgram.Minimize(a, b, c);
                double high = s2 == LpStatus.Unbounded ? double.PositiveInfinity : LowerBound - negMax;
                result[cells[j]] = new Interval(LowerBound + min, high);
            }
        }
        return result;
    }

    /// <summary>Suppressed cells grouped by the relations that link them, each group with its relations.</summary>
    internal static List<(List<int> Cells, List<DisclosureProblem.Equation> Equations)> Components(DisclosureProblem problem)
    {
        int n = problem.Values.Count;
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var touching = new List<DisclosureProblem.Equation>();
        foreach (var eq in problem.Equations)
        {
            var hidden = eq.Cells.Where(problem.IsSuppressed).ToList();
            if (hidden.Count == 0)
                continue;
            touching.Add(eq);
            foreach (int h in hidden.Skip(1))
                parent[Find(h)] = Find(hidden[0]);
        }
        var groups = new Dictionary<int, (List<int> Cells, List<DisclosureProblem.Equation> Equations)>();
        for (int c = 0; c < n; c++)
        {
            if (!problem.IsSuppressed(c))
                continue;
            int root = Find(c);
            if (!groups.TryGetValue(root, out var g))
                groups[root] = g = ([], []);
            g.Cells.Add(c);
        }
        foreach (var eq in touching)
            groups[Find(eq.Cells.First(problem.IsSuppressed))].Equations.Add(eq);
        return [.. groups.Values];
    }
}
