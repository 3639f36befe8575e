using Bidui.Core.Regions;
using Bidui.Matching.Categories;
using Bidui.Matching.Engine;
using Bidui.Matching.Layout;
using Bidui.Matching.Records;
using Bidui.Reports;

namespace Bidui.Pipeline;

/// <summary>Writes every output of SPEC §5 for one comparison held in memory into a (staging) folder.</summary>
internal sealed class ResultWriter(RegionTable regions, ComparisonResult result, IReadOnlyList<InputAccount> inputs, IJobProgress progress,
    Supervision.SupervisionInputs supervision, DateOnly? deadline,
    Bidui.Assessment.Scoring.Scorecard scorecard)
{
    private readonly ListLayouts _layouts = new(regions, linkage: !result.Settings.ExactOnly);

    public void WriteAll(OutputStaging staging)
    {
        var byCounty = GroupByCounty();
        var tally = new ResultTally(result.Settings.ReferenceDate, result.Lists.Select(kv => (kv.Key, (long)kv.Value.Count)).ToList(),
            new SortedDictionary<int, Dictionary<Category, long>>(byCounty.ToDictionary(kv => kv.Key,
                kv => kv.Value.ToDictionary(l => l.Key, l => (long)l.Value.Count))),
            inputs, [.. supervision.Notes, .. result.Notes])
        {
            Funds = result.Settings.HasAid ? result.Funds : null,
            KeyCounties = supervision.KeyCounties,
            Bases = result.Bases,
            Deadline = deadline,
            Scorecard = scorecard,
        };
        string folder = staging.PathOf(ResultFiles.CountyFolder);
        Directory.CreateDirectory(folder);

        // Every list's CSV and workbook and every county's workbook, side by side on every core with no barrier
        // between the kinds, the largest first so that no core waits alone on aid_ineligible at the end.
        var work = result.Lists.Select(kv => (Rows: (long)kv.Value.Count, Write: (Action)(() =>
                WriteCsv(staging.PathOf(ResultFiles.ListCsv(kv.Key)), _layouts.For(kv.Key), kv.Value))))
            .Concat(result.Lists.Select(kv => (Rows: 2L * kv.Value.Count, Write: (Action)(() =>
                XlsxWorkbookWriter.Write(staging.PathOf(ResultFiles.ListXlsx(kv.Key)), ListWorkbook(kv.Key, kv.Value))))))
            .Append((Rows: (long)result.Rejects.Count, Write: () => SummaryOutputs.WriteRejects(staging.PathOf(ResultFiles.Rejects), result.Rejects)))
            .Concat(byCounty.Select(county => (Rows: 2L * county.Value.Sum(l => (long)l.Value.Count), Write: (Action)(() =>
                XlsxWorkbookWriter.Write(Path.Combine(folder, SummaryOutputs.CountyWorkbookName(regions, county.Key)), CountySheets(county.Key, county.Value))))))
            .OrderByDescending(w => w.Rows)
            .ToList();
        using (var step = progress.Start("写出结果清单（CSV）和分县工作簿（xlsx）", work.Count))
        {
            int done = 0;
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(work, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, w =>
            {
                w.Write();
                step.Report(Interlocked.Increment(ref done));
            });
        }
        SummaryOutputs.WriteAll(staging, tally, regions, progress);
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

    /// <summary>说明, the lists asking for action, the county's funds, 比对成功 last (<see cref="WorkbookSheets"/>).</summary>
    private IEnumerable<SheetSpec> CountySheets(int county, Dictionary<Category, List<ResultRow>> lists)
    {
        var order = WorkbookSheets.Order(lists.Keys);
        yield return WorkbookSheets.Guide(WorkbookSheets.CountyOwner(regions, county), result.Settings.ReferenceDate, deadline,
            order.Select(c => (c, (long?)lists[c].Count)).ToList());
        foreach (var category in order.Where(ListGuide.AsksForAction))
            yield return ListSheet(category, lists[category]);
        if (result.Settings.HasAid && FundsOutputs.CountySheet(result.Funds, county) is { } funds)
            yield return funds;
        if (lists.TryGetValue(Category.Matched, out var matched))
            yield return ListSheet(Category.Matched, matched);
    }

    /// <summary>A whole list as a workbook, for people who open the province's lists (CSV loses IDs in Excel).</summary>
    private IEnumerable<SheetSpec> ListWorkbook(Category category, IReadOnlyList<ResultRow> rows)
    {
        // Without the count, as the partitioned run must write it before the rows are merged.
        yield return WorkbookSheets.Guide("全部责任县", result.Settings.ReferenceDate, deadline, [(category, null)]);
        yield return ListSheet(category, rows);
    }

    private SheetSpec ListSheet(Category category, IReadOnlyList<ResultRow> rows)
    {
        var columns = _layouts.For(category);
        return new SheetSpec(CategoryInfo.Of(category).ChineseName, WorkbookSheets.Columns(category, columns),
            rows.Select(r =>
            {
                var cells = new string?[columns.Count];
                for (int i = 0; i < cells.Length; i++)
                    cells[i] = columns[i].Value(r);
                return cells;
            }));
    }
}
