using System.Text;
using System.Text.Json;

namespace Bidui.Synthetic.Tests.Support;

/// <summary>The small demo at seed 1, generated once for the tests that read it back.</summary>
public sealed class SmallDemo : IDisposable
{
    public static readonly DateOnly Reference = new(2026, 8, 31);
    public static readonly DateOnly Today = new(2026, 11, 29);

    public SmallDemo()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Directory = Path.Combine(Path.GetTempPath(), "bidui-synthetic-tests-" + Guid.NewGuid().ToString("N"));
        Files = DemoGenerator.Generate(Directory, new DemoOptions(DemoSize.Small, 1, Reference, Today));
        Students = SourceTable.ReadXlsx(Files.StudentsPath);
        Poverty = SourceTable.ReadCsv(Files.PovertyPath, Encoding.GetEncoding("GB18030"));
        Aid = SourceTable.ReadXlsx(Files.AidPath);
        Inputs = JsonDocument.Parse(File.ReadAllText(Path.Combine(Files.TruthDirectory, "inputs.json")));
    }

    public string Directory { get; }

    public DemoFiles Files { get; }

    public SourceTable Students { get; }

    public SourceTable Poverty { get; }

    public SourceTable Aid { get; }

    public JsonDocument Inputs { get; }

    /// <summary>The lists of SPEC 4 and rejects.csv: every code the truth holds.</summary>
    public static readonly string[] Codes =
    [
        "matched", "aid_missing", "dropout_suspect", "status_mismatch", "identity_conflict", "field_conflict", "invalid_id",
        "duplicate_enrollment", "duplicate_poverty", "aid_duplicate", "aid_ineligible", "aid_stage_mismatch", "aid_amount_anomaly",
        "aid_not_enrolled", "rejects",
    ];

    /// <summary>A truth file: header and rows (split on commas; no truth cell holds one).</summary>
    public (string[] Header, List<string[]> Rows) Truth(string code)
    {
        var lines = File.ReadAllLines(Path.Combine(Files.TruthDirectory, code + ".csv"), Encoding.UTF8);
        return (lines[0].Split(','), [.. lines.Skip(1).Select(l => l.Split(','))]);
    }

    public HashSet<string> TruthSet(string code) => [.. Truth(code).Rows.Select(r => string.Join(",", r))];

    public void Dispose()
    {
        Inputs.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SmallDemoCollection : ICollectionFixture<SmallDemo>
{
    public const string Name = "small demo";
}
