using System.Diagnostics;
using Bidui.Core.Dates;
using Bidui.Core.Regions;
using Bidui.Inputs;
using Bidui.Matching.Categories;
using Bidui.Matching.Engine;

namespace Bidui.Pipeline;

/// <summary>What a finished comparison reports back to its caller.</summary>
public sealed record CompareOutcome(string OutputDirectory, DateOnly ReferenceDate, IReadOnlyList<InputAccount> Inputs,
    IReadOnlyDictionary<Category, int> Counts, IReadOnlyList<string> Notes, TimeSpan Elapsed, IReadOnlyList<StepTime> Steps)
{
    /// <summary>The probabilistic tier's model (estimated or given); null with --exact-only.</summary>
    public Bidui.Matching.Probabilistic.LinkageModel? Model { get; init; }
    /// <summary>How many key partitions the run used (1: in memory).</summary>
    public int Partitions { get; init; } = 1;
    /// <summary>The money of the aid rows (SPEC §4.6); null without an aid file.</summary>
    public Bidui.Matching.Supervision.FundsTally? Funds { get; init; }
}

/// <summary>How long one step of the job took (shown to the user and used by the benchmark).</summary>
public sealed record StepTime(string Step, TimeSpan Elapsed, long ManagedBytes, long PeakWorkingSetBytes);

/// <summary>
/// The comparison job end to end (read → normalise → match → classify → write), shared by the CLI,
/// the web app and the benchmark. Inputs are opened and their headers checked before any long work,
/// so that a wrong file fails in a second, not after the registry has been read.
/// </summary>
public static class CompareJob
{
    public static CompareOutcome Run(CompareRequest request, IJobProgress? progress = null, RegionTable? regions = null)
    {
        progress ??= NullProgress.Instance;
        regions ??= RegionTable.Default;
        var clock = Stopwatch.StartNew();
        var referenceDate = request.ReferenceDate ?? ReferenceDates.Default(request.Today);
        int partitions = PartitionPlan.For(request);
        if (partitions > 1 && !request.ExactOnly)
            throw new CompareRequestException(
                $"输入数据约需 {PartitionPlan.EstimatedBytes(request) / (1 << 20):N0} MB 内存，超过 --memory-limit 允许的范围，需要分区比对；"
                + "分区比对只做证件号码精确比对（概率匹配需要全部数据同在内存中）。请加 --exact-only，或提高 --memory-limit。");

        var supervision = Supervision.SupervisionInputs.Check(request);
        // The output folder first: a second run into it, or an input a result would replace, stops at once.
        using var staging = new OutputStaging(request.OutputDirectory, request.InputPaths);
        BoundTable? poverty = null, students = null, aid = null;
        // The other registers open on their own thread while the three inputs open and are read: an xlsx
        // register of 600,000 rows takes about 3 s to open (its reader scans the sheet first), which on the
        // main thread delayed the whole run by that much. A register's error still stops the run (see Sources).
        var registers = request.Registers.Count == 0 ? Task.FromResult<IReadOnlyList<BoundTable>>([]) : Task.Run(() => OpenRegisters(request, progress));
        // The three inputs open side by side for the same reason (the small demo's compare, with two xlsx inputs:
        // 0.74-0.78 s -> 0.72-0.76 s). Each finishes before any is used, and the first bad one in the order
        // 乡村振兴, 学籍, 资助 is the error reported, as when they opened in turn.
        Task<BoundTable?>[] opening =
        [
            Task.Run<BoundTable?>(() => BoundTable.Open(request.PovertyPath, DatasetSchema.Poverty, request.PovertySheet ?? request.SheetName)),
            Task.Run<BoundTable?>(() => BoundTable.Open(request.StudentsPath, DatasetSchema.Students, request.StudentsSheet ?? request.SheetName)),
            request.AidPath is null ? Task.FromResult<BoundTable?>(null) : Task.Run<BoundTable?>(() => BoundTable.Open(request.AidPath, DatasetSchema.Aid, request.AidSheet ?? request.SheetName)),
        ];
        try
        {
            using (progress.Start("打开输入文件并检查表头", 1))
            {
                WaitAll(opening);
                poverty = opening[0].GetAwaiter().GetResult();
                students = opening[1].GetAwaiter().GetResult();
                aid = opening[2].GetAwaiter().GetResult();
            }
            var sources = new Sources(poverty!, students!, aid, registers, request.Registers.Select(r => r.Label).ToList());
            return Run(request, referenceDate, sources, supervision with { Regions = regions }, staging, progress, regions, clock, partitions);
        }
        finally
        {
            WaitAll(opening);
            foreach (var task in opening)
            {
                if (task.IsCompletedSuccessfully) task.Result?.Dispose();
            }
            try
            {
                foreach (var r in registers.GetAwaiter().GetResult())
                    r.Dispose();
            }
            catch (Exception) when (registers.IsFaulted)
            {
                // Its error has been thrown already, or another input's error is on its way out (the first one found is reported).
            }
        }
    }

