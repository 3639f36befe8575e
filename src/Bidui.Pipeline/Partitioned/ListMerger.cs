using System.Collections.Concurrent;
using Bidui.Core.Regions;
using Bidui.Matching.Categories;
using Bidui.Matching.Layout;
using Bidui.Matching.Records;
using Bidui.Reports;

namespace Bidui.Pipeline.Partitioned;

/// <summary>
/// Keeps the partitions' lists on disk as finished cells (order key, responsible county, one text
/// per column) and merges them into the outputs: each list's CSV in the order of one engine, and
/// the county workbooks through one more spill per group of counties, so that no list and no
/// workbook is ever held whole in memory.
/// </summary>
internal sealed class ListMerger(RegionTable regions, string folder, int partitions)
{
    // Counties are written in groups, each group's workbooks open together: few enough open files
    // per group even at national scale (≈ 2,900 counties), enough groups to share the cores.
    private const int CountyGroups = 16;

    private string ListPath(int partition, Category c) => Path.Combine(folder, $"{CategoryInfo.Of(c).Code}.{partition:D3}.list");

    private string GroupPath(Category c, int group) => Path.Combine(folder, $"{CategoryInfo.Of(c).Code}.g{group:D2}.county");

    public void Spill(int partition, Category category, IReadOnlyList<ListColumn> columns, IReadOnlyList<ResultRow> rows, Func<ResultRow, long> keyOf)
    {
        using var w = new SpillWriter(ListPath(partition, category));
        foreach (var row in rows)
        {
            w.Write(keyOf(row));
            w.Write(row.Responsible.Code);
            foreach (var column in columns)
                w.Write(column.Value(row));
        }
    }

    public ResultTally WriteAll(OutputStaging staging, IReadOnlyList<Category> computed, Func<Category, IReadOnlyList<ListColumn>> layoutOf,
        DateOnly referenceDate, DateOnly? deadline, IReadOnlyList<InputAccount> inputs, IReadOnlyList<string> notes, IReadOnlyList<RejectedRow> rejects,
        IJobProgress progress, Bidui.Matching.Supervision.FundsTally? funds)
    {
        var counts = new ConcurrentDictionary<Category, long>();
        var byCounty = new SortedDictionary<int, Dictionary<Category, long>>();
        var samples = new ConcurrentDictionary<Category, List<string?[]>>();
        using (var step = progress.Start("合并分区清单（CSV）", computed.Count))
        {
            int done = 0;
            Parallel.ForEach(computed, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, category =>
            {
                var guide = WorkbookSheets.Guide("全部责任县", referenceDate, deadline, [(category, null)]);
                var (rows, countyRows, sample) = MergeList(staging.PathOf(ResultFiles.ListCsv(category)), staging.PathOf(ResultFiles.ListXlsx(category)),
                    guide, category, layoutOf(category));
                counts[category] = rows;
                samples[category] = sample;
                lock (byCounty)
                {
                    foreach (var (county, n) in countyRows)
                        ResultTally.Count(byCounty, county, category, n);
                }
                step.Report(Interlocked.Increment(ref done));
            });
        }
        SummaryOutputs.WriteRejects(staging.PathOf(ResultFiles.Rejects), rejects);

        string countyFolder = staging.PathOf(ResultFiles.CountyFolder);
        Directory.CreateDirectory(countyFolder);
        using (var step = progress.Start("写出分县工作簿（xlsx）", CountyGroups))
        {
            int done = 0;
            Parallel.For(0, CountyGroups, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, group =>
            {
                WriteCountyGroup(countyFolder, group, computed, layoutOf, samples, funds, byCounty, referenceDate, deadline);
                step.Report(Interlocked.Increment(ref done));
            });
        }
        return new ResultTally(referenceDate, computed.Select(c => (c, counts[c])).ToList(), byCounty, inputs, notes) { Deadline = deadline };
    }

    /// <summary>
    /// Merges one list's partition files by order key (ties: lower partition first) into its CSV, its workbook
    /// (the sheet started once the rows that size its columns are known) and the county groups.
    /// </summary>
    private (long Rows, Dictionary<int, long> ByCounty, List<string?[]> Sample) MergeList(string csvPath, string xlsxPath, SheetSpec guide,
        Category category, IReadOnlyList<ListColumn> columns)
    {
        var heads = new Head[partitions];
        var groups = new SpillWriter?[CountyGroups];
        var byCounty = new Dictionary<int, long>();
        var sample = new List<string?[]>(XlsxWorkbookWriter.WidthSampleRows);
        var sheetColumns = WorkbookSheets.Columns(category, columns);
        long rows = 0;
        using var book = XlsxStreamingWorkbook.Create(xlsxPath);
        book.AddSheet(guide);
        try
        {
            for (int p = 0; p < partitions; p++)
                heads[p] = new Head(new SpillReader(ListPath(p, category), InputSplitter.BufferFor(partitions)), columns.Count);
            using var csv = new CsvListWriter(csvPath, columns.Select(c => c.Header).ToList());
            while (true)
            {
                Head? next = null;
                foreach (var h in heads)
                {
                    if (h.Loaded && (next is null || h.Key < next.Key))
                        next = h;
                }
                if (next is null)
                    break;
                csv.WriteRow(next.Cells);
                rows++;
                byCounty[next.County] = byCounty.GetValueOrDefault(next.County) + 1;
                if (sample.Count < XlsxWorkbookWriter.WidthSampleRows)
                {
                    sample.Add((string?[])next.Cells.Clone());
                }
                else
                {
                    if (sample.Count == XlsxWorkbookWriter.WidthSampleRows && rows == sample.Count + 1)
                        StartListSheet(book, category, sheetColumns, sample);
                    book.AddRow(next.Cells);
                }
                int g = GroupOf(next.County);
                var to = groups[g] ??= new SpillWriter(GroupPath(category, g));
                to.Write(next.County);
                foreach (var cell in next.Cells)
                    to.Write(cell);
                next.Advance();
            }
            if (rows <= XlsxWorkbookWriter.WidthSampleRows)
                StartListSheet(book, category, sheetColumns, sample);
            book.Finish();
        }
        finally
        {
            foreach (var h in heads)
                h?.Dispose();
            foreach (var g in groups)
                g?.Dispose();
            for (int p = 0; p < partitions; p++)
                File.Delete(ListPath(p, category));
        }
        return (rows, byCounty, sample);
    }

