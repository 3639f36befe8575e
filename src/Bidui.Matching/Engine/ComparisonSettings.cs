using Bidui.Core.Dates;
using Bidui.Core.Schooling;

namespace Bidui.Matching.Engine;

/// <summary>The knobs of SPEC §3–4 that a province may configure.</summary>
public sealed record ComparisonSettings
{
    /// <summary>Age is taken on this day (SPEC §3).</summary>
    public required DateOnly ReferenceDate { get; init; }
    /// <summary>The day of the run: birth dates after it are invalid (SPEC §2.1).</summary>
    public required DateOnly Today { get; init; }
    public AgeBand CompulsoryAge { get; init; } = AgeBand.CompulsorySchool;
    public IReadOnlySet<SchoolStage> AidStages { get; init; } = DefaultStages;
    /// <summary>Whether an aid file was given: the aid lists exist only then.</summary>
    public bool HasAid { get; init; }
    /// <summary>SPEC §4.3: only the exact tier (no probabilistic links, no review list).</summary>
    public bool ExactOnly { get; init; }
    /// <summary>Labels of the other eligibility registers (SPEC §1.4), in the order given; their rows come with their index.</summary>
    public IReadOnlyList<string> Registers { get; init; } = [];
    /// <summary>The aid project catalogue (SPEC §1.5); null: every project 困难, any stage, no amount check, and no aid_stage_mismatch.</summary>
    public Supervision.AidCatalog? Catalog { get; init; }
    /// <summary>A saved linkage model (`bidui model`); null estimates one from the data of the run.</summary>
    public Probabilistic.LinkageModel? Model { get; init; }

    public static IReadOnlySet<SchoolStage> DefaultStages { get; } = new HashSet<SchoolStage>
    {
        SchoolStage.Preschool, SchoolStage.Primary, SchoolStage.Junior, SchoolStage.Senior, SchoolStage.Vocational,
    };
}
