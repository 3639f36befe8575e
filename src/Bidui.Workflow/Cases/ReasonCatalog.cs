namespace Bidui.Workflow.Cases;

/// <summary>
/// The verification results a unit may record, per list. dropout_suspect's are what counties report
/// today; the others are a first proposal (docs/WORKFLOW.md) to be replaced by the province's list.
/// </summary>
public static class ReasonCatalog
{
    public const string Other = "其他";

    private static readonly Dictionary<string, string[]> ByCategory = new(StringComparer.Ordinal)
    {
        ["dropout_suspect"] =
        [
            "已在校并注册学籍", "省内就读无学籍", "省外就读无学籍", "因病因残送教上门", "超龄离校", "出国", "死亡", "空挂户",
            "双重户籍", "身份证号或姓名错误", "查无此人", "随父母外出无法联系", "确认辍学已劝返复学", Other,
        ],
        ["aid_missing"] = ["已补发资助", "已纳入下批发放", "不符合资助条件", "已在外省或他校受助", "学籍信息有误已更正", "家庭放弃申请", Other],
        ["status_mismatch"] = ["已更正在校生状况", "学籍信息有误已更正", "情况属实无需更正", Other],
        ["identity_conflict"] = ["学籍姓名已更正", "乡村振兴姓名已更正", "非同一人", "情况属实无需更正", Other],
        ["invalid_id"] = ["证件号码已更正", "核实无误", "无法核实", Other],
        ["field_conflict"] = ["出生日期或性别已更正", "证件号码已更正", "核实无误", Other],
        ["duplicate_enrollment"] = ["已注销重复学籍", "已转学并办理学籍转接", "非同一人", Other],
        ["duplicate_poverty"] = ["已删除重复登记", "非同一人", Other],
        ["aid_duplicate"] = ["已追回重复资助", "分批发放非重复", Other],
        ["aid_ineligible"] = ["已追回资助", "属其他资助对象（低保、特困等）", "身份信息有误已更正", Other],
        ["aid_stage_mismatch"] = ["已追回资助", "学籍学段有误已更正", "资助项目填报有误已更正", "情况属实无需更正", Other],
        ["aid_amount_anomaly"] = ["金额填报有误已更正", "已追回多发资助", "已补发少发资助", "按政策标准发放无误", Other],
        ["aid_not_enrolled"] = ["已补录学籍", "已追回资助", "学籍信息有误已更正", Other],
        ["review"] = ["同一人", "非同一人", "无法确定", Other],
    };

    public static IReadOnlyList<string> For(string category) =>
        ByCategory.TryGetValue(category, out var reasons) ? reasons : ["情况属实已整改", "情况不属实", Other];

    public static bool IsValid(string category, string result) => For(category).Contains(result, StringComparer.Ordinal);
}
