namespace Bidui.Assessment.Indicators;

/// <summary>
/// What a comparison says of one county (summary.json `counties`, and `funds` per county when the aid
/// supervision figures exist): the numerators are rows of the lists, the bases are counted by the engine.
/// </summary>
public sealed record ComparisonCounts
{
    public long DropoutSuspects { get; init; }
    /// <summary>Poverty persons not deceased, of compulsory school age (household county).</summary>
    public long CompulsoryAge { get; init; }
    /// <summary>Whether aid was compared (aid_missing exists only then).</summary>
    public bool HasAid { get; init; }
    public long AidMissing { get; init; }
    /// <summary>Matched persons not deceased whose enrolment is in an aid stage (school's county).</summary>
    public long AidStageStudents { get; init; }
    /// <summary>Aid paid (valid amounts) and money at risk (SPEC §4.6), by the aid rows' county; null when the run has no funds.</summary>
    public decimal? AidPaid { get; init; }
    public decimal? MoneyAtRisk { get; init; }
    public long InvalidEducation { get; init; }
    public long ConflictEducation { get; init; }
    public long DuplicateEnrollment { get; init; }
    /// <summary>Registry and aid rows loaded whose county this is.</summary>
    public long EducationRows { get; init; }
    public long InvalidRural { get; init; }
    public long ConflictRural { get; init; }
    public long DuplicatePoverty { get; init; }
    /// <summary>Poverty register rows loaded whose county this is.</summary>
    public long RuralRows { get; init; }
}
