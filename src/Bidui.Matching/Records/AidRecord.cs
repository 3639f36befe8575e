using Bidui.Core.Identity;

namespace Bidui.Matching.Records;

/// <summary>An aid-payment row the engine keeps (keyed rows) or shows (snapshots).</summary>
public sealed class AidRecord
{
    public required int Row { get; init; }
    public long Key { get; init; }
    public required string Name { get; init; }
    public required string IdText { get; init; }
    public IdProblem IdProblem { get; init; }
    public string Project { get; init; } = string.Empty;
    public string Amount { get; init; } = string.Empty;
    public string SchoolYear { get; init; } = string.Empty;
    public string Term { get; init; } = string.Empty;
    public string PaidOn { get; init; } = string.Empty;
    public string SchoolName { get; init; } = string.Empty;
    public string SchoolCode { get; init; } = string.Empty;
}
