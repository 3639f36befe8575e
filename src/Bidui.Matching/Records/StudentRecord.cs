using Bidui.Core.Identity;
using Bidui.Core.Schooling;

namespace Bidui.Matching.Records;

/// <summary>A student row as a result list shows it.</summary>
public sealed class StudentRecord
{
    public required int Row { get; init; }
    public long Key { get; init; }
    public required string Name { get; init; }
    public required string IdText { get; init; }
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
/// The compact form of an enrolled, keyed student row kept for the whole run (ten million at
/// province scale): a struct in a chunked list, strings interned except the name.
/// </summary>
public struct StudentEntry
{
    public long Key;
    public int Row;
    public SchoolStage Stage;
    public string Name;
    public School School;
    public string StageText;
    public string Grade;
    public string StatusText;

    public readonly StudentRecord ToRecord(string idText) => new()
    {
        Row = Row,
        Key = Key,
        Name = Name,
        IdText = idText,
        School = School,
        Stage = Stage,
        StageText = StageText,
        Grade = Grade,
        StatusText = StatusText,
        Enrolled = true,
    };
}
