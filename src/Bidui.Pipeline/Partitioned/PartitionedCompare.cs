using Bidui.Core.Regions;
using Bidui.Inputs;
using Bidui.Matching.Categories;
using Bidui.Matching.Engine;
using Bidui.Matching.Layout;
using Bidui.Matching.Records;

namespace Bidui.Pipeline.Partitioned;

/// <summary>
/// The comparison when the inputs do not fit the memory budget (`--memory-limit`): every row is
/// written once to the partition of its key (<see cref="InputSplitter"/>), each partition is compared
/// by its own engine, its lists go to disk, and the lists are merged back into the order a single
/// engine gives (<see cref="ListMerger"/>). Memory is that of one partition plus the merge.
/// </summary>
/// <remarks>
/// Exact matching needs nothing across keys, except the school an aid row names (every partition
/// is given the registry's schools) and the counts behind the notes (added up). The probabilistic
/// tier compares rows without a key against every person and is not partitioned: the caller
/// refuses it here.
/// </remarks>
internal sealed class PartitionedCompare(ComparisonSettings settings, RegionTable regions, int partitions, string folder, IJobProgress progress,
    DateOnly? deadline = null, bool collectBetweenPartitions = false)
{
    private readonly ListLayouts _layouts = new(regions, linkage: false);

    public ResultTally Run(CompareJob.Sources sources, Supervision.SupervisionInputs supervision, Bidui.Assessment.Scoring.Scorecard scorecard,
        OutputStaging staging, Action<string> done)
    {
        var (poverty, students, aid) = (sources.Poverty, sources.Students, sources.Aid);
        var splitter = new InputSplitter(partitions, folder, settings.Today);
        RowFeed povertyFeed = RowFeed.Poverty(poverty), studentFeed = RowFeed.Students(students);
        var inputs = new List<InputAccount>();
        using (var step = progress.Start($"分区写出：乡村振兴数据（{partitions} 个分区）"))
            inputs.Add(splitter.Split(poverty, povertyFeed, step));
        RowFeed? aidFeed = null;
        if (aid is not null)
        {
            aidFeed = RowFeed.Aid(aid);
            using var step = progress.Start("分区写出：资助发放数据");
            inputs.Add(splitter.Split(aid, aidFeed, step));
        }
        var registerFeeds = new List<RowFeed>();
        for (int i = 0; i < sources.Registers.Count; i++)
        {
            registerFeeds.Add(RowFeed.Register(sources.Registers[i], i, sources.Labels[i]));
            using var step = progress.Start($"分区写出：{sources.Labels[i]}");
            inputs.Add(splitter.Split(sources.Registers[i], registerFeeds[i], step));
        }
        using (var step = progress.Start("分区写出：学籍数据"))
            inputs.Insert(0, splitter.Split(students, studentFeed, step));
        done("分区写出（读取全部输入）");

        var merger = new ListMerger(regions, folder, partitions);
        var rejects = new List<RejectedRow>();
        var notes = new List<CountedNote>();
        var bases = new List<CountyBases>();
        var funds = new List<Bidui.Matching.Supervision.FundsTally>();
        IReadOnlyList<Category>? computed = null;
        using (var step = progress.Start("逐个分区比对", partitions))
        {
            for (int p = 0; p < partitions; p++)
            {
                var result = ComparePartition(p, povertyFeed, aidFeed, studentFeed, registerFeeds, splitter.Schools.Schools, sources);
                computed ??= [.. result.Lists.Keys];
                rejects.AddRange(result.Rejects);
                notes.AddRange(result.CountedNotes);
                bases.Add(result.Bases);
                funds.Add(result.Funds);
                foreach (var (category, rows) in result.Lists)
                    merger.Spill(p, category, _layouts.For(category), rows, r => ListOrder.KeyOf(category, r));
                result = null;
                // Give the partition's memory back before the next one grows; only in a process that runs nothing
                // else (CompareRequest.CollectBeforeOutputs), since the pause stops every thread of a server.
                if (collectBetweenPartitions)
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                step.Report(p + 1);
            }
        }
        done("逐个分区比对");

        var allFunds = settings.HasAid ? Bidui.Matching.Supervision.FundsTally.Merge(funds) : null;
        rejects.Sort((a, b) => ComparisonResult.RejectOrder(a).CompareTo(ComparisonResult.RejectOrder(b)) is var c and not 0 ? c : a.Row.CompareTo(b.Row));
        var tally = merger.WriteAll(staging, computed!, c => _layouts.For(c), settings.ReferenceDate, deadline, inputs,
            [.. supervision.Notes, .. ComparisonResult.SumNotes(notes).Select(n => n.ToString())], rejects, progress, allFunds)
            with
        { Funds = allFunds, KeyCounties = supervision.KeyCounties, Bases = CountyBases.Merge(bases), Scorecard = scorecard };
        SummaryOutputs.WriteAll(staging, tally, regions, progress);
        done("合并清单并写出结果文件");
        return tally;
    }

    private ComparisonResult ComparePartition(int p, RowFeed povertyFeed, RowFeed? aidFeed, RowFeed studentFeed, List<RowFeed> registerFeeds,
        List<(string Name, string Code, string County)> schools, CompareJob.Sources sources)
    {
        var engine = new ComparisonEngine(settings, regions);
        Feed(InputSplitter.PathOf(folder, Dataset.Poverty, p), sources.Poverty, povertyFeed, engine);
        foreach (var (name, code, county) in schools)
            engine.AddKnownSchool(name, code, county);
        // As in memory: the aid rows (then the other registers) are fed on a thread of their own while the
        // registry's are (the engine allows exactly these two feeders at once), so decoding and comparing use both cores.
        var aidFed = Task.Run(() =>
        {
            if (aidFeed is not null)
                Feed(InputSplitter.PathOf(folder, Dataset.Aid, p), sources.Aid!, aidFeed, engine);
            for (int i = 0; i < registerFeeds.Count; i++)
                Feed(InputSplitter.PathOf(folder, Dataset.Register, p, i), sources.Registers[i], registerFeeds[i], engine);
        });
        try
        {
            Feed(InputSplitter.PathOf(folder, Dataset.Students, p), sources.Students, studentFeed, engine);
        }
        catch
        {
            try { aidFed.Wait(); } catch (AggregateException) { } // its files close before the error leaves
            throw;
        }
        aidFed.GetAwaiter().GetResult();
        // The partition's files are read: free their disk space now, not at the end of the run.
        foreach (var d in new[] { Dataset.Poverty, Dataset.Aid, Dataset.Students })
            File.Delete(InputSplitter.PathOf(folder, d, p));
        for (int i = 0; i < registerFeeds.Count; i++)
            File.Delete(InputSplitter.PathOf(folder, Dataset.Register, p, i));
        return engine.Finish();
    }

    private static void Feed(string path, BoundTable source, RowFeed feed, ComparisonEngine engine)
    {
        using var rows = new PartitionReader(path, source.Reader.FilePath, feed.Ordinals);
        while (rows.Read())
            feed.Add(rows, engine);
    }
}
