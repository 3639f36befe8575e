using System.Globalization;
using System.Text.Json;
using Bidui.Core.Regions;
using Bidui.Matching.Categories;
using Bidui.Matching.Records;
using Bidui.Reports;

namespace Bidui.Pipeline;

/// <summary>The outputs made of figures only (SPEC §5): summary workbook, HTML report, summary.json and rejects.csv.</summary>
internal static class SummaryOutputs
{
    public static void WriteAll(OutputStaging staging, ResultTally tally, RegionTable regions, IJobProgress progress)
    {
        XlsxWorkbookWriter.Write(staging.PathOf(ResultFiles.SummaryWorkbook), SummarySheets(tally, regions));
        using (progress.Start("写出比对报告（HTML）"))
            HtmlReportWriter.Write(staging.PathOf(ResultFiles.Report), ReportModel(tally, regions));
        WriteSummaryJson(staging.PathOf(ResultFiles.Summary), tally, regions);
    }

    public static void WriteRejects(string path, IReadOnlyList<RejectedRow> rejects)
    {
        using var csv = new CsvListWriter(path, ["来源数据", "来源行号", "原因"]);
        foreach (var r in rejects)
            csv.WriteRow([r.SourceName, r.Row.ToString(CultureInfo.InvariantCulture), r.Reason]);
    }

    public static string CountyWorkbookName(RegionTable regions, int code)
    {
        string name = code == 0 ? "未能确定责任县" : regions.FullName(code).Replace(' ', '_');
        foreach (char bad in Path.GetInvalidFileNameChars())
            name = name.Replace(bad, '_');
        return $"{code:D6}_{name}.xlsx";
    }

    private static IEnumerable<SheetSpec> SummarySheets(ResultTally tally, RegionTable regions)
    {
        yield return WorkbookSheets.Guide("全部责任县", tally.ReferenceDate, tally.Deadline,
            WorkbookSheets.Order(tally.Lists.Select(l => l.Category)).Select(c => (c, (long?)tally.Lists.First(l => l.Category == c).Rows)).ToList(),
            about: "本次比对的汇总：各类清单的行数、各输入文件的读取情况、各责任县的清单行数。各县的清单在“按县分发”文件夹中，每县一个工作簿；全部责任县的每类清单另有同名的 xlsx 文件。");
        yield return new SheetSpec("结果汇总",
            [new("清单代码"), new("清单名称"), new("每行表示"), new("责任单位"), new("行数", CellKind.Integer)],
            tally.Lists.Select(l => (Info: CategoryInfo.Of(l.Category), l.Rows)).Select(x => new string?[]
                { x.Info.Code, x.Info.ChineseName, x.Info.OneRowPer, x.Info.WhoActs, I(x.Rows) }));
        yield return new SheetSpec("数据读取",
            [new("数据"), new("文件"), new("格式"), new("表头行号", CellKind.Integer), new("读取行数", CellKind.Integer),
             new("空行", CellKind.Integer), new("拒收行", CellKind.Integer), new("载入行", CellKind.Integer)],
            tally.Inputs.Select(a => new string?[]
            {
                a.Name, Path.GetFileName(a.File), a.Format, I(a.HeaderRow), I(a.RowsRead), I(a.RowsBlank), I(a.RowsRejected), I(a.RowsLoaded),
            }));
        var categories = tally.Lists.Select(l => l.Category).ToList();
        yield return new SheetSpec("分县统计",
            [new("县级代码"), new("县"), .. categories.Select(c => new SheetColumn(CategoryInfo.Of(c).ChineseName, CellKind.Integer))],
            tally.ByCounty.Select(kv => new string?[] { kv.Key == 0 ? "" : kv.Key.ToString("D6", CultureInfo.InvariantCulture), CountyLabel(regions, kv.Key) }
                .Concat(categories.Select(c => I(kv.Value.GetValueOrDefault(c)))).ToArray()));
        if (tally.Funds is { } funds)
        {
            foreach (var sheet in FundsOutputs.SummarySheets(funds, tally.KeyCounties, regions))
                yield return sheet;
        }
        yield return AssessmentOutputs.Sheet(AssessmentOutputs.Assess(tally, regions, tally.Scorecard));
        yield return new SheetSpec("注意事项", [new("注意事项") { Wrap = true }], tally.Notes.Select(n => new string?[] { n })) { Filter = false };
    }

