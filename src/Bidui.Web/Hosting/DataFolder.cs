namespace Bidui.Web.Hosting;

/// <summary>
/// The data folder holds children's records (the SQLite store, uploaded registers, attachments, the
/// cookie keys): only the service account may read it. The folder itself is made 0700, which keeps
/// every other account out of everything below it; the store's files are 0600 as well, so a copy or
/// a changed folder mode does not open them.
/// </summary>
public static class DataFolder
{
    public const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Create(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (OperatingSystem.IsWindows())
        {
            // ACLs: the folder inherits the service account's profile rights; documented in docs/WORKFLOW.md.
            Directory.CreateDirectory(directory);
            return;
        }
        Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        File.SetUnixFileMode(directory, OwnerOnlyDirectory);
    }

    /// <summary>The SQLite database and its WAL files, once they exist.</summary>
    public static void RestrictStoreFiles(string directory)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(directory)) return;
        foreach (var file in Directory.EnumerateFiles(directory, "bidui.db*"))
            File.SetUnixFileMode(file, OwnerOnlyFile);
    }
}
