namespace Bidui.Disclosure.Tests;

public sealed class SuppressionTests
{
    /// <summary>A rows × columns table with row, column and grand totals; returns the problem and the cell ids [r, c] (last row/column = totals).</summary>
    private static (DisclosureProblem P, int[,] Id) Table(long[,] inner)
    {
        int rows = inner.GetLength(0), cols = inner.GetLength(1);
        var p = new DisclosureProblem();
        var id = new int[rows + 1, cols + 1];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                id[r, c] = p.AddCell(inner[r, c]);
        for (int r = 0; r < rows; r++)
            id[r, cols] = p.AddCell(Enumerable.Range(0, cols).Sum(c => inner[r, c]));
        for (int c = 0; c <= cols; c++)
            id[rows, c] = p.AddCell(Enumerable.Range(0, rows).Sum(r => p.Values[id[r, c]]));
        for (int r = 0; r <= rows; r++)
            p.AddEquation(id[r, cols], [.. Enumerable.Range(0, cols).Select(c => id[r, c])]);
        for (int c = 0; c <= cols; c++)
            p.AddEquation(id[rows, c], [.. Enumerable.Range(0, rows).Select(r => id[r, c])]);
        return (p, id);
    }

    [Fact]
    public void One_small_cell_gets_three_complements_forming_a_rectangle()
    {
        var (p, id) = Table(new long[,] { { 3, 40, 50 }, { 30, 60, 70 }, { 25, 45, 80 } });
        var result = Suppression.Protect(p, 10);
        Assert.Equal(1, result.Primary);
        Assert.Equal(3, result.Secondary); // the fewest that can hide a cell in a table with margins
        Assert.Equal(CellStatus.Primary, p.Status[id[0, 0]]);
        // Every relation holds zero or at least two suppressed cells, and the audit pins nothing.
        Assert.All(p.Equations, e => Assert.NotEqual(1, e.Cells.Count(p.IsSuppressed)));
        Assert.All(result.Bounds, kv => Assert.True(Suppression.Protected(p, kv.Key, kv.Value, 10)));
        Assert.True(result.Bounds[id[0, 0]].High >= 10);
        // Totals are kept: complements are parts.
        Assert.All(Enumerable.Range(0, 4), i => Assert.False(p.IsSuppressed(id[i, 3]) || p.IsSuppressed(id[3, i])));
    }

    [Fact]
    public void Zeros_are_published_and_never_used_as_complements()
    {
        var (p, id) = Table(new long[,] { { 0, 4, 50 }, { 0, 60, 70 } });
        Suppression.Protect(p, 10);
        Assert.Equal(CellStatus.Published, p.Status[id[0, 0]]);
        Assert.Equal(CellStatus.Published, p.Status[id[1, 0]]);
        Assert.Equal(CellStatus.Primary, p.Status[id[0, 1]]);
    }

    [Fact]
    public void Small_complements_alone_would_pin_the_cell_range_so_more_are_added()
    {
        // Every inner cell small: a 2 × 2 rectangle of small cells bounds each below k; the audit adds cells until it cannot.
        var (p, id) = Table(new long[,] { { 3, 2, 40 }, { 4, 5, 60 }, { 30, 35, 20 } });
        var result = Suppression.Protect(p, 10);
        Assert.Equal(4, result.Primary);
        Assert.All(result.Bounds, kv => Assert.True(Suppression.Protected(p, kv.Key, kv.Value, 10), $"cell {kv.Key}: {kv.Value}"));
        foreach (var small in new[] { id[0, 0], id[0, 1], id[1, 0], id[1, 1] })
            Assert.True(result.Bounds[small].High >= 10);
    }

    [Fact]
    public void A_total_below_k_is_suppressed_and_protected_through_the_level_above()
    {
        // Region hierarchy of one column: province = pref A + pref B; pref A = county 1 + county 2.
        var p = new DisclosureProblem();
        int c1 = p.AddCell(2), c2 = p.AddCell(3), c3 = p.AddCell(40);
        int a = p.AddCell(5), b = p.AddCell(40), province = p.AddCell(45);
        p.AddEquation(a, [c1, c2]);
        p.AddEquation(b, [c3]);
        p.AddEquation(province, [a, b]);
        var result = Suppression.Protect(p, 10);
        Assert.True(p.IsSuppressed(c1) && p.IsSuppressed(c2) && p.IsSuppressed(a));
        Assert.All(result.Bounds, kv => Assert.True(Suppression.Protected(p, kv.Key, kv.Value, 10), $"cell {kv.Key}: {kv.Value}"));
    }

    [Fact]
    public void Parts_that_do_not_add_up_are_refused()
    {
        var p = new DisclosureProblem();
        int x = p.AddCell(2), t = p.AddCell(3);
        Assert.Throws<ArgumentException>(() => p.AddEquation(t, [x]));
    }
}
