using System.Globalization;

namespace Bidui.Bench;

/// <summary>
/// `bidui-bench small [--runs R]`: the fixed cost a county officer feels. `bidui demo` writes the small demo's inputs
/// (3,000 students, xlsx and GB18030 CSV), then `bidui compare` of its three inputs, with the probabilistic tier,
/// runs R times in a child process of its own: wall time from start to exit against the 0.8 s target.
/// </summary>
internal static class SmallRun
{
    public const double TargetSeconds = 0.8;

    public static int Execute(int runs)
    {
        string bidui = BenchRun.BuildCli(BenchRun.RepoRoot());
        string work = Path.Combine(Path.GetTempPath(), "bidui-bench-small-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        string demoDir = Path.Combine(work, "demo"), logs = Path.Combine(work, "logs");
        Directory.CreateDirectory(logs);
        bool failed = true;
        try
        {
            if (ChildRun.Run("demo", bidui, ["demo", "--out", demoDir], Path.Combine(logs, "demo.log")).ExitCode != 0)
            {
                throw new InvalidOperationException($"bidui demo failed (log: {Path.Combine(logs, "demo.log")})");
            }

            string inputs = Path.Combine(demoDir, "inputs"), output = Path.Combine(work, "out");
            var measured = new List<Measurement>();
            for (int run = 1; run <= runs; run++)
            {
                if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
                string log = Path.Combine(logs, $"compare-{run}.log");
                var m = ChildRun.Run("Bidui", bidui, ["compare", "--students", Path.Combine(inputs, "学生学籍信息.xlsx"),
                    "--poverty", Path.Combine(inputs, "脱贫人口及防返贫监测对象.csv"), "--aid", Path.Combine(inputs, "学生资助发放明细.xlsx"), "--out", output], log);
                if (m.ExitCode != 0) throw new InvalidOperationException($"bidui compare failed (log: {log})");
                measured.Add(m);
                Console.WriteLine($"run {run}: wall {m.Wall.TotalSeconds:F2} s, CPU {m.Cpu.TotalSeconds:F2} s, peak RSS {m.PeakRssBytes / 1048576.0:N0} MB");
            }

            failed = false;
            double best = measured.Min(m => m.Wall.TotalSeconds);
            Console.WriteLine($"small compare (3,000 students, {bidui}): best {best:F2} s of {runs}, worst {measured.Max(m => m.Wall.TotalSeconds):F2} s; " +
                $"target ≤ {TargetSeconds} s: {(best <= TargetSeconds ? "met" : "NOT met")}");
            return best <= TargetSeconds ? 0 : 1;
        }
        finally
        {
            // The logs stay when a run failed (the message names them).
            if (!failed) Directory.Delete(work, recursive: true);
        }
    }
}
