using Bidui.Workflow.Store;

namespace Bidui.Workflow.Cases;

/// <summary>What a case list, count or export asks for; the user's scope is applied by the store, not here.</summary>
public sealed record CaseFilter
{
    public int? RoundId { get; init; }
    public string? Category { get; init; }
    public CaseState? State { get; init; }
    /// <summary>A region (province, prefecture or county code) to narrow to, inside the scope.</summary>
    public int? RegionCode { get; init; }
    public string? SchoolCode { get; init; }
    public Linkage? Linkage { get; init; }
    /// <summary>Name (contains) or full ID number (exact).</summary>
    public string? Text { get; init; }
    public bool OverdueOnly { get; init; }
}
