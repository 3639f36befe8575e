namespace Bidui.Synthetic;

/// <summary>How big a demo world to generate.</summary>
/// <remarks>
/// Small ≈ 3,000 students / 1,200 poverty rows / 900 aid rows; County ≈ 120,000 / 25,000 / 36,000;
/// Province = 10,000,000 / 2,000,000 / 3,000,000.
/// </remarks>
public enum DemoSize
{
    /// <summary>≈ 3,000 students, 1,200 poverty rows, 900 aid rows.</summary>
    Small,

    /// <summary>≈ 120,000 students, 25,000 poverty rows, 36,000 aid rows.</summary>
    County,

    /// <summary>10,000,000 students, 2,000,000 poverty rows, 3,000,000 aid rows.</summary>
    Province,
}

/// <summary>File format of a generated input.</summary>
public enum DemoFileFormat
{
    /// <summary>Comma-separated text.</summary>
    Csv,

    /// <summary>Office Open XML workbook.</summary>
    Xlsx,
}

/// <summary>What to generate.</summary>
/// <param name="Size">Row-count class.</param>
/// <param name="Seed">Random seed: the same seed gives byte-identical files.</param>
/// <param name="ReferenceDate">The reference date for ages (SPEC 3) used by the truth.</param>
/// <param name="Today">The day of the run: no valid birth date lies after it.</param>
public sealed record DemoOptions(DemoSize Size, int Seed, DateOnly ReferenceDate, DateOnly Today)
{
    /// <summary>Format of the student file; default xlsx for Small, CSV otherwise (xlsx cannot hold 10 M rows).</summary>
    public DemoFileFormat StudentsFormat { get; init; } = Size == DemoSize.Small ? DemoFileFormat.Xlsx : DemoFileFormat.Csv;

    /// <summary>Format of the aid file; default xlsx for Small and County, CSV otherwise.</summary>
    public DemoFileFormat AidFormat { get; init; } = Size == DemoSize.Province ? DemoFileFormat.Csv : DemoFileFormat.Xlsx;

    /// <summary>Multiplies the row counts (benchmarks use it).</summary>
    public double Scale { get; init; } = 1.0;
}

/// <summary>Where the generated inputs and the expected results were written.</summary>
public sealed record DemoFiles(string StudentsPath, string PovertyPath, string AidPath, string TruthDirectory)
{
    /// <summary>The other eligibility registers (SPEC 1.4): label and file, in the order to give them (低保 is a workbook).</summary>
    public IReadOnlyList<(string Label, string Path)> Registers { get; init; } = [];

    /// <summary>The aid project catalogue (SPEC 1.5); its amounts are an example.</summary>
    public string AidProjectsPath { get; init; } = "";

    /// <summary>The key counties (重点帮扶县, SPEC 4.6).</summary>
    public string KeyCountiesPath { get; init; } = "";
}

