namespace Bidui.Core.Regions;

/// <summary>
/// Where to send work for a county code: <see cref="Code"/> is the in-use county after following
/// successors (the first when a code was split), 0 when the code is unknown.
/// </summary>
public readonly record struct DispatchCounty(int Code, RegionNote Note, int OriginalCode);
