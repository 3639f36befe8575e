using System.Globalization;
using Bidui.Assessment.Indicators;
using Bidui.Assessment.Scoring;
using Bidui.Reports;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;

namespace Bidui.Workflow.Assessment;

/// <summary>
/// 考核评估表.xlsx: the counties a user may see, ranked, with every indicator, the total and its change, then the
/// lines to sign and seal; where each county loses points; and what the figures mean. Printed A4 landscape with
/// the header on every page (the workbook writer's layout). Every export is audited.
/// </summary>
public sealed class AssessmentWorkbook(AuditLog audit)
{
    public const string FileName = "考核评估表.xlsx";

    public static readonly string[] SignatureLines =
        ["填表人（签字）：", "审核人（签字）：", "单位负责人（签字）：", "填报单位（盖章）：", "日期：　　　　年　　月　　日"];

    public async Task WriteAsync(Actor actor, RoundAssessment assessment, IReadOnlyList<CountyScore> counties, string path, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(counties);
        await XlsxWorkbookWriter.WriteAsync(path, [Scores(assessment, counties), Losses(counties), Notes(assessment)], ct);
        await audit.WriteAsync(actor.UserName, "导出", "考核评估表",
            $"批次 {assessment.Round.Id.ToString(CultureInfo.InvariantCulture)}；{counties.Count.ToString(CultureInfo.InvariantCulture)} 个县", ct);
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "";

    private static string Signed(double? value) => value is { } v ? (v > 0 ? "+" : "") + v.ToString("0.00", CultureInfo.InvariantCulture) : "";

    private static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string RagText(Rag rag) => rag switch { Rag.Green => "绿", Rag.Amber => "黄", Rag.Red => "红", _ => "—" };

    private static SheetSpec Scores(RoundAssessment a, IReadOnlyList<CountyScore> counties)
    {
        var columns = new List<SheetColumn> { new("县级代码"), new("县"), new("市"), new("重点帮扶县") };
        columns.AddRange(IndicatorInfo.All.Select(i => new SheetColumn($"{i.Name}（{i.Unit}）", CellKind.Decimal)));
        columns.AddRange([new("总分", CellKind.Decimal), new("等级"), new("省内排名", CellKind.Integer), new("市内排名", CellKind.Integer),
            new("重点县排名", CellKind.Integer), new("总分较上批次", CellKind.Decimal), new("省内名次变化", CellKind.Integer)]);
        var rows = counties.OrderBy(c => c.ProvinceRank ?? int.MaxValue).ThenBy(c => c.County).Select(c => (string?[])[
            c.County.ToString("D6", CultureInfo.InvariantCulture), c.CountyName, c.PrefectureName, c.IsKey ? "是" : "",
            .. IndicatorInfo.All.Select(i => Number(c.Of(i.Indicator)?.Value.Value)),
            Number(c.Total), RagText(c.Rag), Int(c.ProvinceRank), Int(c.PrefectureRank), Int(c.KeyRank), Signed(c.TotalChange), Int(c.ProvinceRankChange),
        ]).ToList();
        rows.Add([]);
        rows.AddRange(SignatureLines.Select(line => new string?[] { line }));
        return new SheetSpec("考核评估表", columns, rows) { Filter = false };
    }

    private static SheetSpec Losses(IReadOnlyList<CountyScore> counties)
    {
        SheetColumn[] columns = [new("县级代码"), new("县"), new("指标"), new("值", CellKind.Decimal), new("单位"), new("满分值", CellKind.Decimal),
            new("零分值", CellKind.Decimal), new("得分", CellKind.Decimal), new("等级"), new("失分", CellKind.Decimal), new("较上批次", CellKind.Decimal)];
        var rows = counties.OrderBy(c => c.County).SelectMany(c => c.Indicators.OrderByDescending(i => i.PointsLost).Select(i => (string?[])[
            c.County.ToString("D6", CultureInfo.InvariantCulture), c.CountyName, i.Value.Info.Name, Number(i.Value.Value), i.Value.Info.Unit,
            Number(i.Rule?.Target), Number(i.Rule?.Zero), Number(i.Score), RagText(i.Rag), Number(i.PointsLost), Signed(i.Change),
        ]));
        return new SheetSpec("失分明细", columns, rows);
    }

    private static SheetSpec Notes(RoundAssessment a)
    {
        var lines = new List<string?[]>
        {
            new[] { "批次", a.Round.Name },
            new[] { "核查截止日期", a.Round.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            new[] { "评估日期", a.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            new[] { "上一批次", a.Previous?.Name ?? "（无：首个批次）" },
            new[] { "考核评分标准", a.Result.Scorecard.Name },
            new[] { "总分", "有值指标按权重的加权平均（百分制）；无值的指标不计分，其权重不计入。失分 = 该指标权重占比 × (100 − 得分)。" },
        };
        lines.AddRange(IndicatorInfo.All.Select(i => new[] { $"{i.Name}（{i.Unit}）", i.Definition }));
        return new SheetSpec("说明", [new SheetColumn("项目"), new SheetColumn("内容") { Wrap = true }], lines) { Filter = false };
    }
}
