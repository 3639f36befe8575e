using Bidui.Core.Identity;
using Bidui.Core.Names;
using Bidui.Core.Schooling;
using Bidui.Matching.Records;
using Bidui.Matching.Support;

namespace Bidui.Matching.Probabilistic;

/// <summary>
/// A registry row the tier keeps beside the enrolment index: an enrolled row without a key, or one whose
/// valid number is another register person's (<paramref name="Owner"/>, the register index of that
/// person; its enrolment entry <paramref name="Entry"/>). <paramref name="Birth"/> and <paramref name="Sex"/>
/// are the row's 出生日期 and 性别 columns; <paramref name="StudentNumber"/> its 学籍号's digits.
/// </summary>
internal sealed record WeakStudent(StudentRecord Record, int Birth, Sex Sex, string? StudentNumber, int Owner = -1, int Entry = -1)
{
    public bool NumberOfAnother => Owner >= 0;
}

/// <summary>
/// The records of the register, the registry and the aid file as the comparisons and the blocking
/// rules see them (<see cref="LinkRecord"/>, blocking keys), built from the exact engine's rows.
/// </summary>
internal sealed class LinkRecords(CountyLocator counties, IRegisterView register, IEnrolmentView enrolments, DateOnly referenceDate)
{
    // Students with another document's key: their 出生日期 and 性别 columns (the number tells neither).
    private readonly Dictionary<long, (int Birth, Sex Sex)> _otherDocumentStudents = [];
    // Enrolled rows whose 学籍号 holds another number than their ID: the 学籍号's digits, and the row's
    // 出生日期 and 性别 columns (the ID, which may be a relative's, says them otherwise).
    private readonly Dictionary<int, (string Digits, int Birth, Sex Sex)> _studentNumbers = [];
    private Dictionary<int, string>? _studentNumberDigits;
    private readonly Dictionary<StudentProfile, (int, int)> _gradeAges = new(ReferenceEqualityComparer.Instance);

    public Townships Townships { get; } = new();

    public IEnumerable<long> OtherDocumentStudentKeys => _otherDocumentStudents.Keys;

    /// <summary>Enrolment indexes with a 学籍号 of their own, and its digits.</summary>
    public IReadOnlyDictionary<int, string> EnrolmentStudentNumbers =>
        _studentNumberDigits ??= _studentNumbers.ToDictionary(kv => kv.Key, kv => kv.Value.Digits);

    public void AddOtherDocumentStudent(long key, int birth, Sex sex) => _otherDocumentStudents.TryAdd(key, (birth, sex));

    public void AddStudentNumber(int entry, string digits, int birth, Sex sex) => _studentNumbers[entry] = (digits, birth, sex);

    public static bool IsResidentKey(long key) => TierLinks.IsResidentKey(key);
    public static int RegionOfKey(long key) => (int)(key / 100_000_000_000);
    public static int BirthOfKey(long key) => (int)(key / 1000 % 100_000_000);
    public static Sex SexOfKey(long key) => key % 2 == 1 ? Sex.Male : Sex.Female;

    public int CountyOfRegion(int region) =>
        region == 0 ? 0 : counties.Dispatch(region) is { Code: > 0 } d ? d.Code : region;

    /// <summary>The name as the tier compares it: the SPEC 2.3 form without its dots (·, and 。 typed for it) or spaces.</summary>
    public static string NameKey(string comparisonForm)
    {
        if (comparisonForm.AsSpan().IndexOfAny('·', '。', ' ') < 0)
            return comparisonForm;
        return string.Create(comparisonForm.Length - comparisonForm.Count(c => c is '·' or '。' or ' '), comparisonForm, static (span, s) =>
        {
            int n = 0;
            foreach (char c in s)
            {
                if (c is not ('·' or '。' or ' '))
                    span[n++] = c;
            }
        });
    }

    private int AgeOf(int birth) =>
        birth == 0 ? -1 : Bidui.Core.Dates.Age.On(new DateOnly(birth / 10000, birth / 100 % 100, birth % 100), referenceDate);

    private (int, int) GradeAgesOf(StudentProfile profile)
    {
        if (!_gradeAges.TryGetValue(profile, out var ages))
            _gradeAges[profile] = ages = TypicalAge.Of(profile.Stage, profile.Grade);
        return ages;
    }

    // ---- records as the comparisons see them ----

