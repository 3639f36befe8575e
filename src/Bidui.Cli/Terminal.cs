using System.Globalization;
using System.Reflection;
using Spectre.Console;

namespace Bidui.Cli;

/// <summary>
/// Where the output goes. A terminal gets Spectre's tables and live progress, as wide as the terminal
/// (or <c>COLUMNS</c>); anything else — a file, a pipe, a scheduled task's log — gets plain lines, one
/// per step and per table row, which neither wrap at 80 columns nor leave stale progress frames.
/// </summary>
internal static class Terminal
{
    /// <summary>Whether standard output is a terminal a person watches.</summary>
    public static bool Interactive { get; private set; } = !Console.IsOutputRedirected;

    /// <summary>The version shown by --version: the product version and, when built from git, its commit.</summary>
    public static string Version { get; } = FormatVersion(
        typeof(Terminal).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");

    internal static string FormatVersion(string informational)
    {
        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? $"bidui {informational}" : $"bidui {informational[..plus]} ({informational[(plus + 1)..][..Math.Min(7, informational.Length - plus - 1)]})";
    }

    public static void Configure()
    {
        Interactive = !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Interactive = Interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out int columns) && columns >= 20)
            console.Profile.Width = columns;
        else if (!Interactive)
            console.Profile.Width = 240; // help text and the odd table in a log: no wrapping at 80
        AnsiConsole.Console = console;
    }
}
