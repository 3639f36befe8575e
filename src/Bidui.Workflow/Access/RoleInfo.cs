using Bidui.Workflow.Store;

namespace Bidui.Workflow.Access;

/// <summary>What each role may do, in one place (pages ask here rather than compare roles themselves).</summary>
public static class RoleInfo
{
    public static string ChineseName(Role role) => role switch
    {
        Role.ProvinceAdmin => "省级管理员",
        Role.CountyEducation => "县级教育部门",
        Role.CountyRural => "县级乡村振兴部门",
        Role.SchoolAid => "学校资助专干",
        Role.Auditor => "审计员",
        Role.Township => "乡镇",
        Role.Village => "村",
        _ => role.ToString(),
    };

    public static string UnitName(Unit unit) => unit switch
    {
        Unit.Education => "县级教育部门",
        Unit.Rural => "县级乡村振兴部门",
        Unit.School => "学校",
        Unit.Township => "乡镇",
        _ => unit.ToString(),
    };

    /// <summary>Roles whose region is a county (below it: a school, a township, a village).</summary>
    public static bool IsCountyLevel(Role role) => role is Role.CountyEducation or Role.CountyRural or Role.SchoolAid or Role.Township or Role.Village;

    /// <summary>Roles scoped to a township (and a village of it).</summary>
    public static bool IsTownshipLevel(Role role) => role is Role.Township or Role.Village;

    /// <summary>Funds and matched students are counted per county and school: roles below the county see neither.</summary>
    public static bool SeesCountyFigures(Role role) => role is not (Role.SchoolAid or Role.Township or Role.Village);

    /// <summary>The county education office sends dropout cases to the township for a home visit, and takes them back.</summary>
    public static bool MayDispatch(Role role) => role == Role.CountyEducation;

    /// <summary>Lists a township can verify by a home visit: the county may dispatch their cases to it.</summary>
    public static bool Dispatchable(string category) => category == "dropout_suspect";

    /// <summary>Units whose open or returned cases this role answers (its 待填报).</summary>
    public static IReadOnlyList<Unit> SubmitUnits(Role role) => [.. Enum.GetValues<Unit>().Where(u => MaySubmit(role, u))];

    /// <summary>
    /// Units whose submitted cases this role reviews as its daily work (its 待审核). The province may review
    /// any case, but its to-do is the cases with no county (to 改派), not the counties' reviews.
    /// </summary>
    public static IReadOnlyList<Unit> ReviewUnits(Role role) =>
        role == Role.ProvinceAdmin ? [] : [.. Enum.GetValues<Unit>().Where(u => MayReview(role, u))];

    public static bool ManagesRounds(Role role) => role == Role.ProvinceAdmin;

    /// <summary>Who manages accounts: the province (all of its province's), the county education office (its county's townships and villages).</summary>
    public static bool ManagesUsers(Role role) => RolesManagedBy(role).Count > 0;

    /// <summary>The roles of the accounts this role may create, narrowest first.</summary>
    public static IReadOnlyList<Role> RolesManagedBy(Role role) => role switch
    {
        Role.ProvinceAdmin => [Role.Village, Role.Township, Role.SchoolAid, Role.CountyEducation, Role.CountyRural, Role.Auditor, Role.ProvinceAdmin],
        Role.CountyEducation => [Role.Village, Role.Township],
        _ => [],
    };

    public static bool ReadsAudit(Role role) => role is Role.Auditor or Role.ProvinceAdmin;

    /// <summary>Auditors read the trail, not people's numbers; everyone who verifies cases may reveal one (audited).</summary>
    public static bool MayRevealId(Role role) => role != Role.Auditor;

    /// <summary>The role of the unit that verifies and submits.</summary>
    public static bool MaySubmit(Role role, Unit unit) => (role, unit) switch
    {
        (Role.CountyEducation, Unit.Education) => true,
        (Role.CountyRural, Unit.Rural) => true,
        (Role.SchoolAid, Unit.School) => true,
        (Role.Township, Unit.Township) => true,
        _ => false,
    };

    /// <summary>
    /// Who may record a case's result: its own unit, and a county education office for one of its schools that does not
    /// respond (the case stays the school's; its history names who answered).
    /// </summary>
    public static bool MayAnswer(Role role, Unit unit) => MaySubmit(role, unit) || (role, unit) is (Role.CountyEducation, Unit.School);

    /// <summary>The county office of the same side checks what was submitted; the province may too.</summary>
    public static bool MayReview(Role role, Unit unit) => role == Role.ProvinceAdmin || (role, unit) switch
    {
        (Role.CountyEducation, Unit.Education or Unit.School or Unit.Township) => true,
        (Role.CountyRural, Unit.Rural) => true,
        _ => false,
    };

    public static string StateName(CaseState state) => state switch
    {
        CaseState.Open => "待核查",
        CaseState.Submitted => "待审核",
        CaseState.Returned => "已退回",
        CaseState.Closed => "已办结",
        _ => state.ToString(),
    };

    public static string LinkageName(Linkage linkage) => linkage switch
    {
        Linkage.New => "新增",
        Linkage.Persisting => "持续存在",
        Linkage.Reappeared => "办结后再现",
        _ => linkage.ToString(),
    };
}
