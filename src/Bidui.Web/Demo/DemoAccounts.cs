using Bidui.Workflow.Store;

namespace Bidui.Web.Demo;

/// <summary>The demo sign-ins (README and docs/WORKFLOW.md list them). One password for all: it is a demo.</summary>
public static class DemoAccounts
{
    public const string Password = "Bidui@2026";

    /// <summary>邵东市, the demo's largest county, and 隆回县 to show that counties do not see each other.</summary>
    public const int Shaodong = 430582;
    public const int Longhui = 430524;
    public const int Province = 430000;

    public static IReadOnlyList<User> Users { get; } =
    [
        new() { UserName = "sheng", DisplayName = "湖南省教育厅", Role = Role.ProvinceAdmin, RegionCode = Province },
        new() { UserName = "shaodong.jy", DisplayName = "邵东市教育局", Role = Role.CountyEducation, RegionCode = Shaodong },
        new() { UserName = "shaodong.xc", DisplayName = "邵东市乡村振兴局", Role = Role.CountyRural, RegionCode = Shaodong },
        new() { UserName = "longhui.jy", DisplayName = "隆回县教育局", Role = Role.CountyEducation, RegionCode = Longhui },
        new() { UserName = "xuexiao", DisplayName = "学校资助专干", Role = Role.SchoolAid, RegionCode = Shaodong },
        new() { UserName = "shenji", DisplayName = "省审计员", Role = Role.Auditor, RegionCode = Province },
        // The township and village are chosen when the demo round is in: those of 邵东市 with the most dropout cases.
        new() { UserName = "shaodong.xz", DisplayName = "乡镇", Role = Role.Township, RegionCode = Shaodong },
        new() { UserName = "shaodong.cun", DisplayName = "村", Role = Role.Village, RegionCode = Shaodong },
    ];
}
