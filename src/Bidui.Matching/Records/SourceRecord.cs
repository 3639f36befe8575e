using Bidui.Core.Identity;

namespace Bidui.Matching.Records;

/// <summary>What every kept input row has: its row number, its person key, the name and the ID.</summary>
public abstract class SourceRecord
{
    /// <summary>The row number a person sees in Excel/WPS (SPEC §5).</summary>
    public required int Row { get; init; }
    /// <summary>The person key (SPEC §4); 0 when the row has none.</summary>
    public long Key { get; init; }
    public required string Name { get; init; }
    /// <summary>The ID text as given, kept only when it cannot be rebuilt from <see cref="Key"/> (no key, or another document type).</summary>
    public string? IdGiven { get; init; }
    /// <summary>The ID as lists show it: a resident key is formatted on demand, so millions of rows keep no ID strings.</summary>
    public string IdText => IdGiven ?? ResidentId.Format(Key);
    public IdProblem IdProblem { get; init; }
}
