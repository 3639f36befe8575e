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
            NameForm = PersonName.ComparisonForm(e.Name),
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
            return BlockingKeysOf(e.Name, birth, birth, CountyOfRegion(RegionOfKey(e.Key)), e.Profile.School.Dispatch.Code, keys);
        }
        var (b, _) = _otherDocumentStudents.GetValueOrDefault(e.Key);
        return BlockingKeysOf(e.Name, b, b, e.Profile.School.Dispatch.Code, e.Profile.School.Dispatch.Code, keys);
    }

    // ---- the tier ----

    // Weak persons (no key, or another document's) by blocking key, built once the register is read,
    // so that every enrolled student not in P can be probed while its row is at hand.
    private BlockIndex? _weakPersonIndex;
    private readonly HashSet<(int Person, long StudentKey)> _streamedCandidates = [];

    private void IndexWeakPersons()
    {
        _weakPersonIndex = new BlockIndex();
        Span<long> keys = stackalloc long[8];
        for (int i = 0; i < _poverty.Count; i++)
        {
            var p = _poverty[i];
            if (!IsResidentKey(p.Key) && _povertyKeys.TryGetFirst(p.Key, out int first) && first == i)
                AddAll(_weakPersonIndex, keys[..PersonKeys(p, keys)], i);
        }
        for (int j = 0; j < _weakPersons.Count; j++)
            AddAll(_weakPersonIndex, keys[..PersonKeys(_weakPersons[j], keys)], _poverty.Count + j);
    }

    /// <summary>An enrolled student with a valid number not in P: a candidate for every weak person it shares a blocking key with.</summary>
    private void ProbeWeakPersons(ReadOnlySpan<char> name, long key, School school)
    {
        if (_weakPersonIndex is null)
            IndexWeakPersons();
        Span<long> keys = stackalloc long[8];
        int birth = BirthOfKey(key);
        int n = BlockingKeysOf(name, birth, birth, CountyOfRegion(RegionOfKey(key)), school.Dispatch.Code, keys);
        foreach (long k in keys[..n])
            for (int pos = _weakPersonIndex!.Head(k); pos >= 0; pos = _weakPersonIndex.Next(pos))
                _streamedCandidates.Add((_weakPersonIndex.Value(pos), key));
    }

    /// <summary>Finds the candidate pairs, scores them, links one to one and returns the review rows.</summary>
    private List<ResultRow> LinkUnmatched()
    {
        // Person nodes: index in _poverty (first rows not in E), or _poverty.Count + index in _weakPersons.
        // Student nodes: index in _enrolled (first row of its key, key not in P), or _enrolled.Count + index in _weakStudents.
        var personOf = new Func<int, PovertyRecord>(n => n < _poverty.Count ? _poverty[n] : _weakPersons[n - _poverty.Count]);
        var pairs = new HashSet<(int Person, int Student)>();
        Span<long> keys = stackalloc long[8];

        // 1. Persons matched exactly (they train the model) and not (they are probed). Weak persons were
        //    indexed when the registry began, see ProbeWeakPersons.
        var unmatchedPersons = new List<int>();
        var matchedPersons = new List<int>();
        for (int i = 0; i < _poverty.Count; i++)
        {
            if (_povertyKeys.TryGetFirst(_poverty[i].Key, out int first) && first != i)
                continue; // a later row of a person
            (_enrolledKeys.Contains(_poverty[i].Key) ? matchedPersons : unmatchedPersons).Add(i);
        }
        for (int j = 0; j < _weakPersons.Count; j++)
            unmatchedPersons.Add(_poverty.Count + j);

        // 2. Pairs found while the registry streamed: a weak person and an enrolled student not in P
        //    (a person found enrolled after all was matched exactly and drops out here).
        foreach (var (person, studentKey) in _streamedCandidates)
        {
            if (_enrolledKeys.TryGetFirst(studentKey, out int entry) && !_enrolledKeys.Contains(personOf(person).Key))
                pairs.Add((person, entry));
        }
        _streamedCandidates.Clear();

        // The weak students: without a key, or with another document's key not in P.
        var weakStudentIndex = new BlockIndex();
        foreach (long key in _otherDocumentStudents.Keys)
        {
            if (!_povertyKeys.Contains(key) && _enrolledKeys.TryGetFirst(key, out int entry))
                AddAll(weakStudentIndex, keys[..EntryKeys(_enrolled[entry], keys)], entry);
        }
        for (int j = 0; j < _weakStudents.Count; j++)
            AddAll(weakStudentIndex, keys[..WeakStudentKeys(_weakStudents[j], keys)], _enrolled.Count + j);

        // 3. Every unmatched person against the weak students.
        foreach (int node in unmatchedPersons)
        {
            foreach (long key in keys[..PersonKeys(personOf(node), keys)])
                for (int pos = weakStudentIndex.Head(key); pos >= 0; pos = weakStudentIndex.Next(pos))
                    pairs.Add((node, weakStudentIndex.Value(pos)));
        }

        // 4. Compare and score.
        var personRecords = new Dictionary<int, LinkRecord>();
        var studentRecords = new Dictionary<int, LinkRecord>();
        LinkRecord PersonRecord(int node) => personRecords.TryGetValue(node, out var r) ? r : personRecords[node] = PersonLink(personOf(node));
        LinkRecord StudentRecord(int node) => studentRecords.TryGetValue(node, out var r) ? r
            : studentRecords[node] = node < _enrolled.Count ? EntryLink(_enrolled[node]) : WeakStudentLink(_weakStudents[node - _enrolled.Count]);

        var candidates = pairs.OrderBy(p => p.Person).ThenBy(p => p.Student)
            .Select(p => (p.Person, p.Student, Pattern: PairComparer.Compare(PersonRecord(p.Person), StudentRecord(p.Student))))
            .ToList();
        var frequencies = NameFrequencies(candidates.Where(c => c.Pattern.Level(Comparison.Name) == Comparison.NameLevel.Equal)
            .Select(c => PersonRecord(c.Person).NameForm));
        Model = _settings.Model ?? EstimateModel(candidates.Select(c => c.Pattern), matchedPersons, frequencies.Population);
        var model = Model;
        double Tf(int person) => frequencies.Of(PersonRecord(person).NameForm);

        var scored = candidates.Select(c => new ScoredPair(c.Person, c.Student, model.Weight(c.Pattern, Tf(c.Person)))).ToList();
        var decisions = LinkAssignment.Decide(scored, model.AcceptAt, model.ReviewAt, model.RivalMargin);

        // 5. Links, suggested numbers and the review list.
        var review = new List<ResultRow>();
        for (int i = 0; i < scored.Count; i++)
        {
            if (decisions[i] == LinkDecision.Rejected)
                continue;
            var person = personOf(scored[i].Person);
            var student = StudentOf(scored[i].Student);
            if (decisions[i] == LinkDecision.Accepted)
            {
                var link = new Link(person, student, scored[i].Probability);
                _links[person] = link;
                if (person.Key != 0)
                    _linkByKey[person.Key] = link;
                if (student.Key != 0)
                    _linkByKey[student.Key] = link;
                Suggest(person, student);
                continue;
            }
            var responsible = person.Dispatch.Code != 0 ? person.Dispatch : student.School.Dispatch;
            review.Add(new ResultRow
            {
                Category = Category.Review, Person = person, Student = student,
                MatchProbability = scored[i].Probability, MatchWeight = scored[i].Weight,
                Detail = model.Explain(candidates[i].Pattern, Tf(scored[i].Person)),
                StudentBirthDate = DateOf(StudentRecord(scored[i].Student).Birth),
                Responsible = responsible, Note = RegionNote(responsible),
            });
        }
        review.Sort((a, b) => b.MatchWeight.CompareTo(a.MatchWeight) is var c and not 0 ? c
            : a.Person!.Row.CompareTo(b.Person!.Row) is var d and not 0 ? d : a.Student!.Row.CompareTo(b.Student!.Row));
        return review;
    }

    /// <summary>
    /// Aid rows whose number is broken or missing, linked to the persons listed as enrolled without aid
    /// (aid_missing): a payment made under a mistyped number still reached the child. Only those
    /// persons are probed, so the work stays small. Linked persons leave the list; returns the review rows.
    /// </summary>
    private List<ResultRow> LinkAidRows(LinkageModel model, List<ResultRow> aidMissing)
    {
        var weak = _aidInvalid.Where(x => x.Aid.Key == 0).Select(x => x.Aid).ToList();
        if (weak.Count == 0 || aidMissing.Count == 0)
            return [];
        var index = new BlockIndex();
        Span<long> keys = stackalloc long[8];
        var aidRecords = new LinkRecord[weak.Count];
        for (int j = 0; j < weak.Count; j++)
        {
            var r = aidRecords[j] = AidLink(weak[j]);
            AddAll(index, keys[..BlockingKeysOf(weak[j].Name, r.Birth, r.Birth, r.County, r.OtherCounty, keys)], j);
        }

        var pairs = new HashSet<(int, int)>();
        for (int i = 0; i < aidMissing.Count; i++)
        {
            foreach (long key in keys[..PersonKeys(aidMissing[i].Person!, keys)])
                for (int pos = index.Head(key); pos >= 0; pos = index.Next(pos))
                    pairs.Add((i, index.Value(pos)));
        }

        var list = pairs.OrderBy(x => x.Item1).ThenBy(x => x.Item2).ToList();
        var patterns = list.Select(x => PairComparer.Compare(PersonLink(aidMissing[x.Item1].Person!), aidRecords[x.Item2])).ToList();
        var scored = list.Select((x, i) => new ScoredPair(x.Item1, x.Item2, model.Weight(patterns[i], 0))).ToList();
        var decisions = LinkAssignment.Decide(scored, model.AcceptAt, model.ReviewAt, model.RivalMargin);
        var review = new List<ResultRow>();
        var paid = new HashSet<int>();
        for (int i = 0; i < scored.Count; i++)
        {
            var person = aidMissing[scored[i].Person].Person!;
            var aid = weak[scored[i].Student];
            if (decisions[i] == LinkDecision.Accepted)
            {
                paid.Add(scored[i].Person);
                if (IsResidentKey(person.Key))
                    _suggestions[(Dataset.Aid, aid.Row)] = person.IdText;
            }
            else if (decisions[i] == LinkDecision.Review)
            {
                review.Add(new ResultRow
                {
                    Category = Category.Review, Person = person, Aid = aid,
                    MatchProbability = scored[i].Probability, MatchWeight = scored[i].Weight,
                    Detail = model.Explain(patterns[i], 0), Responsible = person.Dispatch, Note = RegionNote(person.Dispatch),
                });
            }
        }
        var still = aidMissing.Where((_, i) => !paid.Contains(i)).ToList();
        aidMissing.Clear();
        aidMissing.AddRange(still);
        return review;
    }

    /// <summary>aid_missing's condition on the person (SPEC §4), by key or through a link.</summary>
    private bool AwaitsAid(PovertyRecord p, Bidui.Core.Schooling.SchoolStage stage, Link? link) =>
        !p.Deceased && _settings.AidStages.Contains(stage) && !_aidKeys.Contains(p.Key)
        && !(link is not null && _aidKeys.Contains(link.Student.Key));

    private LinkRecord AidLink(AidRecord a)
    {
        string? id = IdDigits.Clean(a.IdGiven);
        int school = a.SchoolCode.Length > 0 && _schoolsByCode.TryGetValue(a.SchoolCode, out var s) ? s.Dispatch.Code : 0;
        return new LinkRecord
        {
            NameForm = PersonName.ComparisonForm(a.Name),
            Id = id,
            Birth = IdDigits.Birth(id),
            Sex = IdDigits.SexOf(id),
            County = CountyOfRegion(IdDigits.Region(id)),
            OtherCounty = school,
            Township = _townships.OfSchool(a.SchoolName),
        };
    }

    private StudentRecord StudentOf(int node) =>
        node < _enrolled.Count ? EnrolmentOf(node) : _weakStudents[node - _enrolled.Count].Record;

    private static DateOnly? DateOf(int yyyymmdd) =>
        yyyymmdd == 0 ? null : new DateOnly(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);

    private static void AddAll(BlockIndex index, ReadOnlySpan<long> keys, int value)
    {
        foreach (long key in keys)
            index.Add(key, value);
    }

    /// <summary>The invalid_id row of the side without a valid number gets the other side's (建议号码).</summary>
    private void Suggest(PovertyRecord person, StudentRecord student)
    {
        // A converted 15-digit number is a number to suggest too (its 18-digit form).
        if (person.Key == 0 && IsResidentKey(student.Key))
            _suggestions[(Dataset.Poverty, person.Row)] = student.IdText;
        if (student.Key == 0 && IsResidentKey(person.Key))
            _suggestions[(Dataset.Students, student.Row)] = person.IdText;
    }

    private void ApplySuggestions(List<ResultRow> invalidIds)
    {
        foreach (var row in invalidIds)
        {
            if (row.Source is { } source && _suggestions.TryGetValue((source, row.SourceRow), out string? id))
                row.SuggestedId = id;
        }
    }

    // ---- estimation ----

    private LinkageModel EstimateModel(IEnumerable<Pattern> candidatePatterns, List<int> matched, long namePopulation)
    {
        var candidates = new PatternCounts();
        foreach (var p in candidatePatterns)
            candidates.Add(p);
        var training = new PatternCounts();

        // Exactly matched pairs (blocked on the ID) teach what a true pair looks like on the other
        // comparisons, read from the person's columns rather than the ID; evenly spaced and weighted
        // so that the sample stands for all of them.
        int step = Math.Max(1, matched.Count / TrainingExactPairs);
        for (int k = 0; k < matched.Count; k += step)
        {
            var p = _poverty[matched[k]];
            _enrolledKeys.TryGetFirst(p.Key, out int entry);
            training.Add(PairComparer.Compare(PersonWithoutId(p), EntryLink(_enrolled[entry])), Math.Min(step, matched.Count - k));
        }

        // u: random pairs of a person and a student, nearly all two different people.
        var random = new PatternCounts();
        int persons = _poverty.Count + _weakPersons.Count, students = _enrolled.Count + _weakStudents.Count;
        if (persons > 0 && students > 0)
        {
            var rng = new Random(20261129); // fixed: the same inputs give the same model
            long n = Math.Min(RandomPairs, (long)persons * students);
            for (long k = 0; k < n; k++)
            {
                int a = rng.Next(persons), b = rng.Next(students);
                var person = PersonLink(a < _poverty.Count ? _poverty[a] : _weakPersons[a - _poverty.Count]);
                var student = b < _enrolled.Count ? EntryLink(_enrolled[b]) : WeakStudentLink(_weakStudents[b - _enrolled.Count]);
                random.Add(PairComparer.Compare(person, student));
            }
        }
        double allPairs = (double)persons * students;
        return ModelEstimator.Estimate(ModelEstimator.EstimateU(random), training, candidates, allPairs, random.Total, namePopulation);
    }

    private const int NameSample = 200_000;

    /// <summary>
    /// How often each needed name occurs, counted on an evenly spaced sample of at most 200,000 poverty
    /// rows (the population the tf stands for): common names, the ones to mark down, are counted well;
    /// a name met at most once in the sample is "rarer than we can tell" and keeps the average weight.
    /// </summary>
    private NameFrequencyTable NameFrequencies(IEnumerable<string> needed)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string name in needed)
            counts[name] = 0;
        long rows = _poverty.Count + _weakPersons.Count;
        int step = (int)Math.Max(1, rows / NameSample);
        long sampled = 0;
        if (counts.Count > 0)
        {
            for (long k = 0; k < rows; k += step, sampled++)
            {
                var p = k < _poverty.Count ? _poverty[(int)k] : _weakPersons[(int)(k - _poverty.Count)];
                // Keyed by the name as written: a name in another script or with a space is missed,
                // which only makes it look a little rarer.
                ref int n = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(counts, p.Name);
                if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref n))
                    n++;
            }
        }
        return new NameFrequencyTable(counts, sampled, rows);
    }

    private sealed class NameFrequencyTable(Dictionary<string, int> counts, long sampled, long population)
    {
        public long Population => population;

        /// <summary>tf of a name; 0 (average weight) when seen at most once in the sample or not asked for.</summary>
        public double Of(string name) =>
            counts.TryGetValue(name, out int n) && n >= 2 ? n / (double)sampled : 0;
    }

    private static string LinkNote(double probability) =>
        string.Create(CultureInfo.InvariantCulture, $"概率匹配（匹配概率 {probability:P1}）");
}
