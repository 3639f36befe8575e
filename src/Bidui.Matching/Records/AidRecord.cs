using Bidui.Core.Identity;

namespace Bidui.Matching.Records;

/// <summary>An aid-payment row the engine keeps (keyed rows) or shows (snapshots).</summary>
public sealed class AidRecord
{
    public required int Row { get; init; }
    public long Key { get; init; }
    public required string Name { get; init; }
    /// <summary>The ID text as given, kept only when it cannot be rebuilt from <see cref="Key"/> (no key, or another document type).</summary>
    public string? IdGiven { get; init; }
    /// <summary>The ID as lists show it: a resident key is formatted on demand, so millions of rows keep no ID strings.</summary>
    public string IdText => IdGiven ?? Bidui.Core.Identity.ResidentId.Format(Key);
    public IdProblem IdProblem { get; init; }
    public string Project { get; init; } = string.Empty;
    public string Amount { get; init; } = string.Empty;
    public string SchoolYear { get; init; } = string.Empty;
    public string Term { get; init; } = string.Empty;
    public string PaidOn { get; init; } = string.Empty;
    public string SchoolName { get; init; } = string.Empty;
    public string SchoolCode { get; init; } = string.Empty;
}
