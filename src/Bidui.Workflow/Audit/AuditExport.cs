using System.Globalization;
using Bidui.Reports;
using Bidui.Workflow.Access;
using Bidui.Workflow.Cases;

namespace Bidui.Workflow.Audit;

/// <summary>The audit log's search to xlsx, streamed from the store (times in the users' zone); the export is itself audited.</summary>
public sealed class AuditExport(AuditLog audit, TimeProvider clock)
{
    public async Task<int> WriteAsync(Actor actor, AuditLog.Query query, string path, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (!RoleInfo.ReadsAudit(actor.Role)) throw new WorkflowException("您的角色不能查看审计日志。");
        int count = await audit.CountAsync(query, ct);
        if (count > AuditLog.MaxExportRows)
            throw new WorkflowException(string.Create(CultureInfo.InvariantCulture,
                $"符合条件的记录有 {count:N0} 条，超过单次导出上限 {AuditLog.MaxExportRows:N0} 条：请缩小日期范围或按用户、操作筛选后再导出。"));
        string[] headers = ["编号", "时间", "用户", "操作", "对象", "内容"];
        var sheet = new SheetSpec("审计日志", [.. headers.Select(h => new SheetColumn(h))], audit.Stream(query).Select(e => new string?[]
        {
            e.Id.ToString(CultureInfo.InvariantCulture), clock.ToLocal(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            e.UserName, e.Action, e.Target, e.Detail,
        }));
        await XlsxWorkbookWriter.WriteAsync(path, [sheet], ct);
        await audit.WriteAsync(actor.UserName, AuditActions.Export, "审计日志", $"{Describe(query)}；{count} 条", ct);
        return count;
    }

    private string Describe(AuditLog.Query q) => string.Join("，", new[]
    {
        string.IsNullOrWhiteSpace(q.UserName) ? null : "用户 " + q.UserName.Trim(),
        string.IsNullOrWhiteSpace(q.Action) ? null : "操作 " + q.Action.Trim(),
        // The text searched for is not repeated: it may be an ID number.
        string.IsNullOrWhiteSpace(q.Text) ? null : "按对象或内容查询",
        q.From is { } f ? "自 " + clock.ToLocal(f).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        q.To is { } t ? "至 " + clock.ToLocal(t).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
    }.Where(x => x is not null).DefaultIfEmpty("全部"));
}
