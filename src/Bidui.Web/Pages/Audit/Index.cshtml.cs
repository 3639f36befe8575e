using System.Globalization;
using Bidui.Workflow;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages.Audit;

public sealed class IndexModel(AuditLog audit, TimeProvider clock) : AppPageModel
{
    public static IReadOnlyList<string> Actions { get; } =
        ["登录", "登录失败", "查看人员", "显示完整证件号", "导出", "提交核查结果", "审核通过", "退回", "上传附件", "下载附件", "批量反馈", "创建批次", "上传数据文件", "开始比对", "比对完成", "比对失败"];

    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!RoleInfo.ReadsAudit(Actor.Role)) return Forbid();
        // Dates are the users' days (China time), not UTC days.
        (Entries, Total) = await audit.SearchAsync(new AuditLog.Query(UserName, Action, Text, Date(From), Date(To, next: true)), ct);
        return Page();
    }

    private DateTime? Date(string? text, bool next = false) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? clock.StartOfDayUtc(next ? d.AddDays(1) : d) : null;
}
