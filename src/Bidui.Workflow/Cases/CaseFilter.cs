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
    /// <summary>The unit that must verify (责任单位): separates an office's own cases from those waiting on schools or townships.</summary>
    public Unit? Unit { get; init; }
    /// <summary>The household's 乡镇 (exact).</summary>
    public string? Township { get; init; }
    public Linkage? Linkage { get; init; }
    /// <summary>Name (contains) or full ID number (exact).</summary>
    public string? Text { get; init; }
    public bool OverdueOnly { get; init; }
}
