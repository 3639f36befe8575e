using System.Text.Json;

namespace Bidui.Workflow.Rounds;

/// <summary>
/// Where a round's uploaded inputs live: rounds/&lt;id&gt;/inputs/&lt;kind&gt;&lt;ext&gt;; the other eligibility
/// registers (SPEC §1.4) under inputs/registers/&lt;n&gt;&lt;ext&gt; with their labels in inputs/registers/labels.json.
/// </summary>
public static class RoundFiles
{
    public const string Students = "students";
    public const string Poverty = "poverty";
    public const string Aid = "aid";
    /// <summary>SPEC §1.5 the aid project catalogue.</summary>
    public const string AidProjects = "aid-projects";
    /// <summary>SPEC §4.6 the key counties (重点帮扶县).</summary>
    public const string KeyCounties = "key-counties";

    private const string RegistersFolder = "registers";
    private const string LabelsFile = "labels.json";

    public static string? Find(string inputsDirectory, string kind) =>
        Directory.Exists(inputsDirectory) ? Directory.EnumerateFiles(inputsDirectory, kind + ".*").FirstOrDefault() : null;

    /// <summary>Only the extension of the user's name is kept (the readers judge the content, not the name).</summary>
    public static string StoredName(string kind, string uploadedName)
    {
        string ext = Path.GetExtension(Path.GetFileName(uploadedName)).ToLowerInvariant();
        return kind + (ext is ".csv" or ".xlsx" or ".xls" or ".txt" ? ext : ".dat");
    }

    /// <summary>The registers uploaded for a round, in upload order: label, stored path and the user's file name.</summary>
    public static IReadOnlyList<StoredRegister> Registers(string inputsDirectory)
    {
        string labels = Path.Combine(inputsDirectory, RegistersFolder, LabelsFile);
        if (!File.Exists(labels)) return [];
        var entries = JsonSerializer.Deserialize<List<StoredRegister>>(File.ReadAllText(labels)) ?? [];
        return [.. entries.Select(e => e with { Path = Path.Combine(inputsDirectory, RegistersFolder, e.Path) })];
    }

    /// <summary>Stores one register under its label, replacing an earlier file of the same label.</summary>
    public static async Task SaveRegisterAsync(string inputsDirectory, string label, string uploadedName, Stream content, CancellationToken ct)
    {
        string folder = Path.Combine(inputsDirectory, RegistersFolder);
        Directory.CreateDirectory(folder);
        var entries = Registers(inputsDirectory).Select(e => e with { Path = Path.GetFileName(e.Path) }).ToList();
        int at = entries.FindIndex(e => e.Label == label);
        string stored = at >= 0 ? Path.GetFileNameWithoutExtension(entries[at].Path) : NextNumber(entries);
        foreach (var old in Directory.EnumerateFiles(folder, stored + ".*")) File.Delete(old);
        string name = StoredName(stored, uploadedName);
        await using (var file = Store.StoreFiles.Create(Path.Combine(folder, name)))
            await content.CopyToAsync(file, ct);
        var entry = new StoredRegister(label, name, Path.GetFileName(uploadedName));
        if (at >= 0) entries[at] = entry; else entries.Add(entry);
        await using (var labels = Store.StoreFiles.Create(Path.Combine(folder, LabelsFile)))
            await JsonSerializer.SerializeAsync(labels, entries, cancellationToken: ct);
    }

    private static string NextNumber(List<StoredRegister> entries) =>
        (entries.Select(e => int.TryParse(Path.GetFileNameWithoutExtension(e.Path), out int n) ? n : 0).DefaultIfEmpty(0).Max() + 1)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An uploaded eligibility register: its label (e.g. 低保), where it is stored, and the name the user gave it.</summary>
public sealed record StoredRegister(string Label, string Path, string FileName);
