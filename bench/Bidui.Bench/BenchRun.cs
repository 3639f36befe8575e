using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Bidui.Inputs;

namespace Bidui.Bench;

/// <summary>Prepares the inputs, runs both contenders (each in its own process), prints the table and checks the lists agree.</summary>
internal static class BenchRun
{
    public static int Execute(BenchOptions o)
    {
        string root = RepoRoot();
        Directory.CreateDirectory(o.WorkDir);
        var inputs = BenchInputs.Prepare(o);
        string bidui = BuildCli(root);

        var job = inputs.Job(Path.Combine(o.WorkDir, "out-duckdb"), o.ReferenceDate, o.Peer);
        string jobFile = Path.Combine(o.WorkDir, "duckdb-job.json");
        job.Save(jobFile);
        long rows = inputs.Rows - (job.Students.SkipLines + job.Poverty.SkipLines + job.Aid.SkipLines + 3);
        string biduiOut = Path.Combine(o.WorkDir, "out-bidui");

        Console.WriteLine($"inputs: {inputs.Students}, {inputs.Poverty}, {inputs.Aid} ({rows:N0} data lines); {Environment.ProcessorCount} cores; peer: {o.Peer.ToString().ToLowerInvariant()} DuckDB SQL");
        var runs = new List<Measurement>();
        for (int run = 1; run <= o.Runs; run++)
        {
            if (o.Only is null or "bidui")
            {
                Clear(biduiOut);
                runs.Add(Report(ChildRun.Run("Bidui", bidui, ["compare", "--students", inputs.Students, "--poverty", inputs.Poverty,
                    "--aid", inputs.Aid, "--out", biduiOut, "--reference-date", o.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    "--exact-only", .. (o.MemoryLimit is null ? Array.Empty<string>() : ["--memory-limit", o.MemoryLimit])],
                    Path.Combine(o.WorkDir, $"bidui-{run}.log")), rows));
            }

            if (o.Only is null or "duckdb")
            {
                Clear(job.OutDir);
                var (program, prefix) = Self();
                runs.Add(Report(ChildRun.Run("DuckDB", program, [.. prefix, "duckdb", jobFile], Path.Combine(o.WorkDir, $"duckdb-{run}.log")), rows));
            }
        }

        int status = runs.Any(r => r.ExitCode != 0) ? 1 : 0;
        Console.WriteLine();
        Console.Write(ResultTable.Format(runs, rows));
        if (o.Only is null && status == 0)
        {
            Console.WriteLine();
            bool plain = o.Peer == PeerKind.Plain;
            var readDifferently = plain ? ListCheck.ReadDifferently(inputs.IdColumns) : null;
            if (plain)
            {
                Console.WriteLine($"plain peer: lists compared on valid numbers written alike for both ({readDifferently!.Count:N0} numbers are written in a form only Bidui reads)");
            }

            foreach (var list in ListCheck.Lists)
            {
                var d = ListCheck.Compare(list, biduiOut, job.OutDir, plain, readDifferently);
                Console.WriteLine(ResultTable.Format(d));
                if (!d.Same)
                {
                    status = 3;
                }
            }
        }

        if (!o.Keep)
        {
            Directory.Delete(o.WorkDir, recursive: true);
        }
        else
        {
            Console.WriteLine($"kept: {o.WorkDir} (logs bidui-N.log, duckdb-N.log; outputs out-bidui, out-duckdb)");
        }

        return status;
    }

    private static Measurement Report(Measurement m, long rows)
    {
        Console.WriteLine(ResultTable.Line(m, rows));
        return m;
    }

    private static void Clear(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>How to start this program again (apphost, or dotnet with the dll).</summary>
    private static (string Program, string[] Prefix) Self()
    {
        string process = Environment.ProcessPath ?? "dotnet";
        string dll = typeof(BenchRun).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? (process, [dll]) : (process, []);
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bidui.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmark from the repository (Bidui.sln not found above it)");
    }

    /// <summary>
    /// The `bidui` an office runs: the release profile's single file for this machine (self-contained, ReadyToRun),
    /// published now so that the run measures the current code. The JIT build that `dotnet run` uses starts slower.
    /// </summary>
    internal static string BuildCli(string root)
    {
        string rid = RuntimeInformation.RuntimeIdentifier;
        if (!File.Exists(Path.Combine(root, "src/Bidui.Cli/Properties/PublishProfiles", rid + ".pubxml")))
        {
            throw new InvalidOperationException($"no release profile for this machine ({rid}) in src/Bidui.Cli/Properties/PublishProfiles");
        }

        string dir = Path.Combine(root, "artifacts/bench-cli", rid);
        var publish = Process.Start("dotnet", ["publish", Path.Combine(root, "src/Bidui.Cli"), "-p:PublishProfile=" + rid, "-p:PublishDir=" + dir + "/", "-v", "q", "-nologo"])
            ?? throw new InvalidOperationException("could not start dotnet publish");
        publish.WaitForExit();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException("publishing src/Bidui.Cli failed");
        }

        return Path.Combine(dir, OperatingSystem.IsWindows() ? "bidui.exe" : "bidui");
    }
}
