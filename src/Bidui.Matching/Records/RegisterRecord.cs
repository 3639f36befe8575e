using Bidui.Core.Regions;

namespace Bidui.Matching.Records;

/// <summary>A row of one of the other eligibility registers (SPEC §1.4), kept only when a list shows it (invalid_id).</summary>
public sealed class RegisterRecord : SourceRecord
{
    /// <summary>The register's label (低保, 特困 …), the 来源数据 of its rows.</summary>
    public required string Label { get; init; }
    /// <summary>The register's place among the registers given (their order on the command line).</summary>
    public int Index { get; init; }
    /// <summary>类别 as given (城市低保, 一级残疾 …).</summary>
    public string Kind { get; init; } = string.Empty;
    /// <summary>The county as given (code, or found from 省/市/县 names); 0 when unknown.</summary>
    public int CountyCode { get; init; }
    public DispatchCounty Dispatch { get; init; }
}
