namespace Bidui.Core.Identity;

public enum Sex : byte
{
    Unknown,
    Male,
    Female,
}