    private static void StartListSheet(XlsxStreamingWorkbook book, Category category, IReadOnlyList<SheetColumn> columns, List<string?[]> sample)
    {
        book.StartSheet(CategoryInfo.Of(category).ChineseName, columns, sample);
        foreach (var row in sample)
            book.AddRow(row);
    }

    private static int GroupOf(int county) => (int)((uint)county % CountyGroups);

    /// <summary>
    /// Writes the workbooks of one group of counties, laid out as the in-memory writer lays them out
    /// (<see cref="WorkbookSheets"/>): each opens with its 说明, then the rows come list by list — the lists
    /// asking for action, the county's funds, 比对成功 last — so each workbook's sheets come in that order.
    /// </summary>
    private void WriteCountyGroup(string countyFolder, int group, IReadOnlyList<Category> computed,
        Func<Category, IReadOnlyList<ListColumn>> layoutOf, IReadOnlyDictionary<Category, List<string?[]>> samples,
        Bidui.Matching.Supervision.FundsTally? funds, SortedDictionary<int, Dictionary<Category, long>> byCounty, DateOnly referenceDate, DateOnly? deadline)
    {
        var books = new Dictionary<int, XlsxStreamingWorkbook>();
        var order = WorkbookSheets.Order(computed);
        try
        {
            foreach (var (county, lists) in byCounty.Where(kv => GroupOf(kv.Key) == group))
            {
                var book = XlsxStreamingWorkbook.Create(Path.Combine(countyFolder, SummaryOutputs.CountyWorkbookName(regions, county)));
                books[county] = book;
                book.AddSheet(WorkbookSheets.Guide(WorkbookSheets.CountyOwner(regions, county), referenceDate, deadline,
                    order.Where(lists.ContainsKey).Select(c => (c, (long?)lists[c])).ToList()));
            }
            foreach (var category in order.Where(ListGuide.AsksForAction))
                WriteCountySheets(books, group, category, layoutOf(category), samples[category]);
            foreach (var (county, book) in books)
            {
                // The county's own money (SPEC §4.6), where the in-memory writer puts it.
                if (funds is not null && FundsOutputs.CountySheet(funds, county) is { } sheet)
                    book.AddSheet(sheet);
            }
            if (order.Contains(Category.Matched))
                WriteCountySheets(books, group, Category.Matched, layoutOf(Category.Matched), samples[Category.Matched]);
            foreach (var book in books.Values)
                book.Finish();
        }
        finally
        {
            foreach (var book in books.Values)
                book.Dispose();
        }
    }

    /// <summary>One list's rows of the group's counties, each county's into a sheet of its workbook.</summary>
    private void WriteCountySheets(Dictionary<int, XlsxStreamingWorkbook> books, int group, Category category, IReadOnlyList<ListColumn> columns,
        List<string?[]> sample)
    {
        string path = GroupPath(category, group);
        if (!File.Exists(path))
            return;
        var sheetColumns = WorkbookSheets.Columns(category, columns);
        var started = new HashSet<int>();
        using (var rows = new SpillReader(path))
        {
            var cells = new string?[columns.Count];
            while (!rows.AtEnd)
            {
                rows.BeginRecord();
                int county = rows.ReadInt32();
                for (int i = 0; i < cells.Length; i++)
                    cells[i] = rows.ReadString();
                var book = books[county];
                if (started.Add(county))
                    book.StartSheet(CategoryInfo.Of(category).ChineseName, sheetColumns, sample);
                book.AddRow(cells);
            }
        }
        File.Delete(path);
    }

    /// <summary>The current record of one partition's list file.</summary>
    private sealed class Head : IDisposable
    {
        private readonly SpillReader _in;

        public Head(SpillReader reader, int columns)
        {
            _in = reader;
            Cells = new string?[columns];
            Advance();
        }

        public bool Loaded { get; private set; }
        public long Key { get; private set; }
        public int County { get; private set; }
        public string?[] Cells { get; }

        public void Advance()
        {
            Loaded = !_in.AtEnd;
            if (!Loaded)
                return;
            _in.BeginRecord();
            Key = _in.ReadInt64();
            County = _in.ReadInt32();
            for (int i = 0; i < Cells.Length; i++)
                Cells[i] = _in.ReadString();
        }

        public void Dispose() => _in.Dispose();
    }
}
