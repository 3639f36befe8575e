namespace Bidui.Workflow.Rounds;

/// <summary>Where a round's uploaded inputs live: rounds/&lt;id&gt;/inputs/&lt;kind&gt;&lt;ext&gt;.</summary>
public static class RoundFiles
{
    public const string Students = "students";
    public const string Poverty = "poverty";
    public const string Aid = "aid";

    public static string? Find(string inputsDirectory, string kind) =>
        Directory.Exists(inputsDirectory) ? Directory.EnumerateFiles(inputsDirectory, kind + ".*").FirstOrDefault() : null;

    /// <summary>Only the extension of the user's name is kept (the readers judge the content, not the name).</summary>
    public static string StoredName(string kind, string uploadedName)
    {
        string ext = Path.GetExtension(Path.GetFileName(uploadedName)).ToLowerInvariant();
        return kind + (ext is ".csv" or ".xlsx" or ".xls" or ".txt" ? ext : ".dat");
    }
}
