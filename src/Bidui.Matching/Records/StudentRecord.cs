using Bidui.Core.Schooling;

namespace Bidui.Matching.Records;

/// <summary>A student row as a result list shows it.</summary>
public sealed class StudentRecord : SourceRecord
{
    public required School School { get; init; }
    public SchoolStage Stage { get; init; }
    /// <summary>学段 as given (or derived from 年级), kept for stages outside the five.</summary>
    public string StageText { get; init; } = string.Empty;
    public string Grade { get; init; } = string.Empty;
    public string StatusText { get; init; } = string.Empty;
    public bool Enrolled { get; init; }
}

/// <summary>
/// What many students share: school, stage, grade and status. Interned, so that an enrolment entry
/// carries one reference instead of five.
/// </summary>
public sealed record StudentProfile(School School, SchoolStage Stage, string StageText, string Grade, string StatusText);

/// <summary>
/// The compact form of an enrolled, keyed student row kept for the whole run (ten million at
/// province scale): a 32-byte struct in a chunked list, its name in the engine's name arena, so
/// that the row owns no object of its own.
/// </summary>
public struct StudentEntry
{
    public long Key;
    public int Row;
    public Support.NameRef Name;
    public StudentProfile Profile;

    public readonly StudentRecord ToRecord(string name, string? idGiven) => new()
    {
        Row = Row,
        Key = Key,
        Name = name,
        IdGiven = idGiven,
        School = Profile.School,
        Stage = Profile.Stage,
        StageText = Profile.StageText,
        Grade = Profile.Grade,
        StatusText = Profile.StatusText,
        Enrolled = true,
    };
}
