using System.Globalization;

namespace Bidui.Bench;

/// <summary>
/// `bidui-bench`: Bidui `compare` against DuckDB's exact-ID SQL on the same CSV files, each in its own
/// child process so that wall time, CPU time and peak memory belong to one contender only.
/// `bidui-bench duckdb JOB.json` is the DuckDB child (the parent starts it; not meant to be run by hand).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            if (args is ["duckdb", var jobFile])
            {
                DuckDbPeer.Run(PeerJob.Load(jobFile));
                return 0;
            }

            if (args is ["sql", var job, var query])
            {
                // For writing and explaining the peer's SQL: its macros, then one query, rows printed.
                DuckDbPeer.Query(PeerJob.Load(job), query);
                return 0;
            }

            if (args is ["inproc", var students, var poverty, var aid, var output])
            {
                InProcessRun.Run(students, poverty, aid, output);
                return 0;
            }

            if (args is ["small", .. var rest])
            {
                int runs = 5;
                if (rest.Length > 0 && !(rest is ["--runs", var r] && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out runs) && runs > 0))
                {
                    throw new ArgumentException("usage: bidui-bench small [--runs R] (R ≥ 1)");
                }

                return SmallRun.Execute(runs);
            }

            if (args is ["check", var dir])
            {
                // The list check alone, on the outputs a --keep run left (say, of contenders run one at a time).
                bool same = true;
                var saved = PeerJob.Load(Path.Combine(dir, "duckdb-job.json"));
                bool plain = saved.Peer == PeerKind.Plain;
                var readDifferently = plain ? ListCheck.ReadDifferently(IdColumn.Of(saved.Students.Path, saved.Poverty.Path, saved.Aid.Path)) : null;
                foreach (var list in ListCheck.Lists)
                {
                    var d = ListCheck.Compare(list, Path.Combine(dir, "out-bidui"), Path.Combine(dir, "out-duckdb"), plain, readDifferently);
                    Console.WriteLine(ResultTable.Format(d));
                    same &= d.Same;
                }

                return same ? 0 : 3;
            }

            var options = BenchOptions.Parse(args);
            if (options is null)
            {
                Console.WriteLine(BenchOptions.Usage);
                return 0;
            }

            return BenchRun.Execute(options);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }
    }
}