    /// <summary>Until every task has ended, failed or not (each one's error is read from the task itself, in order).</summary>
    private static void WaitAll(Task[] tasks)
    {
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException)
        {
            // Not here: the caller rethrows the first failed input's own exception.
        }
    }

    private static IReadOnlyList<BoundTable> OpenRegisters(CompareRequest request, IJobProgress progress)
    {
        var opened = new List<BoundTable>();
        try
        {
            using var step = progress.Start("打开其他困难群体名单并检查表头", request.Registers.Count);
            foreach (var register in request.Registers)
            {
                opened.Add(BoundTable.Open(register.Path, DatasetSchema.Register(register.Label), request.SheetName));
                step.Report(opened.Count);
            }
            return opened;
        }
        catch
        {
            foreach (var r in opened)
                r.Dispose();
            throw;
        }
    }

    /// <summary>The opened inputs of one run: the three datasets and the other eligibility registers (SPEC §1.4).</summary>
    internal sealed class Sources(BoundTable poverty, BoundTable students, BoundTable? aid, Task<IReadOnlyList<BoundTable>> registers, IReadOnlyList<string> labels)
    {
        public BoundTable Poverty => poverty;
        public BoundTable Students => students;
        public BoundTable? Aid => aid;
        public IReadOnlyList<string> Labels => labels;

        /// <summary>The registers, once opened (waits for their thread; throws the first register's open error as itself).</summary>
        public IReadOnlyList<BoundTable> Registers => registers.GetAwaiter().GetResult();

        /// <summary>Throws a register's open error if it is known by now, so that a bad register stops the run between reads, not at their end.</summary>
        public void ThrowIfRegisterFailed()
        {
            if (registers.IsFaulted) registers.GetAwaiter().GetResult();
        }
    }

    private static CompareOutcome Run(CompareRequest request, DateOnly referenceDate, Sources sources,
        Supervision.SupervisionInputs supervision, OutputStaging staging, IJobProgress progress, RegionTable regions, Stopwatch clock, int partitions)
    {
        var (poverty, students, aid) = (sources.Poverty, sources.Students, sources.Aid);
        var settings = new ComparisonSettings
        {
            ReferenceDate = referenceDate,
            Today = request.Today,
            HasAid = aid is not null,
            CompulsoryAge = request.CompulsoryAge ?? AgeBand.CompulsorySchool,
            AidStages = request.AidStages ?? ComparisonSettings.DefaultStages,
            ExactOnly = request.ExactOnly,
            Model = request.Model,
            Registers = sources.Labels,
            Catalog = supervision.Catalog,
        };
        var steps = new List<StepTime>();
        var lap = Stopwatch.StartNew();
        void Done(string name)
        {
            using var self = Process.GetCurrentProcess();
            steps.Add(new StepTime(name, lap.Elapsed, GC.GetTotalMemory(forceFullCollection: false), self.PeakWorkingSet64));
            lap.Restart();
        }
        if (partitions > 1)
            return RunPartitioned(request, settings, sources, supervision, staging, progress, regions, clock, partitions, steps, Done);

        var (result, inputs) = CompareInOneEngine(settings, regions, sources, progress, steps, Done);
        // The engine is garbage now (the lists hold what they show); collecting it once before the
        // outputs allocate keeps the peak down (10 M: 2.57 GB against 2.74–2.76 GB). Not compacting: moving
        // the lists' 0.8 GB was a 2.2 s pause on one core; sweeping alone gave the same peak. Only a process
        // that runs nothing else may stop every thread for it (the CLI; never the web server).
        if (request.CollectBeforeOutputs)
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);

        new ResultWriter(regions, result, inputs, progress, supervision, request.Deadline, request.Scorecard ?? Bidui.Assessment.Scoring.Scorecard.Default).WriteAll(staging);
        staging.Commit();
        Done("写出结果文件");
        return new CompareOutcome(Path.GetFullPath(request.OutputDirectory), referenceDate, inputs,
            result.Lists.ToDictionary(kv => kv.Key, kv => kv.Value.Count), [.. supervision.Notes, .. result.Notes], clock.Elapsed, steps)
        {
            Model = result.Model, Funds = settings.HasAid ? result.Funds : null,
        };
    }

    private static (ComparisonResult, List<InputAccount>) CompareInOneEngine(ComparisonSettings settings, RegionTable regions,
        Sources sources, IJobProgress progress, List<StepTime> steps, Action<string> done)
    {
        var (poverty, students, aid) = (sources.Poverty, sources.Students, sources.Aid);
        var engine = new ComparisonEngine(settings, regions);
        var inputs = new List<InputAccount>();
        // A CSV registry row takes 250–300 bytes (province exports): err low, one late doubling is cheap.
        // Saves the transient of the last doublings (10 M: peak 2.66 M KB against 2.74 M KB; time unchanged).
        if (students.Reader.FormatName.StartsWith("CSV", StringComparison.OrdinalIgnoreCase))
            engine.ExpectStudents((int)Math.Min(int.MaxValue / 2, new FileInfo(students.Reader.FilePath).Length / 300));

        // Aid is independent of the others until Finish: the aid file is read and fed on its own thread
        // while the register and then the registry stream (the engine allows exactly this).
        // The other registers, like aid, meet the rest only in Finish: they follow the aid file on its thread.
        Task<(List<InputAccount> Accounts, TimeSpan Elapsed)>? aidLoad = null;
        if (aid is not null)
        {
            var aidStep = progress.Start("读取资助发放数据");
            aidLoad = Task.Run(() =>
            {
                var watch = Stopwatch.StartNew();
                List<InputAccount> accounts;
                using (aidStep)
                    accounts = [InputLoader.LoadAid(aid, engine, aidStep)];
                accounts.AddRange(LoadRegisters(sources, engine, progress));
                return (accounts, watch.Elapsed);
            });
        }
        try
        {
            using (var step = progress.Start("读取乡村振兴数据（脱贫人口及防返贫监测对象）"))
                inputs.Add(InputLoader.LoadPoverty(poverty, engine, step));
            done("读取乡村振兴数据");
            sources.ThrowIfRegisterFailed();
            if (aidLoad is null && sources.Labels.Count > 0)
            {
                inputs.AddRange(LoadRegisters(sources, engine, progress));
                done("读取其他困难群体名单");
            }
            using (var step = progress.Start("读取学籍数据并比对"))
                inputs.Insert(0, InputLoader.LoadStudents(students, engine, step));
        }
        catch
        {
            // Let the aid thread finish before the error leaves (its files stay open until then).
            try { aidLoad?.Wait(); } catch (AggregateException) { }
            throw;
        }
        if (aidLoad is not null)
        {
            var (accounts, aidElapsed) = aidLoad.GetAwaiter().GetResult(); // an aid input error surfaces here, as itself
            inputs.AddRange(accounts);
            done("读取学籍数据并比对（资助数据同时读取）");
            steps.Insert(steps.Count - 1, new StepTime(sources.Labels.Count == 0 ? "读取资助数据（与乡村振兴、学籍数据同时）"
                : "读取资助数据和其他困难群体名单（与乡村振兴、学籍数据同时）", aidElapsed, 0, 0));
        }
        else
        {
            done("读取学籍数据并比对");
        }

        ComparisonResult result;
        using (progress.Start("生成比对清单"))
            result = engine.Finish();
        done("生成比对清单");
        return (result, inputs);
    }

    private static List<InputAccount> LoadRegisters(Sources sources, ComparisonEngine engine, IJobProgress progress)
    {
        var accounts = new List<InputAccount>();
        for (int i = 0; i < sources.Labels.Count; i++)
        {
            using var step = progress.Start($"读取其他困难群体名单：{sources.Labels[i]}");
            accounts.Add(InputLoader.LoadRegister(sources.Registers[i], i, sources.Labels[i], engine, step));
        }
        return accounts;
    }

    private static CompareOutcome RunPartitioned(CompareRequest request, ComparisonSettings settings, Sources sources,
        Supervision.SupervisionInputs supervision, OutputStaging staging, IJobProgress progress, RegionTable regions, Stopwatch clock, int partitions,
        List<StepTime> steps,
        Action<string> done)
    {
        // Beside the staging folder (never inside it: everything inside is committed); removed with it, whatever happens.
        string folder = staging.ScratchFolder;
        Directory.CreateDirectory(folder);
        var tally = new Partitioned.PartitionedCompare(settings, regions, partitions, folder, progress, request.Deadline, request.CollectBeforeOutputs)
            .Run(sources, supervision, request.Scorecard ?? Bidui.Assessment.Scoring.Scorecard.Default, staging, done);
        staging.Commit();
        return new CompareOutcome(Path.GetFullPath(request.OutputDirectory), settings.ReferenceDate, tally.Inputs,
            tally.Lists.ToDictionary(l => l.Category, l => checked((int)l.Rows)), tally.Notes, clock.Elapsed, steps)
        {
            Partitions = partitions, Funds = tally.Funds,
        };
    }
}

/// <summary>A comparison that cannot be run as asked (the message, in Chinese, says what to change).</summary>
public sealed class CompareRequestException(string message) : Exception(message);
