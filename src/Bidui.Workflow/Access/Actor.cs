using Bidui.Workflow.Store;

namespace Bidui.Workflow.Access;

/// <summary>The signed-in person a service acts for.</summary>
public sealed record Actor(int UserId, string UserName, Role Role, int RegionCode, string? SchoolCode)
{
    public static Actor Of(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.UserName, user.Role, user.RegionCode, user.SchoolCode);
    }

    public UserScope Scope => UserScope.ForRegion(RegionCode, Role == Role.SchoolAid ? SchoolCode ?? "\0" : null);
}