    private static string CountyLabel(RegionTable regions, int code) => code == 0 ? "未能确定责任县" : regions.FullName(code);

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static ReportModel ReportModel(ResultTally tally, RegionTable regions) => new(
        "脱贫家庭学生信息比对报告",
        DateTimeOffset.Now,
        tally.ReferenceDate,
        tally.Inputs.Select(a => new ReportInput(a.Name, Path.GetFileName(a.File), a.Format, a.RowsRead, a.RowsBlank, a.RowsRejected, a.RowsLoaded)).ToList(),
        tally.Lists.Select(l => (Info: CategoryInfo.Of(l.Category), l.Rows))
            .Select(x => new ReportCategory(x.Info.Code, x.Info.ChineseName, x.Info.WhoActs, x.Rows, ListGuide.AsksForAction(x.Info.Category))).ToList(),
        tally.ByCounty.Select(kv => new ReportCountyRow(kv.Key == 0 ? "" : kv.Key.ToString("D6", CultureInfo.InvariantCulture), CountyLabel(regions, kv.Key),
            kv.Value.ToDictionary(l => CategoryInfo.Of(l.Key).Code, l => l.Value))).ToList(),
        tally.Notes)
    {
        Funds = tally.Funds is { } funds ? FundsOutputs.Report(funds, tally.KeyCounties, regions) : null,
        Assessment = AssessmentOutputs.Report(AssessmentOutputs.Assess(tally, regions, tally.Scorecard)),
    };

    /// <summary>
    /// Per responsible county (000000: unknown): its rows in each list and the bases of its indicators
    /// (docs/ASSESSMENT.md), so that assessment and publish need nothing but this file.
    /// </summary>
    private static void WriteCounties(Utf8JsonWriter json, ResultTally tally)
    {
        json.WriteStartObject("counties");
        foreach (int county in tally.ByCounty.Keys.Union(tally.Bases.ByCounty.Keys).Order())
        {
            json.WriteStartObject(county.ToString("D6", CultureInfo.InvariantCulture));
            json.WriteStartObject("lists");
            var lists = tally.ByCounty.GetValueOrDefault(county);
            foreach (var (category, _) in tally.Lists)
                json.WriteNumber(CategoryInfo.Of(category).Code, lists?.GetValueOrDefault(category) ?? 0);
            json.WriteEndObject();
            var b = tally.Bases.ByCounty.GetValueOrDefault(county) ?? new Bidui.Matching.Records.CountyBase();
            json.WriteNumber("education_rows", b.EducationRows);
            json.WriteNumber("rural_rows", b.RuralRows);
            json.WriteNumber("compulsory_age", b.CompulsoryAge);
            json.WriteNumber("compulsory_enrolled", b.CompulsoryEnrolled);
            json.WriteNumber("aid_stage_students", b.AidStageStudents);
            json.WriteStartObject("invalid_id");
            json.WriteNumber("education", b.InvalidEducation);
            json.WriteNumber("rural", b.InvalidRural);
            json.WriteEndObject();
            json.WriteStartObject("field_conflict");
            json.WriteNumber("education", b.ConflictEducation);
            json.WriteNumber("rural", b.ConflictRural);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteAccount(Utf8JsonWriter json, string name, InputAccount a)
    {
        json.WriteStartObject(name);
        json.WriteString("file", a.File);
        json.WriteNumber("rows_read", a.RowsRead);
        json.WriteNumber("rows_blank", a.RowsBlank);
        json.WriteNumber("rows_rejected", a.RowsRejected);
        json.WriteNumber("rows_loaded", a.RowsLoaded);
        json.WriteEndObject();
    }

    private static void WriteSummaryJson(string path, ResultTally tally, RegionTable regions)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        json.WriteStartObject();
        json.WriteString("reference_date", tally.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartObject("inputs");
        foreach (var a in tally.Inputs.Where(a => a.Dataset != Dataset.Register))
            WriteAccount(json, a.Dataset.JsonName(), a);
        if (tally.Inputs.Any(a => a.Dataset == Dataset.Register))
        {
            json.WriteStartObject("registers");
            foreach (var a in tally.Inputs.Where(a => a.Dataset == Dataset.Register))
                WriteAccount(json, a.Label!, a);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        if (tally.Funds is { } funds)
            FundsOutputs.WriteJson(json, funds, tally.KeyCounties, regions,
                [.. tally.Inputs.Where(a => a.Dataset == Dataset.Register).Select(a => a.Label!)]);
        json.WriteStartObject("categories");
        foreach (var (category, rows) in tally.Lists)
            json.WriteNumber(CategoryInfo.Of(category).Code, rows);
        json.WriteEndObject();
        WriteCounties(json, tally);
        json.WriteStartArray("notes");
        foreach (var n in tally.Notes)
            json.WriteStringValue(n);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}

