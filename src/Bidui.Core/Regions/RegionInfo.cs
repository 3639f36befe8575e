namespace Bidui.Core.Regions;

/// <summary>
/// One row of the GB/T 2260 table. <see cref="Prefecture"/> is null for 直辖 and for province rows.
/// <see cref="Successors"/> lists every code in 新代码 in file order (for an in-use row these are
/// partial transfers); <see cref="SuccessorsAtChange"/> only those that took over in
/// <see cref="ChangedYear"/> (no <c>[year]</c> suffix, or that same year).
/// </summary>
public sealed record RegionInfo(
    int Code,
    string Name,
    string Province,
    string? Prefecture,
    RegionLevel Level,
    bool InUse,
    int? ChangedYear,
    IReadOnlyList<int> Successors)
{
    public IReadOnlyList<int> SuccessorsAtChange { get; init; } = [];

    /// <summary>启用时间: the year the code came into use on this row.</summary>
    public int StartYear { get; init; }
}
