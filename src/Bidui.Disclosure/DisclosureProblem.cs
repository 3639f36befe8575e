namespace Bidui.Disclosure;

/// <summary>What happens to a cell of a published table.</summary>
public enum CellStatus : byte
{
    Published,
    /// <summary>Counts fewer than k people (and more than none).</summary>
    Primary,
    /// <summary>Suppressed so that no primary cell can be worked out from the totals (complementary suppression).</summary>
    Secondary,
}

/// <summary>
/// Published counts and the additive relations a reader knows between them: every table's
/// total = Σ its parts, along rows (breakdowns), columns (region hierarchy) and across tables that
/// publish the same figure (one cell). Values are the true counts; what is published depends on <see cref="Status"/>.
/// </summary>
public sealed class DisclosureProblem
{
    private readonly List<long> _values = [];
    private readonly List<Equation> _equations = [];

    /// <summary>total = Σ parts.</summary>
    public sealed record Equation(int Total, IReadOnlyList<int> Parts)
    {
        public IEnumerable<int> Cells => Parts.Prepend(Total);
    }

    public IReadOnlyList<long> Values => _values;
    public IReadOnlyList<Equation> Equations => _equations;
    public CellStatus[] Status { get; private set; } = [];

    public int AddCell(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        _values.Add(value);
        Status = [.. Status, CellStatus.Published];
        return _values.Count - 1;
    }

    /// <summary>Adds total = Σ parts; the values must add up (a table that does not cannot be protected by reasoning on its sums).</summary>
    public void AddEquation(int total, IReadOnlyList<int> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        long sum = parts.Sum(p => _values[p]);
        if (sum != _values[total])
            throw new ArgumentException($"Cell {total} is {_values[total]} but its parts add up to {sum}.", nameof(parts));
        _equations.Add(new Equation(total, parts));
    }

    public bool IsSuppressed(int cell) => Status[cell] != CellStatus.Published;
}
