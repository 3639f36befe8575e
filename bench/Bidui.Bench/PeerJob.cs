using System.Text.Json;

namespace Bidui.Bench;

/// <summary>One CSV input as DuckDB must read it: lines above the header to skip, and the header text of each column used.</summary>
internal sealed record PeerInput(string Path, int SkipLines, IReadOnlyDictionary<string, string> Columns)
{
    /// <summary>The column's header as written in the file, for a quoted SQL identifier; null when the file has no such column.</summary>
    public string? Column(string canonical) => Columns.TryGetValue(canonical, out var h) ? h : null;
}

/// <summary>Which DuckDB SQL runs: the plain SQL a data engineer writes first, or the one that validates IDs as SPEC §2.1 does.</summary>
internal enum PeerKind
{
    Plain,
    Validating,
}

/// <summary>What the DuckDB child process is asked to do (written by the parent as JSON).</summary>
internal sealed record PeerJob(PeerInput Students, PeerInput Poverty, PeerInput Aid, string OutDir, DateOnly ReferenceDate, DateOnly Today,
    PeerKind Peer = PeerKind.Plain)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static PeerJob Load(string file) =>
        JsonSerializer.Deserialize<PeerJob>(File.ReadAllText(file), Json) ?? throw new ArgumentException($"{file}: no job");

    public void Save(string file) => File.WriteAllText(file, JsonSerializer.Serialize(this, Json));
}
