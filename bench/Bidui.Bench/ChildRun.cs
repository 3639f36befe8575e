using System.Diagnostics;
using System.Globalization;

namespace Bidui.Bench;

/// <summary>What one contender's process cost, from GNU time (`/usr/bin/time -v`), which sees the whole child.</summary>
internal sealed record Measurement(string Contender, TimeSpan Wall, TimeSpan User, TimeSpan System, long PeakRssBytes, int ExitCode)
{
    public TimeSpan Cpu => User + System;
}

/// <summary>Runs a contender in a child process of its own so that time and memory are its alone.</summary>
internal static class ChildRun
{
    private const string GnuTime = "/usr/bin/time";

    public static Measurement Run(string contender, string program, IEnumerable<string> arguments, string logFile)
    {
        if (!File.Exists(GnuTime))
        {
            throw new InvalidOperationException("needs GNU time at /usr/bin/time (apt-get install time)");
        }

        string timeFile = logFile + ".time";
        var start = new ProcessStartInfo(GnuTime) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-v", "-o", timeFile, program, .. arguments])
        {
            start.ArgumentList.Add(a);
        }

        // Plain output (no colours or live progress) so that the log reads well and the console costs nothing.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        start.Environment["TERM"] = "dumb";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        using var log = new StreamWriter(logFile);
        var stderr = process.StandardError.ReadToEndAsync();
        log.Write(process.StandardOutput.ReadToEnd());
        log.Write(stderr.Result);
        process.WaitForExit();
        var wall = clock.Elapsed;
        return Parse(contender, wall, File.ReadAllLines(timeFile), process.ExitCode);
    }

    /// <summary>Reads GNU time's verbose report (user, system seconds; maximum resident set size in KB).</summary>
    internal static Measurement Parse(string contender, TimeSpan wall, IEnumerable<string> report, int exitCode)
    {
        double user = 0, system = 0;
        long rssKb = 0;
        foreach (var raw in report)
        {
            string line = raw.Trim();
            string value = line[(line.LastIndexOf(':') + 1)..].Trim();
            if (line.StartsWith("User time", StringComparison.Ordinal))
            {
                user = double.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("System time", StringComparison.Ordinal))
            {
                system = double.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("Maximum resident set size", StringComparison.Ordinal))
            {
                rssKb = long.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return new Measurement(contender, wall, TimeSpan.FromSeconds(user), TimeSpan.FromSeconds(system), rssKb * 1024, exitCode);
    }
}