    public LinkRecord Person(PovertyRecord p)
    {
        string? id = p.Key == 0 ? IdDigits.Clean(p.IdGiven) : IsResidentKey(p.Key) ? ResidentId.Format(p.Key) : null;
        int birth = LinkRecord.BirthNumber(p.BirthDate);
        var sex = p.Sex;
        if (p.IdProblem == IdProblem.Legacy15)
        {
            // Read as an old 15-digit number, a number cut short says a birth in 19xx and a sex it never
            // held: the columns speak for the person.
            (birth, sex) = (p.ColumnBirth, p.ColumnSex);
        }
        if (birth == 0)
            birth = IdDigits.Birth(id);
        return new LinkRecord
        {
            NameForm = NameKey(p.NameForm),
            Id = id,
            IdValid = IsResidentKey(p.Key),
            Birth = birth,
            Sex = sex != Sex.Unknown ? sex : IdDigits.SexOf(id),
            County = p.Dispatch.Code,
            Township = Townships.Stem(p.Township),
            Household = p.HouseholdId,
            Age = AgeOf(birth),
        };
    }

    /// <summary>
    /// A keyed person as the tier would see them had their ID been lost: name and the 出生日期, 性别
    /// and household-county columns only. Exactly matched pairs compared this way show how those
    /// columns agree between two records of one child (the ID itself would make them agree always).
    /// </summary>
    public LinkRecord PersonWithoutId(PovertyRecord p) => new()
    {
        NameForm = NameKey(p.NameForm),
        Birth = p.ColumnBirth,
        Sex = p.ColumnSex,
        County = p.Dispatch.Code,
        Township = Townships.Stem(p.Township),
        Household = p.HouseholdId,
        Age = AgeOf(LinkRecord.BirthNumber(p.BirthDate)),
    };

    public LinkRecord Enrolment(int index)
    {
        var e = enrolments[index];
        bool resident = IsResidentKey(e.Key);
        var (birth, sex) = resident ? (BirthOfKey(e.Key), SexOfKey(e.Key)) : _otherDocumentStudents.GetValueOrDefault(e.Key);
        var grade = GradeAgesOf(e.Profile);
        bool ownStudentNumber = _studentNumbers.TryGetValue(index, out var own);
        if (ownStudentNumber && (own.Birth != 0 || own.Sex != Sex.Unknown))
            (birth, sex) = (own.Birth, own.Sex); // a 学籍号 of another number: the row's columns speak for the child
        else if (resident && grade.Item2 != 0 && PairComparer.CompareAgeToGrade(AgeOf(birth), grade) == Comparison.AgeGradeLevel.NotFit
            && Math.Abs(AgeOf(birth) - grade.Item1) > 5)
        {
            // A pupil whose number says an age far from the grade's (a cut number read as an old 15-digit
            // one says 1920): the number's birth date and sex are not the child's.
            (birth, sex) = (0, Sex.Unknown);
        }
        return new LinkRecord
        {
            NameForm = NameKey(PersonName.ComparisonForm(enrolments.NameOf(index).ToString())),
            Id = resident ? ResidentId.Format(e.Key) : null,
            IdValid = resident,
            Birth = birth,
            Sex = sex,
            County = e.Profile.School.Dispatch.Code,
            Township = Townships.OfSchool(e.Profile.School.Name),
            StudentNumber = ownStudentNumber ? own.Digits : null,
            GradeAges = grade,
        };
    }

    public LinkRecord Student(WeakStudent w)
    {
        // A row whose number is another register person's: the number says nothing of the child's own
        // digits, birth date or sex; the columns, the 学籍号 and whose number it is do.
        string? id = w.NumberOfAnother ? null : IdDigits.Clean(w.Record.IdGiven);
        var r = w.Record;
        return new LinkRecord
        {
            NameForm = NameKey(PersonName.ComparisonForm(r.Name)),
            Id = id,
            Birth = w.Birth != 0 ? w.Birth : IdDigits.Birth(id),
            Sex = w.Sex != Sex.Unknown ? w.Sex : IdDigits.SexOf(id),
            County = r.School.Dispatch.Code,
            Township = Townships.OfSchool(r.School.Name),
            StudentNumber = w.StudentNumber,
            NumberOfAnother = w.NumberOfAnother,
            Household = w.NumberOfAnother ? register[w.Owner].HouseholdId : null,
            GradeAges = TypicalAge.Of(r.Stage, r.Grade),
        };
    }

    /// <summary>A row with another register person's number as its exact pair sees it: with that number as its own.</summary>
    public LinkRecord StudentAsOwner(WeakStudent w) =>
        Student(w) with { Id = ResidentId.Format(w.Record.Key), IdValid = true, NumberOfAnother = false, Household = null };

    public LinkRecord Aid(AidRecord a)
    {
        string? id = IdDigits.Clean(a.IdGiven);
        int school = a.SchoolCode.Length > 0 && enrolments.SchoolByCode(a.SchoolCode) is { } s ? s.Dispatch.Code : 0;
        return new LinkRecord
        {
            NameForm = NameKey(PersonName.ComparisonForm(a.Name)),
            Id = id,
            Birth = IdDigits.Birth(id),
            Sex = IdDigits.SexOf(id),
            County = school,
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
        BlockingKeys.Of(a.Name, r.Birth, r.Birth, CountyOfRegion(IdDigits.Region(r.Id)), r.County, keys);
}
