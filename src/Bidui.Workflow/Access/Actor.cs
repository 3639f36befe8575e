using Bidui.Workflow.Store;

namespace Bidui.Workflow.Access;

/// <summary>The signed-in person a service acts for.</summary>
public sealed record Actor(int UserId, string UserName, Role Role, int RegionCode, string? SchoolCode, string? Township = null, string? Village = null)
{
    public static Actor Of(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.UserName, user.Role, user.RegionCode, user.SchoolCode, user.Township, user.Village);
    }

    /// <summary>Matches no case (and, unlike "\0", PostgreSQL accepts it as text).</summary>
    private const string Nothing = "\u0001";

    /// <summary>A school, township or village account without its school, township or village sees nothing.</summary>
    public UserScope Scope => Role switch
    {
        Role.SchoolAid => UserScope.ForRegion(RegionCode, SchoolCode ?? Nothing),
        Role.Township => UserScope.ForTownship(RegionCode, Township ?? Nothing),
        Role.Village => UserScope.ForTownship(RegionCode, Township ?? Nothing, Village ?? Nothing),
        _ => UserScope.ForRegion(RegionCode),
    };
}
