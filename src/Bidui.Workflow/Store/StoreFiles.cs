namespace Bidui.Workflow.Store;

/// <summary>Files the workflow keeps under the data folder (inputs, attachments): readable by the service account only.</summary>
public static class StoreFiles
{
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }
}
