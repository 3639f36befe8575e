namespace Bidui.Disclosure;

/// <summary>The outcome of one linear program.</summary>
public enum LpStatus
{
    Optimal,
    Unbounded,
    Infeasible,
}

/// <summary>
/// A dense two-phase simplex (Bland's rule, so it cannot cycle) for min cᵀy subject to Ay = b, y ≥ 0.
/// Written here because the disclosure audit needs only this, on the small systems one group of linked
/// suppressed cells gives (tens to a few hundred variables); a native solver package would add tens of MB
/// to an offline install for it. Tested against brute force on small integer systems.
/// </summary>
public static class LinearProgram
{
    private const double Eps = 1e-9;

    /// <summary>Minimises cᵀy; returns the status and, when optimal, the minimum.</summary>
    public static (LpStatus Status, double Value) Minimize(double[][] a, double[] b, double[] c)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        int m = a.Length, n = c.Length;
        // Tableau: m rows of [A | I (artificials) | b], rows with b < 0 negated first.
        int width = n + m + 1;
        var t = new double[m][];
        var basis = new int[m];
        for (int i = 0; i < m; i++)
        {
            t[i] = new double[width];
            double sign = b[i] < 0 ? -1 : 1;
            for (int j = 0; j < n; j++)
                t[i][j] = sign * a[i][j];
            t[i][n + i] = 1;
            t[i][width - 1] = sign * b[i];
            basis[i] = n + i;
        }

        // Phase 1: minimise the sum of the artificials.
        var phase1 = new double[width];
        for (int j = n; j < n + m; j++)
            phase1[j] = 1;
        if (!Run(t, basis, phase1, n + m, out double infeasibility) || infeasibility > 1e-7)
            return (LpStatus.Infeasible, 0);

        // Artificials left in the basis at zero: pivot them out, or drop their (redundant) row.
        var rows = new List<int>();
        for (int i = 0; i < m; i++)
        {
            if (basis[i] >= n)
            {
                int j = Array.FindIndex(t[i], 0, n, v => Math.Abs(v) > Eps);
                if (j < 0)
                    continue; // redundant equation
                Pivot(t, basis, i, j);
            }
            rows.Add(i);
        }
        var t2 = rows.Select(i => t[i]).ToArray();
        var basis2 = rows.Select(i => basis[i]).ToArray();
        var cost = new double[width];
        Array.Copy(c, cost, n);
        return Run(t2, basis2, cost, n, out double value) ? (LpStatus.Optimal, value) : (LpStatus.Unbounded, double.NegativeInfinity);
    }

    /// <summary>Simplex iterations with columns below <paramref name="columns"/> allowed to enter; false when unbounded.</summary>
    private static bool Run(double[][] t, int[] basis, double[] cost, int columns, out double value)
    {
        int m = t.Length, rhs = cost.Length - 1;
        for (int iteration = 0; iteration < 50_000; iteration++)
        {
            // Reduced costs: c_j − c_Bᵀ B⁻¹ A_j; Bland: the first column with a negative one enters.
            int enter = -1;
            for (int j = 0; j < columns; j++)
            {
                double d = cost[j];
                for (int i = 0; i < m; i++)
                    d -= cost[basis[i]] * t[i][j];
                if (d < -Eps)
                {
                    enter = j;
                    break;
                }
            }
            if (enter < 0)
            {
                value = 0;
                for (int i = 0; i < m; i++)
                    value += cost[basis[i]] * t[i][rhs];
                return true;
            }
            int leave = -1;
            double best = double.PositiveInfinity;
            for (int i = 0; i < m; i++)
            {
                if (t[i][enter] > Eps)
                {
                    double ratio = t[i][rhs] / t[i][enter];
                    if (ratio < best - Eps || (Math.Abs(ratio - best) <= Eps && basis[i] < basis[leave]))
                        (best, leave) = (ratio, i);
                }
            }
            if (leave < 0)
            {
                value = double.NegativeInfinity;
                return false;
            }
            Pivot(t, basis, leave, enter);
        }
        throw new InvalidOperationException("The simplex did not finish within its iteration limit.");
    }

    private static void Pivot(double[][] t, int[] basis, int row, int column)
    {
        var p = t[row];
        double f = p[column];
        for (int j = 0; j < p.Length; j++)
            p[j] /= f;
        for (int i = 0; i < t.Length; i++)
        {
            if (i == row)
                continue;
            double g = t[i][column];
            if (Math.Abs(g) <= Eps)
                continue;
            var r = t[i];
            for (int j = 0; j < r.Length; j++)
                r[j] -= g * p[j];
        }
        basis[row] = column;
    }
}
