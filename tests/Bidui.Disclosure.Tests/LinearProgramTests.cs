namespace Bidui.Disclosure.Tests;

public sealed class LinearProgramTests
{
    [Fact]
    public void A_small_program_has_the_minimum_worked_out_by_hand()
    {
        // min −y0 − y1 s.t. y0 + y1 + s = 4, y0 − y1 = 0, y ≥ 0 → y0 = y1 = 2, value −4.
        var (status, value) = LinearProgram.Minimize([[1, 1, 1], [1, -1, 0]], [4, 0], [-1, -1, 0]);
        Assert.Equal(LpStatus.Optimal, status);
        Assert.Equal(-4, value, 9);
    }

    [Fact]
    public void Unbounded_and_infeasible_programs_are_told_apart()
    {
        Assert.Equal(LpStatus.Unbounded, LinearProgram.Minimize([[1, -1]], [0], [-1, 0]).Status);
        Assert.Equal(LpStatus.Infeasible, LinearProgram.Minimize([[1, 1]], [-3], [1, 0]).Status);
    }

    [Fact]
    public void Redundant_equations_are_handled()
    {
        // The same equation twice and their sum: min y0 s.t. y0 + y1 = 5 (three ways), y1 ≤ 5 via the same rows.
        var (status, value) = LinearProgram.Minimize([[1, 1], [1, 1], [2, 2]], [5, 5, 10], [1, 0]);
        Assert.Equal(LpStatus.Optimal, status);
        Assert.Equal(0, value, 9);
    }

    [Fact]
    public void Bounds_agree_with_brute_force_on_random_small_tables()
    {
        // Random 3 × 3 tables with margins, random cells hidden; the audit's bounds (x ≥ 1) must equal the
        // range found by enumerating every integer filling of the hidden cells that reproduces the margins.
        var rng = new Random(7);
        for (int trial = 0; trial < 60; trial++)
        {
            var p = new DisclosureProblem();
            var cell = new int[3, 3];
            for (int r = 0; r < 3; r++)
                for (int c = 0; c < 3; c++)
                    cell[r, c] = p.AddCell(rng.Next(1, 7));
            for (int r = 0; r < 3; r++)
                p.AddEquation(p.AddCell(Enumerable.Range(0, 3).Sum(c => p.Values[cell[r, c]])), [cell[r, 0], cell[r, 1], cell[r, 2]]);
            for (int c = 0; c < 3; c++)
                p.AddEquation(p.AddCell(Enumerable.Range(0, 3).Sum(r => p.Values[cell[r, c]])), [cell[0, c], cell[1, c], cell[2, c]]);
            // Up to four hidden cells keep the enumeration small (20⁴ fillings).
            var hidden = Enumerable.Range(0, 9).OrderBy(_ => rng.Next()).Take(rng.Next(2, 5)).Select(i => cell[i / 3, i % 3]).ToList();
            foreach (int h in hidden)
                p.Status[h] = CellStatus.Primary;
            var bounds = IntervalAudit.Bounds(p);
            var (low, high) = BruteForce(p, hidden, max: 20);
            foreach (int h in hidden)
            {
                Assert.Equal(low[h], bounds[h].Low, 6);
                Assert.Equal(high[h], bounds[h].High, 6); // every margin is published: nothing is unbounded
            }
        }
    }

    private static (Dictionary<int, long> Low, Dictionary<int, long> High) BruteForce(DisclosureProblem p, List<int> hidden, int max)
    {
        var low = hidden.ToDictionary(h => h, _ => long.MaxValue);
        var high = hidden.ToDictionary(h => h, _ => long.MinValue);
        var v = p.Values.ToArray();
        void Fill(int i)
        {
            if (i == hidden.Count)
            {
                if (p.Equations.All(e => v[e.Total] == e.Parts.Sum(x => v[x])))
                {
                    foreach (int h in hidden)
                        (low[h], high[h]) = (Math.Min(low[h], v[h]), Math.Max(high[h], v[h]));
                }
                return;
            }
            for (long x = 1; x <= max; x++)
            {
                v[hidden[i]] = x;
                Fill(i + 1);
            }
            v[hidden[i]] = p.Values[hidden[i]];
        }
        Fill(0);
        return (low, high);
    }
}
