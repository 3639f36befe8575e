using System.Globalization;
using System.Security.Claims;
using Bidui.Workflow.Access;
using Bidui.Workflow.Store;

namespace Bidui.Web.Hosting;

/// <summary>The signed-in user as claims in the cookie, and back.</summary>
public static class CurrentUser
{
    private const string RegionClaim = "bidui:region";
    private const string SchoolClaim = "bidui:school";
    private const string TownshipClaim = "bidui:township";
    private const string VillageClaim = "bidui:village";
    private const string DisplayClaim = "bidui:display";
    private const string StampClaim = "bidui:stamp";

    public static ClaimsPrincipal ToPrincipal(User user, string scheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.Role, user.Role.ToString()),
            new(RegionClaim, user.RegionCode.ToString(CultureInfo.InvariantCulture)),
            new(DisplayClaim, user.DisplayName),
            new(StampClaim, user.SecurityStamp),
        };
        if (user.SchoolCode is not null) claims.Add(new Claim(SchoolClaim, user.SchoolCode));
        if (user.Township is not null) claims.Add(new Claim(TownshipClaim, user.Township));
        if (user.Village is not null) claims.Add(new Claim(VillageClaim, user.Village));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>Null for anonymous requests.</summary>
    public static Actor? ToActor(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true) return null;
        return new Actor(
            int.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture),
            principal.Identity.Name!,
            Enum.Parse<Role>(principal.FindFirstValue(ClaimTypes.Role)!),
            int.Parse(principal.FindFirstValue(RegionClaim)!, CultureInfo.InvariantCulture),
            principal.FindFirstValue(SchoolClaim),
            principal.FindFirstValue(TownshipClaim),
            principal.FindFirstValue(VillageClaim));
    }

    /// <summary>The account's security stamp when the session was issued (checked on every request).</summary>
    public static string? SecurityStamp(this ClaimsPrincipal principal) => principal?.FindFirstValue(StampClaim);

    public static string DisplayName(this ClaimsPrincipal principal) => principal?.FindFirstValue(DisplayClaim) ?? "";
}
