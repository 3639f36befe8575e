namespace Bidui.Pipeline;

/// <summary>What `bidui compare` is asked to do.</summary>
public sealed record CompareRequest(string StudentsPath, string PovertyPath, string? AidPath, string OutputDirectory)
{
    /// <summary>SPEC §3; null takes Aug 31 of the year the current school year began.</summary>
    public DateOnly? ReferenceDate { get; init; }
    /// <summary>The sheet to read in xlsx/xls inputs without a sheet of their own; the first (visible) sheet when null.</summary>
    public string? SheetName { get; init; }

    /// <summary>The sheet to read in the registry workbook (`--students-sheet`); <see cref="SheetName"/> when null.</summary>
    public string? StudentsSheet { get; init; }

    /// <summary>The sheet to read in the register workbook (`--poverty-sheet`); <see cref="SheetName"/> when null.</summary>
    public string? PovertySheet { get; init; }

    /// <summary>The sheet to read in the aid workbook (`--aid-sheet`); <see cref="SheetName"/> when null.</summary>
    public string? AidSheet { get; init; }
    /// <summary>Compulsory school age (SPEC §3); 6–15 when null.</summary>
    public Bidui.Core.Dates.AgeBand? CompulsoryAge { get; init; }
    /// <summary>Stages whose students should receive aid (SPEC §4); the five registry stages when null.</summary>
    public IReadOnlySet<Bidui.Core.Schooling.SchoolStage>? AidStages { get; init; }
    /// <summary>SPEC §4.3 `--exact-only`: no probabilistic tier.</summary>
    public bool ExactOnly { get; init; }
    /// <summary>A linkage model saved by `bidui model`; null estimates it from the inputs.</summary>
    public Bidui.Matching.Probabilistic.LinkageModel? Model { get; init; }
    /// <summary>
    /// `--memory-limit`: the memory the run may use, in bytes. When the inputs would not fit, the run is
    /// partitioned by key to disk (<see cref="PartitionPlan"/>); null compares in memory.
    /// </summary>
    public long? MemoryLimitBytes { get; init; }
    /// <summary>Forces the number of partitions (tests, benchmarks); null lets <see cref="MemoryLimitBytes"/> decide.</summary>
    public int? Partitions { get; init; }
    /// <summary>
    /// Collect the engine's garbage, stopping every thread, before the outputs are written (and between the
    /// partitions of a partitioned run): lowers the peak by about 0.2 GB at 10 M students. For a process that
    /// runs nothing else (the CLI, the benchmark); a server leaves it off, since the pause would stop every request.
    /// </summary>
    public bool CollectBeforeOutputs { get; init; }
    /// <summary>`--scorecard`: how the county indicators are scored in the workbook and report; null takes the documented default.</summary>
    public Bidui.Assessment.Scoring.Scorecard? Scorecard { get; init; }
    /// <summary>SPEC §1.4 `--register 标签=文件`: the other eligibility registers, in the order given.</summary>
    public IReadOnlyList<Supervision.RegisterInput> Registers { get; init; } = [];
    /// <summary>SPEC §1.5 `--aid-projects`: the province's aid project catalogue; null: every project 困难, any stage, no amount check.</summary>
    public string? AidProjectsPath { get; init; }
    /// <summary>SPEC §4.6 `--key-counties`: the province's key counties (重点帮扶县), compared with the rest.</summary>
    public string? KeyCountiesPath { get; init; }
    /// <summary>By when the lists are to be answered (`--deadline`), shown in the workbooks' 说明; null: as the notice says.</summary>
    public DateOnly? Deadline { get; init; }
    /// <summary>Every input file of the run (an input inside the output folder must not be replaced by a result).</summary>
    public IEnumerable<string> InputPaths =>
        new[] { StudentsPath, PovertyPath, AidPath, AidProjectsPath, KeyCountiesPath }.Concat(Registers.Select(r => r.Path)).OfType<string>();
    /// <summary>The day of the run (tests pin it).</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.Now);
}
