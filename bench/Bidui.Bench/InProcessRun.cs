using System.Globalization;
using Bidui.Pipeline;

namespace Bidui.Bench;

/// <summary>
/// `bidui-bench inproc STUDENTS POVERTY AID OUT`: the compare job in this process, with the time of each step
/// and what the garbage collector cost (pause time, collections per generation) — for profiling, not for the table.
/// </summary>
internal static class InProcessRun
{
    public static void Run(string students, string poverty, string aid, string output)
    {
        var request = new CompareRequest(students, poverty, aid, output) { ReferenceDate = new DateOnly(2026, 8, 31), ExactOnly = true, CollectBeforeOutputs = true };
        var outcome = CompareJob.Run(request);
        foreach (var step in outcome.Steps)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{step.Step}: {step.Elapsed.TotalSeconds:F1} s, heap {step.ManagedBytes >> 20} MB, peak {step.PeakWorkingSetBytes >> 20} MB"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total {outcome.Elapsed.TotalSeconds:F1} s; GC pauses {GC.GetTotalPauseDuration().TotalSeconds:F1} s; collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; CPU {Environment.CpuUsage.TotalTime.TotalSeconds:F1} s; allocated {GC.GetTotalAllocatedBytes() >> 20:N0} MB"));
    }
}
