using Bidui.Core.Identity;
using Bidui.Core.Schooling;

namespace Bidui.Matching.Records;

/// <summary>A student row as a result list shows it.</summary>
public sealed class StudentRecord
{
    public required int Row { get; init; }
    public long Key { get; init; }
    public required string Name { get; init; }
    /// <summary>The ID text as given, kept only when it cannot be rebuilt from <see cref="Key"/> (no key, or another document type).</summary>
    public string? IdGiven { get; init; }
    /// <summary>The ID as lists show it: a resident key is formatted on demand, so millions of rows keep no ID strings.</summary>
    public string IdText => IdGiven ?? Bidui.Core.Identity.ResidentId.Format(Key);
    public IdProblem IdProblem { get; init; }
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
/// province scale): a 32-byte struct in a chunked list; only the name is the row's own string.
/// </summary>
public struct StudentEntry
{
    public long Key;
    public int Row;
    public string Name;
    public StudentProfile Profile;

    public readonly StudentRecord ToRecord(string? idGiven) => new()
    {
        Row = Row,
        Key = Key,
        Name = Name,
        IdGiven = idGiven,
        School = Profile.School,
        Stage = Profile.Stage,
        StageText = Profile.StageText,
        Grade = Profile.Grade,
        StatusText = Profile.StatusText,
        Enrolled = true,
    };
}
