using Bidui.Core.Regions;
using Bidui.Matching.Categories;

namespace Bidui.Matching.Records;

/// <summary>
/// One row of one result list. It points at the source records it stands for (provenance) and
/// says who must act on it (the responsible county).
/// </summary>
public sealed class ResultRow
{
    public required Category Category { get; init; }
    public PovertyRecord? Person { get; init; }
    public StudentRecord? Student { get; init; }
    public AidRecord? Aid { get; init; }
    /// <summary>For lists of source rows (invalid_id, field_conflict): which dataset and row.</summary>
    public Dataset? Source { get; init; }
    public int SourceRow { get; init; }
    /// <summary>原因 where the rule gives one.</summary>
    public string Reason { get; init; } = string.Empty;
    /// <summary>Extra facts for the reader (e.g. the contradicting cells), shown in its own column.</summary>
    public string Detail { get; init; } = string.Empty;
    /// <summary>Rows sharing the key, for the duplicate lists.</summary>
    public int DuplicateCount { get; init; }
    public int Age { get; init; } = -1;
    public DispatchCounty Responsible { get; init; }
    /// <summary>invalid_id: the number of the record the probabilistic tier linked this row to (建议号码).</summary>
    /// <remarks>Set after the row is made: the link is found only once every input is read.</remarks>
    public string SuggestedId { get; set; } = string.Empty;
    /// <summary>review: the pair's match probability and weight (log2 odds).</summary>
    public double MatchProbability { get; init; }
    public double MatchWeight { get; init; }
    /// <summary>review: the student's birth date as the tier read it (from the ID or the 出生日期 column).</summary>
    public DateOnly? StudentBirthDate { get; init; }
    /// <summary>备注: region-code notes and the like.</summary>
    public string Note { get; init; } = string.Empty;
}

/// <summary>A row that was neither blank nor loaded (SPEC §5: name and ID both empty).</summary>
public sealed record RejectedRow(Dataset Source, int Row, string Reason);
