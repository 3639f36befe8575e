namespace Bidui.Core.Regions;

/// <summary>One row of the GB/T 2260 table. <see cref="Prefecture"/> is null for 直辖 and for province rows.</summary>
public sealed record RegionInfo(
    int Code,
    string Name,
    string Province,
    string? Prefecture,
    RegionLevel Level,
    bool InUse,
    int? ChangedYear,
    IReadOnlyList<int> Successors);
