using System.Globalization;
using System.Text.Json;
using Bidui.Core.Regions;
using Bidui.Matching.Categories;
using Bidui.Matching.Engine;
using Bidui.Matching.Layout;
using Bidui.Matching.Records;
using Bidui.Reports;

namespace Bidui.Pipeline;

/// <summary>Writes every output of SPEC §5 for one comparison into a (staging) folder.</summary>
internal sealed class ResultWriter(RegionTable regions, ComparisonResult result, IReadOnlyList<InputAccount> inputs, IJobProgress progress)
{
    private readonly ListLayouts _layouts = new(regions, linkage: !result.Settings.ExactOnly);

    public void WriteAll(OutputStaging staging)
    {
        using (var step = progress.Start("写出结果清单（CSV）", result.Lists.Count + 1))
        {
            // One file per list, written side by side on every core, the longest first so that no core waits
            // alone on aid_ineligible at the end.
            int done = 0;
            var files = result.Lists.OrderByDescending(kv => kv.Value.Count).Select(kv => (Category?)kv.Key).Append(null).ToList();
            Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, category =>
            {
                if (category is { } c)
                    WriteCsv(staging.PathOf(ResultFiles.ListCsv(c)), _layouts.For(c), result.Lists[c]);
                else
                    WriteRejects(staging.PathOf(ResultFiles.Rejects));
                step.Report(Interlocked.Increment(ref done));
            });
        }
        var byCounty = GroupByCounty();
        using (var step = progress.Start("写出分县工作簿（xlsx）", byCounty.Count + 1))
        {
            XlsxWorkbookWriter.Write(staging.PathOf(ResultFiles.SummaryWorkbook), SummarySheets(byCounty));
            int done = 1;
            step.Report(done);
            string folder = staging.PathOf(ResultFiles.CountyFolder);
            Directory.CreateDirectory(folder);
            Parallel.ForEach(byCounty, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, county =>
            {
                XlsxWorkbookWriter.Write(Path.Combine(folder, CountyWorkbookName(county.Key)), CountySheets(county.Value));
                step.Report(Interlocked.Increment(ref done));
            });
        }
        using (progress.Start("写出比对报告（HTML）"))
            HtmlReportWriter.Write(staging.PathOf(ResultFiles.Report), ReportModel(byCounty));
        WriteSummaryJson(staging.PathOf(ResultFiles.Summary));
    }

    private static void WriteCsv(string path, IReadOnlyList<ListColumn> columns, IReadOnlyList<ResultRow> rows)
    {
        using var csv = new CsvListWriter(path, columns.Select(c => c.Header).ToList());
        var buffer = new string?[columns.Count];
        foreach (var row in rows)
        {
            for (int i = 0; i < columns.Count; i++)
                buffer[i] = columns[i].Value(row);
            csv.WriteRow(buffer);
        }
    }

    private void WriteRejects(string path)
    {
        using var csv = new CsvListWriter(path, ["来源数据", "来源行号", "原因"]);
        foreach (var r in result.Rejects)
            csv.WriteRow([r.Source.ToChinese(), r.Row.ToString(CultureInfo.InvariantCulture), r.Reason]);
    }

    /// <summary>Every list except matched asks somebody to act; matched goes to the household's county too, for its records.</summary>
    private SortedDictionary<int, Dictionary<Category, List<ResultRow>>> GroupByCounty()
    {
        var byCounty = new SortedDictionary<int, Dictionary<Category, List<ResultRow>>>();
        foreach (var (category, rows) in result.Lists)
        {
            foreach (var row in rows)
            {
                if (!byCounty.TryGetValue(row.Responsible.Code, out var lists))
                    byCounty[row.Responsible.Code] = lists = [];
                if (!lists.TryGetValue(category, out var list))
                    lists[category] = list = [];
                list.Add(row);
            }
        }
        return byCounty;
    }

    private string CountyWorkbookName(int code)
    {
        string name = code == 0 ? "未能确定责任县" : regions.FullName(code).Replace(' ', '_');
        foreach (char bad in Path.GetInvalidFileNameChars())
            name = name.Replace(bad, '_');
        return $"{code:D6}_{name}.xlsx";
    }

    private IEnumerable<SheetSpec> CountySheets(Dictionary<Category, List<ResultRow>> lists)
    {
        foreach (var info in CategoryInfo.All)
        {
            if (lists.TryGetValue(info.Category, out var rows))
                yield return ListSheet(info, rows);
        }
    }

    private SheetSpec ListSheet(CategoryInfo info, IReadOnlyList<ResultRow> rows)
    {
        var columns = _layouts.For(info.Category);
        return new SheetSpec(info.ChineseName,
            columns.Select(c => new SheetColumn(c.Header, c.IsNumber ? CellKind.Integer : CellKind.Text)).ToList(),
            rows.Select(r =>
            {
                var cells = new string?[columns.Count];
                for (int i = 0; i < cells.Length; i++)
                    cells[i] = columns[i].Value(r);
                return cells;
            }));
    }

    private IEnumerable<SheetSpec> SummarySheets(SortedDictionary<int, Dictionary<Category, List<ResultRow>>> byCounty)
    {
        yield return new SheetSpec("结果汇总",
            [new("清单代码"), new("清单名称"), new("每行表示"), new("责任单位"), new("行数", CellKind.Integer)],
            result.Lists.Select(kv => CategoryInfo.Of(kv.Key)).Select(i => new string?[]
                { i.Code, i.ChineseName, i.OneRowPer, i.WhoActs, Count(i.Category) }));
        yield return new SheetSpec("数据读取",
            [new("数据"), new("文件"), new("格式"), new("表头行号", CellKind.Integer), new("读取行数", CellKind.Integer),
             new("空行", CellKind.Integer), new("拒收行", CellKind.Integer), new("载入行", CellKind.Integer)],
            inputs.Select(a => new string?[]
            {
                a.Dataset.ToChinese(), Path.GetFileName(a.File), a.Format, I(a.HeaderRow), I(a.RowsRead), I(a.RowsBlank), I(a.RowsRejected), I(a.RowsLoaded),
            }));
        var categories = result.Lists.Keys.ToList();
        yield return new SheetSpec("分县统计",
            [new("县级代码"), new("县"), .. categories.Select(c => new SheetColumn(CategoryInfo.Of(c).ChineseName, CellKind.Integer))],
            byCounty.Select(kv => new string?[] { kv.Key == 0 ? "" : kv.Key.ToString("D6", CultureInfo.InvariantCulture), CountyLabel(kv.Key) }
                .Concat(categories.Select(c => I(kv.Value.TryGetValue(c, out var l) ? l.Count : 0))).ToArray()));
        yield return new SheetSpec("说明", [new("说明")], result.Notes.Select(n => new string?[] { n }));
    }

    private string CountyLabel(int code) => code == 0 ? "未能确定责任县" : regions.FullName(code);

    private string Count(Category c) => I(result.Lists[c].Count);

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private ReportModel ReportModel(SortedDictionary<int, Dictionary<Category, List<ResultRow>>> byCounty) => new(
        "脱贫家庭学生信息比对报告",
        DateTimeOffset.Now,
        result.Settings.ReferenceDate,
        inputs.Select(a => new ReportInput(a.Dataset.ToChinese(), Path.GetFileName(a.File), a.Format, a.RowsRead, a.RowsBlank, a.RowsRejected, a.RowsLoaded)).ToList(),
        result.Lists.Select(kv => CategoryInfo.Of(kv.Key)).Select(i => new ReportCategory(i.Code, i.ChineseName, i.WhoActs, result.Lists[i.Category].Count)).ToList(),
        byCounty.Select(kv => new ReportCountyRow(kv.Key == 0 ? "" : kv.Key.ToString("D6", CultureInfo.InvariantCulture), CountyLabel(kv.Key),
            kv.Value.ToDictionary(l => CategoryInfo.Of(l.Key).Code, l => (long)l.Value.Count))).ToList(),
        result.Notes);

    private void WriteSummaryJson(string path)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        json.WriteStartObject();
        json.WriteString("reference_date", result.Settings.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartObject("inputs");
        foreach (var a in inputs)
        {
            json.WriteStartObject(a.Dataset.JsonName());
            json.WriteString("file", a.File);
            json.WriteNumber("rows_read", a.RowsRead);
            json.WriteNumber("rows_blank", a.RowsBlank);
            json.WriteNumber("rows_rejected", a.RowsRejected);
            json.WriteNumber("rows_loaded", a.RowsLoaded);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartObject("categories");
        foreach (var (category, rows) in result.Lists)
            json.WriteNumber(CategoryInfo.Of(category).Code, rows.Count);
        json.WriteEndObject();
        json.WriteStartArray("notes");
        foreach (var n in result.Notes)
            json.WriteStringValue(n);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
