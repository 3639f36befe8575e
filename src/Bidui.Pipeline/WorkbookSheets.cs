using System.Globalization;
using Bidui.Matching.Categories;
using Bidui.Matching.Layout;
using Bidui.Reports;

namespace Bidui.Pipeline;

/// <summary>
/// How the workbooks for people are laid out, shared by every writer (in memory, partitioned, the
/// province-wide list workbooks) so that they cannot differ: a 说明 sheet first, the lists that ask
/// for action next, 比对成功 last; every action list ends with 核查结果 (a drop-down of the results the
/// web workflow accepts) and 备注, so that a filled-in workbook can be returned to the web workflow as it is.
/// </summary>
public static class WorkbookSheets
{
    /// <summary>The column a recipient records the verification in (the web workflow reads it back).</summary>
    public const string ResultHeader = "核查结果";

    /// <summary>The column for the recipient's note (required with 其他).</summary>
    public const string NoteHeader = "备注";

    public const string GuideSheet = "说明";

    /// <summary>The lists in sheet order: those asking for action in report order, matched last.</summary>
    public static IReadOnlyList<Category> Order(IEnumerable<Category> present)
    {
        var lists = present.ToHashSet();
        return [.. CategoryInfo.All.Select(i => i.Category).Where(c => lists.Contains(c) && ListGuide.AsksForAction(c)),
                .. lists.Contains(Category.Matched) ? [Category.Matched] : Array.Empty<Category>()];
    }

    /// <summary>A list's sheet columns: counts and row numbers as numbers, everything else (IDs above all) as text; then the verification columns.</summary>
    public static IReadOnlyList<SheetColumn> Columns(Category category, IReadOnlyList<ListColumn> columns)
    {
        var sheet = columns.Select(c => new SheetColumn(c.Header, c.IsNumber ? CellKind.Integer : CellKind.Text)).ToList();
        if (ListGuide.AsksForAction(category))
        {
            sheet.Add(new SheetColumn(ResultHeader) { Choices = VerificationResults.For(category), ForInput = true });
            sheet.Add(new SheetColumn(NoteHeader) { ForInput = true });
        }
        return sheet;
    }

    /// <summary>
    /// The 说明 sheet: whose workbook it is, the reference date, by when to answer, how to record the
    /// results, and for each list in it what it holds, who acts and what to do.
    /// </summary>
    /// <param name="owner">Whose lists these are ("湖南省 邵阳市 邵东市（430521）", "全省").</param>
    /// <param name="rows">Rows per list present, in sheet order (null when not known before the rows are written).</param>
    /// <param name="about">The first line, when the workbook is not a set of lists (the summary workbook).</param>
    public static SheetSpec Guide(string owner, DateOnly referenceDate, DateOnly? deadline, IReadOnlyList<(Category Category, long? Rows)> rows,
        string? about = null)
    {
        string D(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        var lines = new List<string?[]>
        {
            new[] { "本工作簿", about ?? $"{owner}的比对核查清单。每个工作表是一类清单，需要核查的在前，“{CategoryInfo.Of(Category.Matched).ChineseName}”名单在最后（供存档，无需核查）；一类清单超过 1,048,575 行时接着写在名为“清单名(2)”的工作表中。" },
            new[] { "基准日", $"{D(referenceDate)}。年龄按这一天的周岁计算（义务教育年龄段、学段均以此为准）。" },
            new[] { "反馈期限", deadline is { } d ? $"请于 {D(d)} 前完成核查并反馈。" : "按本次比对工作通知的要求完成核查并反馈。" },
            new[] { "怎样记录", $"请逐行核实，在“{ResultHeader}”列的下拉框中选择结果；需要说明的写在“{NoteHeader}”列，选“{VerificationResults.Other}”时必须写明。"
                + "其他列请勿改动。填好后可将本工作簿原样上传到比对核查系统的“批量反馈”，也可按本地要求报送。" },
        };
        foreach (var (category, count) in rows)
        {
            var info = CategoryInfo.Of(category);
            lines.Add([count is long n ? $"{info.ChineseName}（{n.ToString("N0", CultureInfo.InvariantCulture)} 行）" : info.ChineseName,
                $"{ListGuide.Meaning(category)}。每行表示：{info.OneRowPer}。责任单位：{info.WhoActs}。{(ListGuide.AsksForAction(category) ? "请：" : "")}{ListGuide.Action(category)}。"]);
        }
        return new SheetSpec(GuideSheet, [new SheetColumn("项目"), new SheetColumn(GuideSheet) { Wrap = true }], lines) { Filter = false };
    }

    /// <summary>"湖南省 邵阳市 邵东市（430521）", or the name of the workbook for rows whose county is unknown.</summary>
    public static string CountyOwner(Bidui.Core.Regions.RegionTable regions, int county) =>
        county == 0 ? "未能确定责任县" : $"{regions.FullName(county)}（{county.ToString("D6", CultureInfo.InvariantCulture)}）";
}
