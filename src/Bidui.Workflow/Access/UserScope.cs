using Bidui.Workflow.Store;

namespace Bidui.Workflow.Access;

/// <summary>
/// What part of the data a user may see: a range of county codes (a region subtree in GB/T 2260 is a
/// code range) and, for school officers, one school; for township officers one 乡镇 of their county, for
/// village officers one 村 of it. The DbContext applies it to every query of cases and of what hangs
/// from them; <see cref="None"/> is the default, so forgetting it shows nothing.
/// </summary>
public sealed record UserScope(bool Everything, int MinCounty, int MaxCounty, string? SchoolCode, string? Township = null, string? Village = null)
{
    public static UserScope None { get; } = new(false, 1, 0, null);

    /// <summary>The background job and seeding: not a person, sees all.</summary>
    public static UserScope System { get; } = new(true, 0, 999999, null);

    public static UserScope ForRegion(int regionCode, string? schoolCode = null)
    {
        var (min, max) = RegionRange(regionCode);
        return new UserScope(false, min, max, schoolCode);
    }

    /// <summary>A township of a county, or a village of it: the cases whose household is there.</summary>
    public static UserScope ForTownship(int countyCode, string township, string? village = null) =>
        new(false, countyCode, countyCode, null, township, village);

    public static UserScope For(User user) => Actor.Of(user).Scope;

    /// <summary>430000 → 430000–439999; 430500 → 430500–430599; a county is itself.</summary>
    public static (int Min, int Max) RegionRange(int code)
    {
        if (code % 10000 == 0) return (code, code + 9999);
        if (code % 100 == 0) return (code, code + 99);
        return (code, code);
    }

    public bool Contains(int countyCode) => Everything || (countyCode >= MinCounty && countyCode <= MaxCounty);
}
