using System.Globalization;
using Bidui.Reports;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Cases;

/// <summary>
/// Any case list to xlsx, through the scoped query; IDs masked unless the role may reveal and asks. Audited.
/// The rows stream from the store into the workbook (a province's list is a million cases: loading them whole,
/// with their list rows, took gigabytes), with the columns a county officer sorts and assigns by: school code,
/// township, village and deadline.
/// </summary>
public sealed class CaseExport(BiduiDbContext db, CaseQueries queries, AuditLog audit)
{
    public async Task<int> WriteAsync(Actor actor, CaseFilter filter, bool fullIds, string path, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        bool reveal = fullIds && RoleInfo.MayRevealId(actor.Role);
        var deadlines = await db.Rounds.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Deadline, ct);
        var query = queries.Query(filter).OrderBy(c => c.CountyCode).ThenBy(c => c.Category).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Category, c.CountyCode, c.CountyName, c.SchoolCode, c.SchoolName, c.Township, c.Village, c.PersonName, c.IdNumber, c.Reason,
                c.Unit, c.State, c.Linkage, c.RoundsSeen, c.Result, c.Note, c.RoundId,
            });
        string[] headers = ["任务编号", "清单", "责任县代码", "责任县", "学校标识码", "学校名称", "乡镇", "村", "姓名", "证件号码", "问题原因", "责任单位", "状态",
            "截止日期", "与上一批次", "连续批次数", "核查结果", "核查说明"];
        int count = 0;
        // Enumerated on the writer's thread, one row at a time; nothing else uses this context meanwhile.
        var rows = query.AsEnumerable().Select(c =>
        {
            count++;
            return new string?[]
            {
                c.Id.ToString(CultureInfo.InvariantCulture), CategoryNames.Chinese(c.Category), c.CountyCode.ToString(CultureInfo.InvariantCulture), c.CountyName,
                c.SchoolCode, c.SchoolName, c.Township, c.Village, c.PersonName, reveal ? c.IdNumber : IdMasking.Mask(c.IdNumber), c.Reason,
                RoleInfo.UnitName(c.Unit), RoleInfo.StateName(c.State),
                deadlines.TryGetValue(c.RoundId, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                RoleInfo.LinkageName(c.Linkage), c.RoundsSeen.ToString(CultureInfo.InvariantCulture), c.Result, c.Note,
            };
        });
        await XlsxWorkbookWriter.WriteAsync(path, [new SheetSpec("核查任务", [.. headers.Select(h => new SheetColumn(h))], rows)], ct);
        await audit.WriteAsync(actor.UserName, "导出", "核查任务", $"{Describe(filter)}；{count} 条；证件号码{(reveal ? "完整" : "脱敏")}", ct);
        return count;
    }

    private static string Describe(CaseFilter f) => string.Join("，", new[]
    {
        f.RoundId is { } r ? "批次 " + r.ToString(CultureInfo.InvariantCulture) : null,
        f.Category is { } c ? CategoryNames.Chinese(c) : null,
        f.State is { } s ? RoleInfo.StateName(s) : null,
        f.RegionCode is { } g ? "地区 " + g.ToString(CultureInfo.InvariantCulture) : null,
        f.Unit is { } u ? "责任单位 " + RoleInfo.UnitName(u) : null,
        f.SchoolCode is { } sc ? "学校 " + sc : null,
        f.Township is { } t ? "乡镇 " + t : null,
        f.OverdueOnly ? "仅逾期" : null,
        string.IsNullOrWhiteSpace(f.Text) ? null : "按姓名或证件号查询",
    }.Where(x => x is not null));
}
