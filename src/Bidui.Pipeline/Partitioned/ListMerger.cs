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
        DateOnly referenceDate, IReadOnlyList<InputAccount> inputs, IReadOnlyList<string> notes, IReadOnlyList<RejectedRow> rejects, IJobProgress progress,
        Bidui.Matching.Supervision.FundsTally? funds)
    {
        var counts = new ConcurrentDictionary<Category, long>();
        var byCounty = new SortedDictionary<int, Dictionary<Category, long>>();
        var samples = new ConcurrentDictionary<Category, List<string?[]>>();
        using (var step = progress.Start("合并分区清单（CSV）", computed.Count))
        {
            int done = 0;
            Parallel.ForEach(computed, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, category =>
            {
                var (rows, countyRows, sample) = MergeList(staging.PathOf(ResultFiles.ListCsv(category)), category, layoutOf(category));
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
                WriteCountyGroup(countyFolder, group, computed, layoutOf, samples, funds);
                step.Report(Interlocked.Increment(ref done));
            });
        }
        return new ResultTally(referenceDate, computed.Select(c => (c, counts[c])).ToList(), byCounty, inputs, notes);
    }

    /// <summary>Merges one list's partition files by order key (ties: lower partition first) into its CSV and the county groups.</summary>
    private (long Rows, Dictionary<int, long> ByCounty, List<string?[]> Sample) MergeList(string csvPath, Category category, IReadOnlyList<ListColumn> columns)
    {
        var heads = new Head[partitions];
        var groups = new SpillWriter?[CountyGroups];
        var byCounty = new Dictionary<int, long>();
        var sample = new List<string?[]>(XlsxWorkbookWriter.WidthSampleRows);
        long rows = 0;
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
                    sample.Add((string?[])next.Cells.Clone());
                int g = GroupOf(next.County);
                var to = groups[g] ??= new SpillWriter(GroupPath(category, g));
                to.Write(next.County);
                foreach (var cell in next.Cells)
                    to.Write(cell);
                next.Advance();
            }
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

    private static int GroupOf(int county) => (int)((uint)county % CountyGroups);

    /// <summary>Writes the workbooks of one group of counties: rows come list by list, so each workbook's sheets come in list order.</summary>
    private void WriteCountyGroup(string countyFolder, int group, IReadOnlyList<Category> computed,
        Func<Category, IReadOnlyList<ListColumn>> layoutOf, IReadOnlyDictionary<Category, List<string?[]>> samples,
        Bidui.Matching.Supervision.FundsTally? funds)
    {
        var books = new Dictionary<int, (XlsxStreamingWorkbook Book, Category? Sheet)>();
        try
        {
            foreach (var category in computed)
            {
                string path = GroupPath(category, group);
                if (!File.Exists(path))
                    continue;
                var columns = layoutOf(category);
                var sheetColumns = SummaryOutputs.SheetColumns(columns);
                using (var rows = new SpillReader(path))
                {
                    var cells = new string?[columns.Count];
                    while (!rows.AtEnd)
                    {
                        rows.BeginRecord();
                        int county = rows.ReadInt32();
                        for (int i = 0; i < cells.Length; i++)
                            cells[i] = rows.ReadString();
                        if (!books.TryGetValue(county, out var entry))
                            entry = (XlsxStreamingWorkbook.Create(Path.Combine(countyFolder, SummaryOutputs.CountyWorkbookName(regions, county))), null);
                        if (entry.Sheet != category)
                        {
                            entry.Book.StartSheet(CategoryInfo.Of(category).ChineseName, sheetColumns, samples[category]);
                            entry.Sheet = category;
                        }
                        books[county] = entry;
                        entry.Book.AddRow(cells);
                    }
                }
                File.Delete(path);
            }
            foreach (var (county, (book, _)) in books)
            {
                // The county's own money (SPEC §4.6), as the in-memory writer adds it.
                if (funds is not null && FundsOutputs.CountySheet(funds, county) is { } sheet)
                {
                    var rows = sheet.Rows.ToList();
                    book.StartSheet(sheet.Name, sheet.Columns, rows);
                    foreach (var row in rows)
                        book.AddRow(row);
                }
                book.Finish();
            }
        }
        finally
        {
            foreach (var (book, _) in books.Values)
                book.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
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
