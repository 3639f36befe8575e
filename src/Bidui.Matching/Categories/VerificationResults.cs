namespace Bidui.Matching.Categories;

/// <summary>
/// The results a unit may record after verifying a row of a list (核查结果): the same choices in the
/// web workflow and in the workbooks' drop-downs, so that a workbook filled in offline is accepted by
/// the web workflow as it is. dropout_suspect's are what counties report today; the others are a first
/// proposal (docs/WORKFLOW.md) to be replaced by the province's list. Each list ends with 其他, which
/// needs a note.
/// </summary>
public static class VerificationResults
{
    public const string Other = "其他";

    private static readonly Dictionary<Category, string[]> ByCategory = new()
    {
        [Category.DropoutSuspect] =
        [
            "已在校并注册学籍", "省内就读无学籍", "省外就读无学籍", "因病因残送教上门", "超龄离校", "出国", "死亡", "空挂户",
            "双重户籍", "身份证号或姓名错误", "查无此人", "随父母外出无法联系", "确认辍学已劝返复学", Other,
        ],
        [Category.AidMissing] = ["已补发资助", "已纳入下批发放", "不符合资助条件", "已在外省或他校受助", "学籍信息有误已更正", "家庭放弃申请", Other],
        [Category.StatusMismatch] = ["已更正在校生状况", "学籍信息有误已更正", "情况属实无需更正", Other],
        [Category.IdentityConflict] = ["学籍姓名已更正", "乡村振兴姓名已更正", "非同一人", "情况属实无需更正", Other],
        [Category.InvalidId] = ["证件号码已更正", "核实无误", "无法核实", Other],
        [Category.FieldConflict] = ["出生日期或性别已更正", "证件号码已更正", "核实无误", Other],
        [Category.DuplicateEnrollment] = ["已注销重复学籍", "已转学并办理学籍转接", "非同一人", Other],
        [Category.DuplicatePoverty] = ["已删除重复登记", "非同一人", Other],
        [Category.AidDuplicate] = ["已追回重复资助", "分批发放非重复", Other],
        [Category.AidIneligible] = ["已追回资助", "属其他资助对象（低保、特困等）", "身份信息有误已更正", Other],
        [Category.AidStageMismatch] = ["学籍学段有误已更正", "资助项目有误已更正", "已追回资助", "情况属实无需更正", Other],
        [Category.AidAmountAnomaly] = ["发放金额有误已更正", "已追回多发资助", "已补发少发资助", "情况属实无需更正", Other],
        [Category.AidNotEnrolled] = ["已补录学籍", "已追回资助", "学籍信息有误已更正", Other],
        [Category.Review] = ["同一人", "非同一人", "无法确定", Other],
    };

    private static readonly string[] Fallback = ["情况属实已整改", "情况不属实", Other];

    private static readonly Dictionary<string, Category> ByCode = CategoryInfo.All.ToDictionary(c => c.Code, c => c.Category, StringComparer.Ordinal);

    /// <summary>The choices for a list (a list without its own gets a general set).</summary>
    public static IReadOnlyList<string> For(Category category) => ByCategory.TryGetValue(category, out var results) ? results : Fallback;

    /// <summary>The choices for a list given by its code (<c>dropout_suspect</c> …).</summary>
    public static IReadOnlyList<string> For(string code) => ByCode.TryGetValue(code, out var category) ? For(category) : Fallback;

    public static bool IsValid(string code, string result) => For(code).Contains(result, StringComparer.Ordinal);
}
