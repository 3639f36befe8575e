namespace Bidui.Core.Regions;

public enum RegionLevel : byte
{
    Province,
    Prefecture,
    County,
}
