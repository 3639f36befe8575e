namespace Bidui.Core.Regions;

/// <summary>Why a county code was not used as given when dispatching work.</summary>
public enum RegionNote : byte
{
    None,
    Abolished,
    Unknown,
}
