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
        _ => role.ToString(),
    };

    public static string UnitName(Unit unit) => unit switch
    {
        Unit.Education => "县级教育部门",
        Unit.Rural => "县级乡村振兴部门",
        Unit.School => "学校",
        _ => unit.ToString(),
    };

    public static bool ManagesRounds(Role role) => role == Role.ProvinceAdmin;

    public static bool ReadsAudit(Role role) => role is Role.Auditor or Role.ProvinceAdmin;

    /// <summary>Auditors read the trail, not people's numbers; everyone who verifies cases may reveal one (audited).</summary>
    public static bool MayRevealId(Role role) => role != Role.Auditor;

    /// <summary>The role of the unit that verifies and submits.</summary>
    public static bool MaySubmit(Role role, Unit unit) => (role, unit) switch
    {
        (Role.CountyEducation, Unit.Education) => true,
        (Role.CountyRural, Unit.Rural) => true,
        (Role.SchoolAid, Unit.School) => true,
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
        (Role.CountyEducation, Unit.Education or Unit.School) => true,
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
