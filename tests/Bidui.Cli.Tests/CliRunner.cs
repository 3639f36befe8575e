using System.Diagnostics;

namespace Bidui.Cli.Tests;

/// <summary>Runs the real `bidui` program (the built bidui.dll) as a user would, capturing its exit status and messages.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string StdOut, string StdErr);

    public static Run Invoke(params string[] args) => Invoke(new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables (e.g. COLUMNS, a GC heap limit).</summary>
    public static Run Invoke(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var p = Start(args, environment, redirect: true);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("bidui did not finish in 3 minutes");
        }
        return new Run(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts `bidui` without waiting (its output discarded), for tests that stop it midway.</summary>
    public static Process Start(string[] args, IReadOnlyDictionary<string, string>? environment = null, bool redirect = false)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bidui.dll"));
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            psi.Environment[name] = value;
        var p = Process.Start(psi)!;
        if (!redirect)
        {
            p.OutputDataReceived += (_, _) => { };
            p.ErrorDataReceived += (_, _) => { };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
        }
        return p;
    }
}

/// <summary>A temporary folder removed after the test.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("bidui-test-").FullName;
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
