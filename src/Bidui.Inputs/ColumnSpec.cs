namespace Bidui.Inputs;

/// <summary>A dataset column: its canonical name (SPEC 1) and the other header texts accepted for it.</summary>
public sealed record ColumnSpec(string Canonical, IReadOnlyList<string> Aliases);
