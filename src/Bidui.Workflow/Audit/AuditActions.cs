using System.Reflection;

namespace Bidui.Workflow.Audit;

/// <summary>
/// Every action the code writes to the audit log, in one catalogue: the audit page's filter lists <see cref="All"/>,
/// and a test reads the source for every action written and requires it here (AuditActionCatalogueTests), so no
/// action can be written that the filter does not offer.
/// </summary>
public static class AuditActions
{
    // Sign-in and accounts
    public const string SignIn = "登录";
    public const string SignInFailed = "登录失败";
    public const string SignOut = "退出";
    public const string CreateUser = "创建用户";
    public const string ChangeUser = "修改用户";
    public const string ChangePassword = "修改密码";

    // People and exports
    public const string ViewPerson = "查看人员";
    public const string RevealId = "显示完整证件号";
    public const string Export = "导出";
    public const string DownloadOutput = "下载比对结果";

    // Cases
    public const string Submit = "提交核查结果";
    public const string Approve = "审核通过";
    public const string Return = "退回";
    public const string Reassign = "改派";
    public const string UploadAttachment = "上传附件";
    public const string DownloadAttachment = "下载附件";
    public const string PreviewAttachment = "预览附件";
    public const string DeleteAttachment = "删除附件";
    public const string BulkFeedback = "批量反馈";
    public const string BulkApprove = "批量审核通过";
    public const string BulkReturn = "批量退回";
    public const string DispatchTownship = "派发乡镇";
    public const string Recall = "收回";
    public const string BulkRecall = "收回派发";

    // Rounds
    public const string CreateRound = "创建批次";
    public const string UploadInput = "上传数据文件";
    public const string StartRun = "开始比对";
    public const string RunDone = "比对完成";
    public const string RunFailed = "比对失败";
    public const string ConfirmRound = "确认批次";
    public const string DiscardResults = "放弃比对结果";
    public const string ImportDone = "导入完成";
    public const string ImportFailed = "导入失败";
    public const string WithdrawRound = "撤回批次";

    // Assessment and publication
    public const string UploadKeyCounties = "上传重点帮扶县名单";
    public const string Publish = "发布公开数据";

    /// <summary>Every action, in the order above (the filter's order).</summary>
    public static IReadOnlyList<string> All { get; } = [.. typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).OrderBy(f => f.MetadataToken).Select(f => (string)f.GetRawConstantValue()!)];

    public static bool Contains(string action) => All.Contains(action, StringComparer.Ordinal);
}
