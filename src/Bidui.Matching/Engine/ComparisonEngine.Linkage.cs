using System.Globalization;
using Bidui.Core.Identity;
using Bidui.Core.Names;
using Bidui.Matching.Categories;
using Bidui.Matching.Probabilistic;
using Bidui.Matching.Records;

namespace Bidui.Matching.Engine;

/// <summary>
/// The probabilistic tier (SPEC §4.3, issue 3): after exact matching, links the poverty persons not
/// found enrolled with the enrolled students whose key is not in P, when one side's ID is missing,
/// broken or of another document type (two valid, different resident IDs are two people). Blocking
/// keeps the pairs few; a Fellegi–Sunter model scores them; <see cref="LinkAssignment"/> decides one
/// to one.
/// </summary>
public sealed partial class ComparisonEngine
{
    private const int TrainingExactPairs = 100_000;
    private const int RandomPairs = 200_000;

    // Rows the exact tier cannot key, kept (only with the tier on) for the probabilistic tier.
    private readonly List<PovertyRecord> _weakPersons = [];
    private readonly List<WeakStudent> _weakStudents = [];
    private readonly Dictionary<long, (int Birth, Sex Sex)> _otherDocumentStudents = [];
    // Accepted links: by person (reference), and by the person's or the student's key.
    private readonly Dictionary<PovertyRecord, Link> _links = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<long, Link> _linkByKey = [];
    private readonly Dictionary<(Dataset, int), string> _suggestions = [];

    private readonly Townships _townships = new();

    private sealed record WeakStudent(StudentRecord Record, int Birth, Sex Sex);

    private sealed record Link(PovertyRecord Person, StudentRecord Student, double Probability);

    /// <summary>The model the tier used (given or estimated); null with <see cref="ComparisonSettings.ExactOnly"/>.</summary>
    public LinkageModel? Model { get; private set; }

    private bool Linkage => !_settings.ExactOnly;

    private static bool IsResidentKey(long key) => key != 0 && !OtherDocumentKeys.IsOtherDocumentKey(key);
    private static int RegionOfKey(long key) => (int)(key / 100_000_000_000);
    private static int BirthOfKey(long key) => (int)(key / 1000 % 100_000_000);
    private static Sex SexOfKey(long key) => key % 2 == 1 ? Sex.Male : Sex.Female;

    private int CountyOfRegion(int region) =>
        region == 0 ? 0 : _counties.Dispatch(region) is { Code: > 0 } d ? d.Code : region;

    private void KeepWeakStudent(StudentRecord record, ReadOnlySpan<char> birthCell, ReadOnlySpan<char> sexCell) =>
        _weakStudents.Add(new WeakStudent(record, BirthCell(birthCell), SexText.Parse(sexCell.Trim())));

    private static int BirthCell(ReadOnlySpan<char> cell) =>
        Bidui.Core.Dates.FlexibleDate.TryParse(cell.Trim(), out var d) ? LinkRecord.BirthNumber(d) : 0;

    // ---- records as the comparisons see them ----

    private LinkRecord PersonLink(PovertyRecord p)
    {
        string? id = p.Key == 0 ? IdDigits.Clean(p.IdGiven) : IsResidentKey(p.Key) ? ResidentId.Format(p.Key) : null;
        int birth = LinkRecord.BirthNumber(p.BirthDate);
        return new LinkRecord
        {
            NameForm = p.NameForm,
            Id = id,
            IdValid = IsResidentKey(p.Key),
            Birth = birth != 0 ? birth : IdDigits.Birth(id),
            Sex = p.Sex != Sex.Unknown ? p.Sex : IdDigits.SexOf(id),
            County = CountyOfRegion(IdDigits.Region(id)),
            OtherCounty = p.Dispatch.Code,
            Township = Townships.Stem(p.Township),
        };
    }

    /// <summary>
    /// A keyed person as the tier would see them had their ID been lost: name and the 出生日期, 性别
    /// and household-county columns only. Exactly matched pairs compared this way show how those
    /// columns agree between two records of one child (the ID itself would make them agree always).
    /// </summary>
    private static LinkRecord PersonWithoutId(PovertyRecord p) => new()
    {
        NameForm = p.NameForm,
        Birth = p.ColumnBirth,
        Sex = p.ColumnSex,
        OtherCounty = p.Dispatch.Code,
        Township = Townships.Stem(p.Township),
    };

