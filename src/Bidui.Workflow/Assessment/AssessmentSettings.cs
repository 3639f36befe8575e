using Bidui.Assessment.Scoring;
using Bidui.Inputs;
using Bidui.Pipeline.Supervision;
using Bidui.Workflow.Store;

namespace Bidui.Workflow.Assessment;

/// <summary>
/// What the province sets for the web's assessment, kept in the data folder beside the store: the key
/// counties (重点帮扶县, uploaded as the CLI's `--key-counties` file) and the scorecard (scorecard.json, the
/// format of docs/ASSESSMENT.md; without it the documented default).
/// </summary>
public sealed class AssessmentSettings(StoreOptions store)
{
    public const string KeyCountiesFile = "key-counties.txt";
    public const string ScorecardFile = "scorecard.json";

    private string KeyPath => Path.Combine(store.DataDirectory, KeyCountiesFile);

    public string ScorecardPath => Path.Combine(store.DataDirectory, ScorecardFile);

    public IReadOnlySet<int> KeyCounties()
    {
        if (!File.Exists(KeyPath)) return new HashSet<int>();
        return File.ReadAllLines(KeyPath).Where(l => int.TryParse(l, out _)).Select(l => int.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
    }

    /// <summary>
    /// Reads an uploaded key-county list (xlsx, xls or CSV with 县级代码 or 县) and replaces the stored one; the file is
    /// checked whole first, so a bad file changes nothing. Throws <see cref="InputFileException"/> naming the row.
    /// </summary>
    public IReadOnlySet<int> ReplaceKeyCounties(string uploadedPath)
    {
        var counties = KeyCountyFile.Read(uploadedPath);
        Directory.CreateDirectory(store.DataDirectory);
        string temp = KeyPath + ".partial";
        File.WriteAllLines(temp, counties.Order().Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        File.Move(temp, KeyPath, overwrite: true);
        return counties;
    }

    /// <summary>The province's scorecard, or the default; a wrong file throws <see cref="ScorecardException"/> naming the field.</summary>
    public Scorecard Scorecard() =>
        File.Exists(ScorecardPath) ? Bidui.Assessment.Scoring.Scorecard.Parse(File.ReadAllText(ScorecardPath), ScorecardFile) : Bidui.Assessment.Scoring.Scorecard.Default;
}
