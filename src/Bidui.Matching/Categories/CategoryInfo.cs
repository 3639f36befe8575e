namespace Bidui.Matching.Categories;

/// <summary>What SPEC §4 says of a list: its file code, its Chinese name, who acts on it.</summary>
public sealed record CategoryInfo(Category Category, string Code, string ChineseName, string OneRowPer, string WhoActs, bool NeedsAid)
{
    public static IReadOnlyList<CategoryInfo> All { get; } =
    [
        new(Category.Matched, "matched", "比对成功（脱贫家庭在校生）", "人", "教育、乡村振兴部门", false),
        new(Category.AidMissing, "aid_missing", "应助未助", "人", "学校", true),
        new(Category.DropoutSuspect, "dropout_suspect", "疑似失学辍学", "人", "县级教育部门", false),
        new(Category.StatusMismatch, "status_mismatch", "在校状况不一致", "人", "乡村振兴部门", false),
        new(Category.IdentityConflict, "identity_conflict", "身份信息不一致", "对", "教育、乡村振兴部门", false),
        new(Category.FieldConflict, "field_conflict", "证件信息矛盾", "源数据行", "数据报送单位", false),
        new(Category.InvalidId, "invalid_id", "证件号码有误", "源数据行", "数据报送单位", false),
        new(Category.DuplicateEnrollment, "duplicate_enrollment", "重复学籍", "学籍行", "学校", false),
        new(Category.DuplicatePoverty, "duplicate_poverty", "重复登记", "乡村振兴行", "乡村振兴部门", false),
        new(Category.AidDuplicate, "aid_duplicate", "重复资助", "资助行", "学校", true),
        new(Category.AidIneligible, "aid_ineligible", "疑似不符合条件资助", "资助行", "学校", true),
        new(Category.AidStageMismatch, "aid_stage_mismatch", "资助项目与学段不符", "资助行", "学校", true),
        new(Category.AidAmountAnomaly, "aid_amount_anomaly", "资助金额异常", "资助行", "学校", true),
        new(Category.AidNotEnrolled, "aid_not_enrolled", "资助对象无学籍", "资助行", "学校", true),
        new(Category.Review, "review", "待人工核对", "候选对", "县级部门", false),
    ];

    public static CategoryInfo Of(Category category) => All[(int)category];

    /// <summary>The lists of aid rows (SPEC §4.6 sums their 金额).</summary>
    public static bool IsAidRowList(Category category) =>
        category is Category.AidDuplicate or Category.AidIneligible or Category.AidStageMismatch or Category.AidAmountAnomaly or Category.AidNotEnrolled;
}
