using Bidui.Core.Regions;

namespace Bidui.Matching.Records;

/// <summary>A school as the registry names it; shared by all its students (interned).</summary>
public sealed record School(string Name, string Code, int CountyCode, DispatchCounty Dispatch)
{
    public static School Unknown { get; } = new(string.Empty, string.Empty, 0, default);
}
