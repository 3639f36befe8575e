using Bidui.Matching.Categories;

namespace Bidui.Pipeline;

/// <summary>
/// The figures every summary output is made of (summary workbook, HTML report, summary.json):
/// rows per computed list, per responsible county, the inputs' accounting and the notes. Both the
/// in-memory and the partitioned writer build one, so the summaries cannot differ between them.
/// </summary>
internal sealed record ResultTally(
    DateOnly ReferenceDate,
    IReadOnlyList<(Category Category, long Rows)> Lists,
    SortedDictionary<int, Dictionary<Category, long>> ByCounty,
    IReadOnlyList<InputAccount> Inputs,
    IReadOnlyList<string> Notes)
{
    /// <summary>By when the lists are to be answered (the workbooks' 说明); null: as the notice says.</summary>
    public DateOnly? Deadline { get; init; }
    /// <summary>The bases of the county indicators, per county (summary.json `counties`).</summary>
    public Bidui.Matching.Records.CountyBases Bases { get; init; } = new();
    /// <summary>How the comparison indicators are scored in the workbook and report (`--scorecard`, else the default).</summary>
    public Bidui.Assessment.Scoring.Scorecard Scorecard { get; init; } = Bidui.Assessment.Scoring.Scorecard.Default;
    /// <summary>The money of the aid rows (SPEC §4.6); null without an aid file.</summary>
    public Bidui.Matching.Supervision.FundsTally? Funds { get; init; }
    /// <summary>The key counties (`--key-counties`), as in-use county codes; null when not given.</summary>
    public IReadOnlySet<int>? KeyCounties { get; init; }

    public static void Count(SortedDictionary<int, Dictionary<Category, long>> byCounty, int county, Category category, long rows = 1)
    {
        if (!byCounty.TryGetValue(county, out var lists))
            byCounty[county] = lists = [];
        lists[category] = lists.GetValueOrDefault(category) + rows;
    }
}
