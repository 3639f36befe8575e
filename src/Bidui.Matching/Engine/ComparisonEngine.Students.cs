using Bidui.Core.Schooling;
using Bidui.Matching.Categories;
using Bidui.Matching.Records;
using Bidui.Matching.Support;

namespace Bidui.Matching.Engine;

public sealed partial class ComparisonEngine
{
    private readonly ChunkedList<StudentEntry> _enrolled = new();
    private readonly NameArena _enrolledNames = new();
    private KeyIndex _enrolledKeys = new();
    // Keys with two or more enrolments: few, so Finish finds their rows without a lookup per enrolment.
    private readonly HashSet<long> _duplicateEnrolments = [];
    private readonly Dictionary<(string Code, string Name, int County), School> _schools = [];
    private readonly Dictionary<string, School> _schoolsByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<(School, SchoolStage, string, string, string), StudentProfile> _profiles =
        new(InternedKeyComparer.Instance);

    /// <summary>
    /// Sizes the enrolment index for about this many registry rows before the first one, so that it
    /// does not rehash its way up to ten million keys (each doubling re-inserts every key).
    /// </summary>
    public void ExpectStudents(int rows)
    {
        if (_enrolled.Count == 0 && rows > 0)
            _enrolledKeys = new KeyIndex(rows);
    }

    /// <summary>
    /// A hint from the thread that feeds the register or the registry, a few rows ahead: the row with
    /// this key comes soon, so its slots in the key indexes are fetched into cache now (the lookups of the
    /// registry pass otherwise wait on memory). Reads and changes nothing, so Finish's loops use it too.
    /// </summary>
    public void Prefetch(long key)
    {
        _povertyKeys.Prefetch(key);
        if (_phase != Phase.Poverty)
            _enrolledKeys.Prefetch(key);
    }

    /// <summary>Adds one non-blank student row; false when it was rejected (SPEC §5).</summary>
    public bool AddStudent(in StudentCells c)
    {
        RequirePhase(Phase.Others, "The student registry");
        _phase = Phase.Others;
        if (Reject(Dataset.Students, c.RowNumber, c.Name, c.IdNumber))
            return false;

        var id = ParseId(c.IdType, c.IdNumber, c.ParsedResidentId);
        var school = SchoolOf(c.SchoolName, c.SchoolCode, c.SchoolCounty);
        CountStudentRow(school);
        string statusText = StudentMemos.Status.Intern(c.Status), gradeText = StudentMemos.Grade.Intern(c.Grade);
        bool enrolled = EnrollmentStatus.IsEnrolled(statusText);
        var (stage, stageText) = StageOf(StudentMemos.Stage.Intern(c.Stage), gradeText);

        var person = id.Key != 0 ? PersonOf(id.Key) : null;
        bool listed = id.Problem != Bidui.Core.Identity.IdProblem.None || person is not null;
        StudentRecord? snapshot = null;
        string? conflict = FieldConflictReason(id, c.BirthDate, c.Sex, out string detail);
        if (listed || conflict is not null)
        {
            snapshot = new StudentRecord
            {
                Row = c.RowNumber,
                Key = id.Key,
                Name = c.Name.Trim().ToString(),
                IdGiven = IdGiven(id, c.IdNumber),
                IdProblem = id.Problem,
                School = school,
                Stage = stage,
                StageText = stageText,
                Grade = gradeText,
                StatusText = statusText,
                Enrolled = enrolled,
            };
        }

        if (snapshot is not null)
        {
            EmitInvalidId(Dataset.Students, c.RowNumber, id, null, snapshot, null, school.Dispatch);
            if (conflict is not null)
                EmitFieldConflict(Dataset.Students, c.RowNumber, conflict, detail, null, snapshot, school.Dispatch);
        }
        if (_tier is not null && enrolled && id.Key == 0)
            _tier.AddStudentWithoutKey(snapshot ?? new StudentRecord
            {
                Row = c.RowNumber, Name = c.Name.Trim().ToString(), IdGiven = IdGiven(id, c.IdNumber), School = school,
                Stage = stage, StageText = stageText, Grade = gradeText, StatusText = statusText, Enrolled = true,
            }, c.BirthDate, c.Sex, c.StudentNumber);
        if (id.Key == 0)
            return true;

        // identity_conflict: any student row (whatever its status) whose key is a person's.
        bool nameDiffers = person is not null && !string.Equals(person.NameForm,
            Bidui.Core.Names.PersonName.ComparisonForm(snapshot!.Name), StringComparison.Ordinal);
        if (nameDiffers)
        {
            _online[(int)Category.IdentityConflict].Add(new ResultRow
            {
                Category = Category.IdentityConflict,
                Person = person,
                Student = snapshot,
                Reason = "姓名不一致",
                Responsible = person!.Dispatch,
                Note = RegionNote(person.Dispatch),
            });
        }

        if (!enrolled)
            return true;
        var profile = ProfileOf(school, stage, stageText, gradeText, statusText);
        int index = _enrolled.Add(new StudentEntry
        {
            Key = id.Key,
            Row = c.RowNumber,
            Name = _enrolledNames.Add(snapshot is null ? c.Name.Trim() : snapshot.Name),
            Profile = profile,
        });
        if (_enrolledKeys.Add(id.Key, index) == 2)
            _duplicateEnrolments.Add(id.Key);
        if (_tier is not null)
        {
            if (!id.IsResident)
                _tier.AddOtherDocumentStudent(id.Key, c.BirthDate, c.Sex);
            else if (person is null)
                _tier.AddUnplacedStudent(c.Name, id.Key, school, index, c.StudentNumber, c.BirthDate, c.Sex, id.Problem);
            else if (nameDiffers && _povertyKeys.TryGetFirst(id.Key, out int owner))
                _tier.AddNumberOfAnother(snapshot!, owner, index, c.BirthDate, c.Sex, c.StudentNumber); // SPEC §4.3: weighed again
        }
        return true;
    }

