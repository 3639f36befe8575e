using System.Globalization;
using Bidui.Core.Identity;
using Bidui.Core.Regions;
using Bidui.Matching.Categories;
using Bidui.Matching.Records;

namespace Bidui.Matching.Layout;

/// <summary>
/// The columns of every list (SPEC §4–5): provenance first, then 原因, the people's names and IDs,
/// and the responsible county and school so that the list can be sent on. One place, so that the
/// CSV files, the workbooks and later the web pages show the same columns.
/// </summary>
/// <param name="linkage">Whether the probabilistic tier ran: it adds 建议号码 to invalid_id and the review list.</param>
public sealed class ListLayouts(RegionTable regions, bool linkage = false)
{
    private static string N(int v) => v > 0 ? v.ToString(CultureInfo.InvariantCulture) : string.Empty;
    private static string Code(int v) => v > 0 ? v.ToString("D6", CultureInfo.InvariantCulture) : string.Empty;
    // "O" is yyyy-MM-dd for a date, on the runtime's fast path (the custom pattern cost 0.6 s of CPU at province scale).
    private static string Date(DateOnly? d) => d?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty;

    // Provenance.
    private static readonly ListColumn PovertyRow = new("乡村振兴行号", r => N(r.Person?.Row ?? 0), true);
    private static readonly ListColumn StudentRow = new("学籍行号", r => N(r.Student?.Row ?? 0), true);
    private static readonly ListColumn AidRow = new("资助行号", r => N(r.Aid?.Row ?? 0), true);
    private static readonly ListColumn Source = new("来源数据", r => r.SourceName);
    private static readonly ListColumn SourceRow = new("来源行号", r => N(r.SourceRow), true);
    private static readonly ListColumn Reason = new("原因", r => r.Reason);
    private static readonly ListColumn Detail = new("说明", r => r.Detail);
    private static readonly ListColumn Count = new("重复次数", r => N(r.DuplicateCount), true);

    // The person in the poverty register.
    private static readonly ListColumn PName = new("姓名", r => r.Person?.Name ?? string.Empty);
    private static readonly ListColumn PId = new("证件号码", r => r.Person?.IdText ?? string.Empty);
    private static readonly ListColumn PSex = new("性别", r => r.Person?.Sex.ToChinese() ?? string.Empty);
    private static readonly ListColumn PBirth = new("出生日期", r => Date(r.Person?.BirthDate));
    private static readonly ListColumn PAge = new("年龄", r => r.Age >= 0 ? r.Age.ToString(CultureInfo.InvariantCulture) : string.Empty, true);
    private static readonly ListColumn PHousehold = new("户编号", r => r.Person?.HouseholdId ?? string.Empty);
    private static readonly ListColumn PType = new("人口类型", r => r.Person?.PopulationType ?? string.Empty);
    private static readonly ListColumn PCounty = new("户籍县级代码", r => Code(r.Person?.CountyCode ?? 0));
    private static readonly ListColumn PTownship = new("乡镇", r => r.Person?.Township ?? string.Empty);
    private static readonly ListColumn PVillage = new("村", r => r.Person?.Village ?? string.Empty);
    private static readonly ListColumn PSchooling = new("在校生状况", r => r.Person?.SchoolingText ?? string.Empty);
    private static readonly ListColumn PStatus = new("人员状态", r => r.Person?.StatusText ?? string.Empty);

    // The student row.
    private static readonly ListColumn SName = new("学籍姓名", r => r.Student?.Name ?? string.Empty);
    private static readonly ListColumn SId = new("学籍身份证件号", r => r.Student?.IdText ?? string.Empty);
    private static readonly ListColumn SSchool = new("学校名称", r => r.Student?.School.Name ?? string.Empty);
    private static readonly ListColumn SSchoolCode = new("学校标识码", r => r.Student?.School.Code ?? string.Empty);
    private static readonly ListColumn SCounty = new("学校所在地代码", r => Code(r.Student?.School.CountyCode ?? 0));
    private static readonly ListColumn SStage = new("学段", r => r.Student?.StageText ?? string.Empty);
    private static readonly ListColumn SGrade = new("年级", r => r.Student?.Grade ?? string.Empty);
    private static readonly ListColumn SStatus = new("学籍状态", r => r.Student?.StatusText ?? string.Empty);

    // The aid row.
    private static readonly ListColumn AName = new("资助姓名", r => r.Aid?.Name ?? string.Empty);
    private static readonly ListColumn AId = new("资助身份证件号", r => r.Aid?.IdText ?? string.Empty);
    private static readonly ListColumn AProject = new("资助项目", r => r.Aid?.Project ?? string.Empty);
    private static readonly ListColumn AAmount = new("金额", r => r.Aid?.Amount ?? string.Empty, true);
    private static readonly ListColumn AYear = new("学年", r => r.Aid?.SchoolYear ?? string.Empty);
    private static readonly ListColumn ATerm = new("学期", r => r.Aid?.Term ?? string.Empty);
    private static readonly ListColumn ASchool = new("资助学校名称", r => r.Aid?.SchoolName ?? string.Empty);
    private static readonly ListColumn ASchoolCode = new("资助学校标识码", r => r.Aid?.SchoolCode ?? string.Empty);

