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
    /// <summary>A row of an eligibility register (invalid_id).</summary>
    public RegisterRecord? Register { get; init; }
    /// <summary>For lists of source rows (invalid_id, field_conflict): which dataset and row.</summary>
    public Dataset? Source { get; init; }
    /// <summary>来源数据: the dataset's name, or the register's label.</summary>
    public string SourceName => Register is { } r ? r.Label : Source?.ToChinese() ?? string.Empty;
    /// <summary>Lists of source rows are ordered 学籍, 乡村振兴, 资助, then the registers in the order given.</summary>
    public int SourceOrder => Source is { } s ? (int)s + (Register?.Index ?? 0) : 0;
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
/// <param name="Label">For a register's row, its label (the 来源数据).</param>
public sealed record RejectedRow(Dataset Source, int Row, string Reason, string? Label = null, int RegisterIndex = 0)
{
    public string SourceName => Label ?? Source.ToChinese();
}