    /// <summary>
    /// Makes this school the one its 学校标识码 names, as the first registry row with that code would
    /// (before or after the rows). Engines that each saw some of the registry (partitions) are
    /// given the schools of the whole registry, so that an aid row finds its school's county whichever
    /// engine the school's pupils went to.
    /// </summary>
    public void AddKnownSchool(ReadOnlySpan<char> name, ReadOnlySpan<char> code, ReadOnlySpan<char> countyCell)
    {
        RequirePhase(Phase.Others, "A known school");
        _phase = Phase.Others;
        var school = SchoolOf(name, code, countyCell);
        if (school.Code.Length > 0)
            _schoolsByCode[school.Code] = school;
    }

    // Per-column memos and the last school, stage and profile: rows come class by class.
    private sealed class StudentMemo(TextPool pool)
    {
        public readonly InternMemo SchoolName = new(pool), SchoolCode = new(pool), SchoolCounty = new(pool);
        public readonly InternMemo Stage = new(pool), Grade = new(pool), Status = new(pool);
        public School? School;
        public (string Name, string Code, string County) SchoolCells;
        public (string Stage, string Grade) StageCells;
        public (SchoolStage Stage, string Text) StageResult;
        // The last few profiles: a class's rows share school, stage and grade but their 学籍状态 alternates
        // (在读, 在籍, 休学 …), which sent one row in seven to the dictionary with a single memo.
        public readonly StudentProfile?[] Profiles = new StudentProfile?[4];
        public int NextProfile;
    }

    private StudentMemo? _studentMemoField;
    private StudentMemo StudentMemos => _studentMemoField ??= new StudentMemo(_pool);

    private (SchoolStage Stage, string Text) StageOf(string stageCell, string gradeCell)
    {
        var memo = StudentMemos;
        if (ReferenceEquals(memo.StageCells.Stage, stageCell) && ReferenceEquals(memo.StageCells.Grade, gradeCell))
            return memo.StageResult;
        var stage = SchoolStages.FromStageCell(stageCell);
        string text = stageCell;
        if (stage == SchoolStage.None)
        {
            // SPEC §1.1: 年级 gives 学段 when the column is absent or the cell is empty.
            stage = SchoolStages.FromGrade(gradeCell);
            text = _pool.Intern(stage.ToChinese()); // pooled, so that it is the same reference as a cell saying the same
        }
        memo.StageCells = (stageCell, gradeCell);
        return memo.StageResult = (stage, text);
    }

    private StudentProfile ProfileOf(School school, SchoolStage stage, string stageText, string grade, string status)
    {
        var memo = StudentMemos;
        foreach (var recent in memo.Profiles)
        {
            if (recent is not null && ReferenceEquals(recent.School, school) && recent.Stage == stage && ReferenceEquals(recent.StageText, stageText)
                && ReferenceEquals(recent.Grade, grade) && ReferenceEquals(recent.StatusText, status))
                return recent;
        }
        var key = (school, stage, stageText, grade, status);
        if (!_profiles.TryGetValue(key, out var profile))
            _profiles.Add(key, profile = new StudentProfile(school, stage, stageText, grade, status));
        memo.Profiles[memo.NextProfile] = profile;
        memo.NextProfile = (memo.NextProfile + 1) % memo.Profiles.Length;
        return profile;
    }

    private School SchoolOf(ReadOnlySpan<char> name, ReadOnlySpan<char> code, ReadOnlySpan<char> countyCell)
    {
        var memo = StudentMemos;
        string n = memo.SchoolName.Intern(name), k = memo.SchoolCode.Intern(code), countyText = memo.SchoolCounty.Intern(countyCell);
        if (memo.School is { } last && ReferenceEquals(memo.SchoolCells.Name, n) && ReferenceEquals(memo.SchoolCells.Code, k)
            && ReferenceEquals(memo.SchoolCells.County, countyText))
            return last;
        memo.SchoolCells = (n, k, countyText);
        return memo.School = FindSchool(n, k, countyText);
    }

    private School FindSchool(string n, string k, string countyCell)
    {
        int county = CountyLocator.ParseCode(countyCell);
        if (n.Length == 0 && k.Length == 0 && county == 0)
            return School.Unknown;
        if (_schools.TryGetValue((k, n, county), out var school))
            return school;
        school = new School(n, k, county, _counties.Dispatch(county));
        _schools.Add((k, n, county), school);
        if (k.Length > 0)
            _schoolsByCode.TryAdd(k, school);
        return school;
    }

    private StudentRecord EnrolmentOf(int entryIndex)
    {
        ref var e = ref _enrolled[entryIndex];
        return e.ToRecord(_enrolledNames.String(e.Name), IdGiven(e.Key));
    }

    private void FinishEnrollmentDuplicates(List<ResultRow> into)
    {
        if (_duplicateEnrolments.Count == 0)
            return;
        for (int i = 0; i < _enrolled.Count; i++)
        {
            ref var e = ref _enrolled[i];
            if (!_duplicateEnrolments.Contains(e.Key))
                continue;
            int n = _enrolledKeys.CountOf(e.Key);
            var s = EnrolmentOf(i);
            into.Add(new ResultRow
            {
                Category = Category.DuplicateEnrollment,
                Student = s,
                Person = PersonOf(e.Key),
                DuplicateCount = n,
                Responsible = s.School.Dispatch,
                Note = RegionNote(s.School.Dispatch),
            });
        }
    }
}
