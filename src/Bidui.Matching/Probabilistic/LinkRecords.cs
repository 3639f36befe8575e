using Bidui.Core.Identity;
using Bidui.Core.Names;
using Bidui.Matching.Records;
using Bidui.Matching.Support;

namespace Bidui.Matching.Probabilistic;

/// <summary>An enrolled student row without a key, kept by the tier with its 出生日期 and 性别 columns.</summary>
internal sealed record WeakStudent(StudentRecord Record, int Birth, Sex Sex);

/// <summary>
/// The records of the register, the registry and the aid file as the comparisons and the blocking
/// rules see them (<see cref="LinkRecord"/>, blocking keys), built from the exact engine's rows.
/// </summary>
internal sealed class LinkRecords(CountyLocator counties, IEnrolmentView enrolments)
{
    // Students with another document's key: their 出生日期 and 性别 columns (the number tells neither).
    private readonly Dictionary<long, (int Birth, Sex Sex)> _otherDocumentStudents = [];

    public Townships Townships { get; } = new();

    public IEnumerable<long> OtherDocumentStudentKeys => _otherDocumentStudents.Keys;

    public void AddOtherDocumentStudent(long key, int birth, Sex sex) => _otherDocumentStudents.TryAdd(key, (birth, sex));

    public static bool IsResidentKey(long key) => TierLinks.IsResidentKey(key);
    public static int RegionOfKey(long key) => (int)(key / 100_000_000_000);
    public static int BirthOfKey(long key) => (int)(key / 1000 % 100_000_000);
    public static Sex SexOfKey(long key) => key % 2 == 1 ? Sex.Male : Sex.Female;

    public int CountyOfRegion(int region) =>
        region == 0 ? 0 : counties.Dispatch(region) is { Code: > 0 } d ? d.Code : region;

    // ---- records as the comparisons see them ----

    public LinkRecord Person(PovertyRecord p)
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
    public static LinkRecord PersonWithoutId(PovertyRecord p) => new()
    {
        NameForm = p.NameForm,
        Birth = p.ColumnBirth,
        Sex = p.ColumnSex,
        OtherCounty = p.Dispatch.Code,
        Township = Townships.Stem(p.Township),
    };

    public LinkRecord Enrolment(int index)
    {
        var e = enrolments[index];
        bool resident = IsResidentKey(e.Key);
        var (birth, sex) = resident ? (BirthOfKey(e.Key), SexOfKey(e.Key)) : _otherDocumentStudents.GetValueOrDefault(e.Key);
        return new LinkRecord
        {
            NameForm = PersonName.ComparisonForm(enrolments.NameOf(index).ToString()),
            Id = resident ? ResidentId.Format(e.Key) : null,
            IdValid = resident,
            Birth = birth,
            Sex = sex,
            County = resident ? CountyOfRegion(RegionOfKey(e.Key)) : 0,
            OtherCounty = e.Profile.School.Dispatch.Code,
            Township = Townships.OfSchool(e.Profile.School.Name),
        };
    }

    public LinkRecord Student(WeakStudent w)
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
            Township = Townships.OfSchool(w.Record.School.Name),
        };
    }

    public LinkRecord Aid(AidRecord a)
    {
        string? id = IdDigits.Clean(a.IdGiven);
        int school = a.SchoolCode.Length > 0 && enrolments.SchoolByCode(a.SchoolCode) is { } s ? s.Dispatch.Code : 0;
        return new LinkRecord
        {
            NameForm = PersonName.ComparisonForm(a.Name),
            Id = id,
            Birth = IdDigits.Birth(id),
            Sex = IdDigits.SexOf(id),
            County = CountyOfRegion(IdDigits.Region(id)),
            OtherCounty = school,
            Township = Townships.OfSchool(a.SchoolName),
        };
    }

    // ---- blocking keys of each kind of record ----

    public int PersonKeys(PovertyRecord p, Span<long> keys)
    {
        string? id = p.Key == 0 ? IdDigits.Clean(p.IdGiven) : null;
        int region = IsResidentKey(p.Key) ? RegionOfKey(p.Key) : IdDigits.Region(id);
        int idBirth = IsResidentKey(p.Key) ? BirthOfKey(p.Key) : IdDigits.Birth(id);
        int birth = LinkRecord.BirthNumber(p.BirthDate);
        return BlockingKeys.Of(p.Name, birth != 0 ? birth : idBirth, idBirth != 0 ? idBirth : birth,
            CountyOfRegion(region), p.Dispatch.Code, keys);
    }

    public int StudentKeys(WeakStudent w, Span<long> keys)
    {
        string? id = IdDigits.Clean(w.Record.IdGiven);
        int idBirth = IdDigits.Birth(id);
        return BlockingKeys.Of(w.Record.Name, w.Birth != 0 ? w.Birth : idBirth, idBirth != 0 ? idBirth : w.Birth,
            CountyOfRegion(IdDigits.Region(id)), w.Record.School.Dispatch.Code, keys);
    }

    public int EnrolmentKeys(int index, Span<long> keys)
    {
        var e = enrolments[index];
        if (IsResidentKey(e.Key))
            return KeyedStudentKeys(enrolments.NameOf(index), e.Key, e.Profile.School, keys);
        var (b, _) = _otherDocumentStudents.GetValueOrDefault(e.Key);
        return BlockingKeys.Of(enrolments.NameOf(index), b, b, e.Profile.School.Dispatch.Code, e.Profile.School.Dispatch.Code, keys);
    }

    /// <summary>The keys of a student with a valid resident number: the number's birth date and region, the school's county.</summary>
    public int KeyedStudentKeys(ReadOnlySpan<char> name, long key, School school, Span<long> keys)
    {
        int birth = BirthOfKey(key);
        return BlockingKeys.Of(name, birth, birth, CountyOfRegion(RegionOfKey(key)), school.Dispatch.Code, keys);
    }

    public int AidKeys(AidRecord a, LinkRecord r, Span<long> keys) =>
        BlockingKeys.Of(a.Name, r.Birth, r.Birth, r.County, r.OtherCounty, keys);
}
