namespace Bidui.Workflow.Store;

/// <summary>A GB/T 2260 region (province, prefecture or county) that users and cases hang from.</summary>
public sealed class Region
{
    public int Code { get; set; }
    public string Name { get; set; } = "";
    public int? ParentCode { get; set; }
    /// <summary>1 province, 2 prefecture, 3 county.</summary>
    public int Level { get; set; }
}

/// <summary>A school as the registry names it (学校标识码), under its county.</summary>
public sealed class School
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int CountyCode { get; set; }
}

public sealed class User
{
    public int Id { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public Role Role { get; set; }
    /// <summary>Root of the region subtree the user may see (a county for county and school roles).</summary>
    public int RegionCode { get; set; }
    /// <summary>Set for school aid officers: they see only their school's cases.</summary>
    public string? SchoolCode { get; set; }
    /// <summary>Set for township and village accounts: the 乡镇 (as the poverty register names it) within <see cref="RegionCode"/>.</summary>
    public string? Township { get; set; }
    /// <summary>Set for village accounts: the 村 within <see cref="Township"/>.</summary>
    public string? Village { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>Changes whenever the account's sessions must end (sign-out, deactivation, password or role change).</summary>
    public string SecurityStamp { get; set; } = NewStamp();

    public static string NewStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}

/// <summary>比对批次: one comparison of one term's files, and the cases it produced.</summary>
public sealed class Round
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string SchoolYear { get; set; } = "";
    public string Term { get; set; } = "";
    public DateOnly ReferenceDate { get; set; }
    public DateOnly Deadline { get; set; }
    /// <summary>Two-digit province code; cases of unknown county go to the province itself.</summary>
    public int ProvinceCode { get; set; }
    public RoundState State { get; set; }
    public int? PreviousRoundId { get; set; }
    public string? StudentsFile { get; set; }
    public string? PovertyFile { get; set; }
    public string? AidFile { get; set; }
    public string? LastError { get; set; }
    public int CaseCount { get; set; }
    public int MatchedCount { get; set; }
    public int ResolvedCount { get; set; }
    /// <summary>Rows loaded from each input (summary.json), to notice a file far shorter than last time.</summary>
    public int? StudentsRows { get; set; }
    public int? PovertyRows { get; set; }
    public int? AidRows { get; set; }
    /// <summary>List rows of counties the round does not cover: not imported.</summary>
    public int SkippedCaseCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>
/// A county a round's inputs hold rows for (or its lists name), and whether the round covers it: only
/// covered counties get the round's cases and have their earlier cases linked or resolved.
/// The province's own code stands for cases with no responsible county.
/// </summary>
public sealed class RoundCounty
{
    public long Id { get; set; }
    public int RoundId { get; set; }
    public int CountyCode { get; set; }
    public string CountyName { get; set; } = "";
    /// <summary>Loaded rows of the education bureau's inputs (registry and aid, by the school's county), as the comparison counted them.</summary>
    public int EducationRows { get; set; }
    /// <summary>Loaded rows of the poverty register (by the household's county).</summary>
    public int RuralRows { get; set; }
    /// <summary>Rows of the round's action lists whose responsible county this is.</summary>
    public int CaseRows { get; set; }
    public bool Covered { get; set; }
    /// <summary>
    /// The later round that covered this county too (set when that round is done, V016): this round's cases of the
    /// county are then no longer current, each carried on as a new case or resolved.
    /// </summary>
    public int? SupersededBy { get; set; }
}

/// <summary>核查任务: one row of an action list, assigned to the unit that must verify it.</summary>
public sealed class Case
{
    public long Id { get; set; }
    public int RoundId { get; set; }
    public string Category { get; set; } = "";
    /// <summary>The first provenance row number of the list row (as Excel shows it).</summary>
    public int SourceRow { get; set; }
    /// <summary>Normalised 18-digit ID, or name|ID text when the ID is not valid: links rounds.</summary>
    public string PersonKey { get; set; } = "";
    public string PersonName { get; set; } = "";

    /// <summary>The ID number as the list wrote it; setting it also sets <see cref="IdTail"/>.</summary>
    public string IdNumber
    {
        get => _idNumber;
        set
        {
            _idNumber = value;
            IdTail = TailOf(value);
        }
    }

    private string _idNumber = "";

    /// <summary>The last four characters of the ID (what the mask shows), upper-case: search by last digits uses its index.</summary>
    public string? IdTail { get; set; }

    /// <summary>学籍号 of the list row, when the list has one (searchable through its own index).</summary>
    public string? StudentNo { get; set; }
    public int CountyCode { get; set; }
    public string CountyName { get; set; } = "";
    public string? SchoolCode { get; set; }
    public string? SchoolName { get; set; }
    /// <summary>The household's 乡镇 (poverty register), when the list carries it and the household is in the responsible county.</summary>
    public string? Township { get; set; }
    /// <summary>The household's 村, with <see cref="Township"/>.</summary>
    public string? Village { get; set; }
    public Unit Unit { get; set; }
    public string? Reason { get; set; }
    /// <summary>The list row as JSON (header → cell), shown on the case page.</summary>
    public string Details { get; set; } = "{}";
    public CaseState State { get; set; }
    public Linkage Linkage { get; set; }
    /// <summary>How many consecutive rounds this person has been on this list (1 for new).</summary>
    public int RoundsSeen { get; set; } = 1;
    public long? PreviousCaseId { get; set; }
    /// <summary>
    /// Set by imports before V016 when a later round no longer listed the person (the problem went away). Since V016
    /// the later round records it once for the county (<see cref="RoundCounty.SupersededBy"/>) and sets no mark.
    /// </summary>
    public int? ResolvedInRoundId { get; set; }
    /// <summary>
    /// Set by imports before V016 when a later round listed the person again and carried this case on as a new one (its
    /// <see cref="PreviousCaseId"/>). Since V016: <see cref="RoundCounty.SupersededBy"/>, as above.
    /// </summary>
    public int? CarriedInRoundId { get; set; }
    public string? Result { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>Raised by every change (the concurrency token): a change made from an older version is refused.</summary>
    public int Version { get; set; } = 1;
    public List<CaseEvent> Events { get; set; } = [];
    public List<Attachment> Attachments { get; set; } = [];

    /// <summary>The tail stored for an ID as written: its last four characters, trimmed and upper-case; null when shorter.</summary>
    public static string? TailOf(string? id)
    {
        var t = id.AsSpan().Trim();
        return t.Length < 4 ? null : t[^4..].ToString().ToUpperInvariant();
    }
}

/// <summary>
/// How many cases share a round, county, school ('' for none), list, state, unit and whole days from
/// import to closure (-1 while open): kept by the store's triggers on every insert, update and delete
/// of cases, so the dashboard and list totals never recount the cases.
/// </summary>
public sealed class CaseCount
{
    public int RoundId { get; set; }
    public int CountyCode { get; set; }
    public string SchoolCode { get; set; } = "";
    public string Category { get; set; } = "";
    public CaseState State { get; set; }
    public Unit Unit { get; set; }
    public int ClosedDays { get; set; }
    /// <summary>Cases no later round resolved or carried on (V012): those the to-do counts.</summary>
    public bool Current { get; set; }
    public long Count { get; set; }
}

/// <summary>One step of a case's history: submit, approve, return, attachment.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public Case? Case { get; set; }
    public DateTime At { get; set; }
    public string UserName { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Result { get; set; }
    public string? Note { get; set; }
}

public sealed class Attachment
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public Case? Case { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>File name under the data folder's attachments/ (never the user's name for it).</summary>
    public string StoredName { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>Matched students per county and school of a round: the denominator of aid coverage.</summary>
public sealed class MatchedStat
{
    public long Id { get; set; }
    public int RoundId { get; set; }
    public int CountyCode { get; set; }
    public string? SchoolCode { get; set; }
    public int Matched { get; set; }
}

/// <summary>Append-only (the schema forbids UPDATE and DELETE). Never holds an ID number.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string UserName { get; set; } = "";
    public string Action { get; set; } = "";
    public string Target { get; set; } = "";
    public string Detail { get; set; } = "";
}
