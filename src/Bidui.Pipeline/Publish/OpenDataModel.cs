namespace Bidui.Pipeline.Publish;

/// <summary>A region row of the open-data tables: the root (全部), a province, a prefecture, a county, or the unknown county.</summary>
public sealed record OpenRegion(string Code, string Name, string Level, string? Parent);

/// <summary>A rate shown beside a table: numerator ÷ denominator × scale (or its complement), published only when both counts are.</summary>
public sealed record OpenRate(string Name, string Unit, int Numerator, int Denominator, double Scale);

/// <summary>
/// One published table: regions × columns of counts (people or rows), with the column that is the total of
/// the others (if any), and rates. <see cref="Cells"/> maps [region, column] to a cell of the disclosure problem.
/// </summary>
/// <param name="TotalSameAs">When the total column is another table's figure: "table/column", so a reader knows they are one number.</param>
public sealed record OpenTable(string Code, string Title, string Unit, IReadOnlyList<string> Columns, int? TotalColumn,
    IReadOnlyList<OpenRate> Rates, int[,] Cells, string Note, string? TotalSameAs);

/// <summary>The whole package before writing: regions, tables and the protected cells.</summary>
public sealed record OpenDataPackage(IReadOnlyList<OpenRegion> Regions, IReadOnlyList<OpenTable> Tables,
    Bidui.Disclosure.DisclosureProblem Problem, int K, DateOnly ReferenceDate)
{
    /// <summary>A cell's published value, or null when suppressed.</summary>
    public long? Published(int cell) => Problem.IsSuppressed(cell) ? null : Problem.Values[cell];

    /// <summary>A rate's published value (rounded to 0.1), or null when its numerator or denominator is suppressed or the denominator is below k.</summary>
    public double? Rate(OpenTable table, OpenRate rate, int region)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rate);
        int n = table.Cells[region, rate.Numerator], d = table.Cells[region, rate.Denominator];
        if (Published(n) is not { } num || Published(d) is not { } den || den < K)
            return null;
        return Math.Round(num * rate.Scale / den, 1, MidpointRounding.AwayFromZero);
    }
}