    // A source row of any dataset (invalid_id, field_conflict).
    private static readonly ListColumn AnyName = new("姓名", r => r.Person?.Name ?? r.Student?.Name ?? r.Aid?.Name ?? r.Register?.Name ?? string.Empty);
    private static readonly ListColumn AnyId = new("证件号码", r => r.Person?.IdText ?? r.Student?.IdText ?? r.Aid?.IdText ?? r.Register?.IdText ?? string.Empty);
    private static readonly ListColumn AnyUnit = new("所在单位", r =>
        r.Person is { } p ? $"{p.Township}{p.Village}" : r.Student?.School.Name ?? r.Aid?.SchoolName ?? r.Register?.Kind ?? string.Empty);

    private ListColumn ResponsibleCode => new("责任县代码", r => Code(r.Responsible.Code));
    private ListColumn ResponsibleName => new("责任县", r => r.Responsible.Code == 0 ? "未能确定" : regions.FullName(r.Responsible.Code));
    // 比对备注: the comparison's own notes; 备注 is the recipient's column in the workbooks.
    private static readonly ListColumn Note = new("比对备注", r => r.Note);

    // The probabilistic tier (SPEC §4.3, issue 3).
    private static readonly ListColumn Suggested = new("建议号码", r => r.SuggestedId);
    private static readonly ListColumn Probability = new("匹配概率", r => r.MatchProbability.ToString("0.0000", CultureInfo.InvariantCulture), true);
    private static readonly ListColumn Weight = new("匹配权重", r => r.MatchWeight.ToString("0.0", CultureInfo.InvariantCulture), true);
    private static readonly ListColumn Evidence = new("比对依据", r => r.Detail);
    private static readonly ListColumn SBirth = new("学籍出生日期", r => Date(r.StudentBirthDate));

    public IReadOnlyList<ListColumn> For(Category category)
    {
        ListColumn[] tail = [ResponsibleCode, ResponsibleName, Note];
        ListColumn[] columns = category switch
        {
            Category.Matched or Category.AidMissing =>
                [PovertyRow, StudentRow, .. category == Category.AidMissing ? new[] { Reason } : [], PName, PId, PSex, PBirth, PType, PHousehold,
                 PCounty, PTownship, PVillage, SSchool, SSchoolCode, SCounty, SStage, SGrade],
            Category.DropoutSuspect =>
                [PovertyRow, Reason, PName, PId, PSex, PBirth, PAge, PHousehold, PType, PCounty, PTownship, PVillage, PSchooling],
            Category.StatusMismatch =>
                [PovertyRow, StudentRow, Reason, Detail, PName, PId, PSchooling, SStage, SGrade, SSchool, SSchoolCode, PHousehold,
                 PCounty, PTownship, PVillage],
            Category.IdentityConflict =>
                [PovertyRow, StudentRow, Reason, PName, SName, PId, SId, PHousehold, PCounty, PTownship, PVillage, SSchool, SSchoolCode, SStatus],
            Category.FieldConflict =>
                [Source, SourceRow, Reason, Detail, AnyName, AnyId, AnyUnit],
            Category.InvalidId =>
                [Source, SourceRow, Reason, AnyName, AnyId, .. linkage ? new[] { Suggested } : [], AnyUnit],
            Category.Review =>
                [PovertyRow, StudentRow, AidRow, Probability, Weight, Evidence, PName, SName, AName, PId, SId, AId, PBirth, SBirth,
                 PCounty, PTownship, PVillage, SSchool, SSchoolCode, SCounty, SStage, SGrade, ASchool, AProject],
            Category.DuplicateEnrollment =>
                [StudentRow, Count, SName, SId, SSchool, SSchoolCode, SCounty, SStage, SGrade, SStatus],
            Category.DuplicatePoverty =>
                [PovertyRow, Count, PName, PId, PHousehold, PType, PCounty, PTownship, PVillage, PStatus],
            Category.AidDuplicate =>
                [AidRow, Count, AName, AId, AProject, AAmount, AYear, ATerm, ASchool, ASchoolCode],
            Category.AidIneligible or Category.AidNotEnrolled =>
                [AidRow, Reason, AName, AId, AProject, AAmount, AYear, ATerm, ASchool, ASchoolCode],
            Category.AidStageMismatch =>
                [AidRow, StudentRow, Reason, AName, AId, AProject, AAmount, AYear, ATerm, ASchool, ASchoolCode, SSchool, SStage, SGrade],
            Category.AidAmountAnomaly =>
                [AidRow, Reason, Detail, AName, AId, AProject, AAmount, AYear, ATerm, ASchool, ASchoolCode],
            _ => throw new ArgumentOutOfRangeException(nameof(category), category, "No layout for this list."),
        };
        return [.. columns, .. tail];
    }
}
