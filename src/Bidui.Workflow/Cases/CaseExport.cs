using System.Globalization;
using Bidui.Reports;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Cases;

/// <summary>Any case list to xlsx, through the scoped query; IDs masked unless the role may reveal and asks. Audited.</summary>
public sealed class CaseExport(CaseQueries queries, AuditLog audit)
{
    public async Task<int> WriteAsync(Actor actor, CaseFilter filter, bool fullIds, string path, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        bool reveal = fullIds && RoleInfo.MayRevealId(actor.Role);
        var cases = await queries.Query(filter).OrderBy(c => c.CountyCode).ThenBy(c => c.Category).ThenBy(c => c.Id).ToListAsync(ct);
        string[] headers = ["任务编号", "清单", "责任县代码", "责任县", "学校名称", "姓名", "证件号码", "问题原因", "责任单位", "状态", "与上一批次", "连续批次数", "核查结果", "核查说明"];
        var sheet = new SheetSpec("核查任务", [.. headers.Select(h => new SheetColumn(h))], cases.Select(c => new string?[]
        {
            c.Id.ToString(CultureInfo.InvariantCulture), CategoryNames.Chinese(c.Category), c.CountyCode.ToString(CultureInfo.InvariantCulture), c.CountyName,
            c.SchoolName, c.PersonName, reveal ? c.IdNumber : IdMasking.Mask(c.IdNumber), c.Reason, RoleInfo.UnitName(c.Unit), RoleInfo.StateName(c.State),
            RoleInfo.LinkageName(c.Linkage), c.RoundsSeen.ToString(CultureInfo.InvariantCulture), c.Result, c.Note,
        }));
        await XlsxWorkbookWriter.WriteAsync(path, [sheet], ct);
        await audit.WriteAsync(actor.UserName, "导出", "核查任务", $"{Describe(filter)}；{cases.Count} 条；证件号码{(reveal ? "完整" : "脱敏")}", ct);
        return cases.Count;
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