    private LinkRecord EntryLink(in StudentEntry e)
    {
        bool resident = IsResidentKey(e.Key);
        var (birth, sex) = resident ? (BirthOfKey(e.Key), SexOfKey(e.Key)) : _otherDocumentStudents.GetValueOrDefault(e.Key);
        return new LinkRecord
        {
            NameForm = PersonName.ComparisonForm(_enrolledNames.String(e.Name)),
            Id = resident ? ResidentId.Format(e.Key) : null,
            IdValid = resident,
            Birth = birth,
            Sex = sex,
            County = resident ? CountyOfRegion(RegionOfKey(e.Key)) : 0,
            OtherCounty = e.Profile.School.Dispatch.Code,
            Township = _townships.OfSchool(e.Profile.School.Name),
        };
    }

    private LinkRecord WeakStudentLink(WeakStudent w)
    {
        string? id = IdDigits.Clean(w.Record.IdGiven);
        return new LinkRecord
        {
            NameForm = PersonName.ComparisonForm(w.Record.Name),
            Id = id,
            Birth = w.Birth != 0 ? w.Birth : IdDigits.Birth(id),
            Sex = w.Sex != Sex.Unknown ? w.Sex : IdDigits.SexOf(id),
            County = CountyOfRegion(IdDigits.Region(id)),
            OtherCounty = w.Record.School.Dispatch.Code,
            Township = _townships.OfSchool(w.Record.School.Name),
        };
    }

    // ---- blocking ----

    /// <summary>Every blocking key of a record: its births and counties crossed with its name (at most eight).</summary>
    private static int BlockingKeysOf(ReadOnlySpan<char> name, int birth, int otherBirth, int county, int otherCounty, Span<long> keys)
    {
        char surname = BlockingKeys.Surname(name);
        long sound = BlockingKeys.Sound(name);
        int n = 0;
        ReadOnlySpan<int> births = otherBirth != birth ? [birth, otherBirth] : [birth];
        ReadOnlySpan<int> counties = otherCounty != county ? [county, otherCounty] : [county];
        foreach (int b in births)
            keys[n++] = BlockingKeys.BirthSurname(b, surname);
        foreach (int c in counties)
        {
            keys[n++] = BlockingKeys.CountySound(c, sound);
            foreach (int b in births)
                keys[n++] = BlockingKeys.CountyBirth(c, b);
        }
        return n;
    }

    private int PersonKeys(PovertyRecord p, Span<long> keys)
    {
        string? id = p.Key == 0 ? IdDigits.Clean(p.IdGiven) : null;
        int region = IsResidentKey(p.Key) ? RegionOfKey(p.Key) : IdDigits.Region(id);
        int idBirth = IsResidentKey(p.Key) ? BirthOfKey(p.Key) : IdDigits.Birth(id);
        int birth = LinkRecord.BirthNumber(p.BirthDate);
        return BlockingKeysOf(p.Name, birth != 0 ? birth : idBirth, idBirth != 0 ? idBirth : birth,
            CountyOfRegion(region), p.Dispatch.Code, keys);
    }

    private int WeakStudentKeys(WeakStudent w, Span<long> keys)
    {
        string? id = IdDigits.Clean(w.Record.IdGiven);
        int idBirth = IdDigits.Birth(id);
        return BlockingKeysOf(w.Record.Name, w.Birth != 0 ? w.Birth : idBirth, idBirth != 0 ? idBirth : w.Birth,
            CountyOfRegion(IdDigits.Region(id)), w.Record.School.Dispatch.Code, keys);
    }

    private int EntryKeys(in StudentEntry e, Span<long> keys)
    {
        if (IsResidentKey(e.Key))
        {
            int birth = BirthOfKey(e.Key);
            return BlockingKeysOf(_enrolledNames.Span(e.Name), birth, birth, CountyOfRegion(RegionOfKey(e.Key)), e.Profile.School.Dispatch.Code, keys);
        }
        var (b, _) = _otherDocumentStudents.GetValueOrDefault(e.Key);
        return BlockingKeysOf(_enrolledNames.Span(e.Name), b, b, e.Profile.School.Dispatch.Code, e.Profile.School.Dispatch.Code, keys);
    }

}
