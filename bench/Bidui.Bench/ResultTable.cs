using System.Globalization;
using System.Text;

namespace Bidui.Bench;

/// <summary>The printed results: one line per run as it ends, then a table with the ratio, then the list check.</summary>
internal static class ResultTable
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Line(Measurement m, long rows) => string.Create(C,
        $"{m.Contender}: wall {m.Wall.TotalSeconds:F1} s, CPU {m.Cpu.TotalSeconds:F1} s, peak RSS {Mb(m.PeakRssBytes)} MB, {rows / m.Wall.TotalSeconds:N0} rows/s{(m.ExitCode == 0 ? "" : $", EXIT {m.ExitCode}")}");

    public static string Format(IReadOnlyList<Measurement> runs, long rows)
    {
        var s = new StringBuilder();
        s.AppendLine("| contender | run | wall s | CPU s | peak RSS MB | rows/s |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var group in runs.GroupBy(r => r.Contender))
        {
            int i = 0;
            foreach (var m in group)
            {
                s.AppendLine(C, $"| {m.Contender} | {++i} | {m.Wall.TotalSeconds:F1} | {m.Cpu.TotalSeconds:F1} | {Mb(m.PeakRssBytes):N0} | {rows / m.Wall.TotalSeconds:N0} |");
            }
        }

        var best = runs.Where(r => r.ExitCode == 0).GroupBy(r => r.Contender).ToDictionary(g => g.Key, g => g.MinBy(r => r.Wall)!);
        if (best.TryGetValue("Bidui", out var b) && best.TryGetValue("DuckDB", out var d))
        {
            s.AppendLine(C, $"Bidui / DuckDB (best runs): wall {b.Wall / d.Wall:F2}, CPU {b.Cpu / d.Cpu:F2}, peak RSS {(double)b.PeakRssBytes / d.PeakRssBytes:F2}");
        }

        return s.ToString();
    }

    public static string Format(ListDifference d)
    {
        var s = new StringBuilder();
        s.Append(C, $"{d.List}: Bidui {d.Bidui:N0}, DuckDB {d.DuckDb:N0} — ");
        s.Append(d.Same ? "same keys" : $"DIFFERENT: {d.OnlyBidui.Count:N0} only in Bidui, {d.OnlyDuckDb.Count:N0} only in DuckDB");
        foreach (var (label, keys) in new[] { ("only Bidui", d.OnlyBidui), ("only DuckDB", d.OnlyDuckDb) })
        {
            if (keys.Count > 0)
            {
                s.AppendLine().Append(C, $"  {label}: {string.Join(", ", keys.Take(10))}{(keys.Count > 10 ? ", …" : "")}");
            }
        }

        return s.ToString();
    }

    private static long Mb(long bytes) => bytes / (1024 * 1024);
}
