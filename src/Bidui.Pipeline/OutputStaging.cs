namespace Bidui.Pipeline;

/// <summary>
/// Results are written into a hidden staging folder beside the output folder and moved into place
/// only when everything is written, summary.json last: a failed run leaves no half-written result
/// that could be taken for a whole one, and never touches files Bidui did not write.
/// </summary>
internal sealed class OutputStaging : IDisposable
{
    private readonly string _target;
    private bool _committed;

    public OutputStaging(string outputDirectory)
    {
        _target = Path.GetFullPath(outputDirectory);
        string parent = Path.GetDirectoryName(_target.TrimEnd(Path.DirectorySeparatorChar)) ?? ".";
        Directory.CreateDirectory(parent);
        Root = Path.Combine(parent, $".{Path.GetFileName(_target.TrimEnd(Path.DirectorySeparatorChar))}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    /// <summary>Where the job writes; moved to the output folder by <see cref="Commit"/>.</summary>
    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Replaces the previous run's files (and only those) with this run's.</summary>
    public void Commit(IEnumerable<string> previousRunFiles)
    {
        Directory.CreateDirectory(_target);
        string summary = Path.Combine(_target, ResultFiles.Summary);
        // Remove the old completion marker first: a crash in between leaves no summary.json that describes a mix.
        if (File.Exists(summary))
            File.Delete(summary);
        foreach (var old in previousRunFiles)
        {
            string path = Path.Combine(_target, old);
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else if (File.Exists(path)) File.Delete(path);
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(Root))
        {
            string name = Path.GetFileName(entry);
            if (name == ResultFiles.Summary)
                continue;
            string dest = Path.Combine(_target, name);
            if (Directory.Exists(entry)) Directory.Move(entry, dest);
            else File.Move(entry, dest, overwrite: true);
        }
        File.Move(Path.Combine(Root, ResultFiles.Summary), summary);
        _committed = true;
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root))
                Directory.Delete(Root, recursive: true);
        }
        catch (IOException) when (!_committed)
        {
            // Best effort: a leftover hidden .partial folder is recognisable and holds no summary.json.
        }
    }
}
