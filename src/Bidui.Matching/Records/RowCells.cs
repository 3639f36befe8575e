namespace Bidui.Matching.Records;

// The cells of one input row as the reader holds them. Spans point into the reader's buffer and
// are valid only during the Add call; the engine copies (or interns) what it keeps. An absent
// column is an empty span. ParsedResidentId: the ID cell already judged by ResidentId.Parse with the
// run's day (the reading thread does it when it has the time), or null for the engine to do it.

/// <summary>One row of the student registry (SPEC §1.1).</summary>
public ref struct StudentCells
{
    public int RowNumber;
    public Bidui.Core.Identity.ResidentIdResult? ParsedResidentId;
    public ReadOnlySpan<char> Name, IdNumber, IdType, StudentNumber, Sex, BirthDate;
    public ReadOnlySpan<char> SchoolName, SchoolCode, SchoolCounty, Stage, Grade, Status;
}

/// <summary>One row of the poverty-alleviation register (SPEC §1.2).</summary>
public ref struct PovertyCells
{
    public int RowNumber;
    public Bidui.Core.Identity.ResidentIdResult? ParsedResidentId;
    public ReadOnlySpan<char> Name, IdNumber, IdType, HouseholdId, Relation, Sex, BirthDate;
    public ReadOnlySpan<char> PopulationType, Schooling, CountyCode, ProvinceName, PrefectureName, CountyName;
    public ReadOnlySpan<char> Township, Village, PersonStatus;
}

/// <summary>One row of the aid payments (SPEC §1.3).</summary>
public ref struct AidCells
{
    public int RowNumber;
    public Bidui.Core.Identity.ResidentIdResult? ParsedResidentId;
    public ReadOnlySpan<char> Name, IdNumber, IdType, Project, Amount, SchoolYear, Term, PaidOn, SchoolName, SchoolCode;
}

/// <summary>One row of an eligibility register (SPEC §1.4).</summary>
public ref struct RegisterCells
{
    public int RowNumber;
    public Bidui.Core.Identity.ResidentIdResult? ParsedResidentId;
    public ReadOnlySpan<char> Name, IdNumber, IdType, CountyCode, ProvinceName, PrefectureName, CountyName, Kind;
}
