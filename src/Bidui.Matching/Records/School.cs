using Bidui.Core.Regions;

namespace Bidui.Matching.Records;

/// <summary>
/// A school as the registry names it; one instance per distinct (code, name, county), shared by all
/// its students, so reference equality is identity.
/// </summary>
public sealed class School(string name, string code, int countyCode, DispatchCounty dispatch)
{
    public string Name { get; } = name;
    public string Code { get; } = code;
    /// <summary>学校所在地代码 as given; 0 when absent or unreadable.</summary>
    public int CountyCode { get; } = countyCode;
    public DispatchCounty Dispatch { get; } = dispatch;

    public static School Unknown { get; } = new(string.Empty, string.Empty, 0, default);
}
