using System.Globalization;
using Bidui.Core.Identity;
using Bidui.Core.Names;
using Bidui.Matching.Categories;
using Bidui.Matching.Probabilistic;
using Bidui.Matching.Records;

namespace Bidui.Matching.Engine;

/// <summary>The probabilistic tier's run: candidate pairs, scores, one-to-one decisions, links and review rows.</summary>
public sealed partial class ComparisonEngine
{
    // Weak persons (no key, or another document's) by blocking key, built once the register is read,
    // so that every enrolled student not in P can be probed while its row is at hand.
    private BlockIndex? _weakPersonIndex;
    private readonly HashSet<(int Person, long StudentKey)> _streamedCandidates = [];

    private PovertyRecord PersonNode(int node) => node < _poverty.Count ? _poverty[node] : _weakPersons[node - _poverty.Count];

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
            {
                int person = _weakPersonIndex.Value(pos);
                if (BlockingKeys.NamesClose(name, PersonNode(person).Name))
                    _streamedCandidates.Add((person, key));
            }
    }

    /// <summary>Finds the candidate pairs, scores them, links one to one and returns the review rows.</summary>
    private List<ResultRow> LinkUnmatched()
    {
        // Person nodes: index in _poverty (first rows not in E), or _poverty.Count + index in _weakPersons.
        // Student nodes: index in _enrolled (first row of its key, key not in P), or _enrolled.Count + index in _weakStudents.
        var personOf = PersonNode;
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
            var person = personOf(node);
            foreach (long key in keys[..PersonKeys(person, keys)])
            {
                for (int pos = weakStudentIndex.Head(key); pos >= 0; pos = weakStudentIndex.Next(pos))
                {
                    int student = weakStudentIndex.Value(pos);
                    var name = student < _enrolled.Count ? _enrolledNames.Span(_enrolled[student].Name) : _weakStudents[student - _enrolled.Count].Record.Name;
                    if (BlockingKeys.NamesClose(person.Name, name))
                        pairs.Add((node, student));
                }
            }
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
            {
                for (int pos = index.Head(key); pos >= 0; pos = index.Next(pos))
                {
                    if (BlockingKeys.NamesClose(aidMissing[i].Person!.Name, weak[index.Value(pos)].Name))
                        pairs.Add((i, index.Value(pos)));
                }
            }
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
                _aidRowLinks[aid] = (person, aidMissing[scored[i].Person].Student!);
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
}
