using Bidui.Core.Identity;
using Bidui.Core.Regions;
using Bidui.Core.Schooling;

namespace Bidui.Matching.Records;

/// <summary>A poverty-register row the engine keeps: every keyed row, and snapshots of rows that a list names.</summary>
public sealed class PovertyRecord : SourceRecord
{
    public string HouseholdId { get; init; } = string.Empty;
    public string Relation { get; init; } = string.Empty;
    public string PopulationType { get; init; } = string.Empty;
    public string SchoolingText { get; init; } = string.Empty;
    public SchoolingStatement Statement { get; init; }
    public string StatusText { get; init; } = string.Empty;
    public bool Deceased { get; init; }
    public DateOnly? BirthDate { get; init; }
    public Sex Sex { get; init; }
    public string Township { get; init; } = string.Empty;
    public string Village { get; init; } = string.Empty;
    /// <summary>The household's county as given (code, or found from 省/市/县 names); 0 when unknown.</summary>
    public int CountyCode { get; init; }
    public DispatchCounty Dispatch { get; init; }
    /// <summary>出生日期 and 性别 as the columns give them (yyyyMMdd, 0 when unreadable), kept only for the probabilistic tier.</summary>
    public int ColumnBirth { get; init; }
    public Sex ColumnSex { get; init; }

    private string? _nameForm;
    /// <summary>SPEC §2.3 comparison form, computed on first use (only rows met by a student need it).</summary>
    public string NameForm => _nameForm ??= Bidui.Core.Names.PersonName.ComparisonForm(Name);
}
