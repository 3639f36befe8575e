using Bidui.Core.Identity;
using Bidui.Core.Regions;
using Bidui.Matching.Categories;
using Bidui.Matching.Records;
using Bidui.Matching.Support;

namespace Bidui.Matching.Probabilistic;

/// <summary>
/// The probabilistic tier (SPEC §4.3, issue 3): after exact matching, links the poverty persons not
/// found enrolled with the enrolled students whose key is not in P, when one side's ID is missing,
/// broken or of another document type (two valid, different resident IDs are two people). The exact
/// engine hands it, while it reads, the rows it cannot key and the students it cannot place, and gives
/// it read-only views of the persons and enrolments; blocking keeps the pairs few
/// (<see cref="CandidateSearch"/>), a Fellegi–Sunter model scores them, <see cref="LinkAssignment"/>
/// decides one to one, and the engine derives its lists through <see cref="Links"/>.
/// </summary>
internal sealed class ProbabilisticTier
{
    private readonly LinkageModel? _savedModel;
    private readonly Func<DispatchCounty, string> _regionNote;
    private readonly TierNodes _nodes;
    private readonly LinkRecords _records;
    private readonly CandidateSearch _search;

    /// <param name="savedModel">A model saved by `bidui model`; null estimates one from the run's data.</param>
    /// <param name="regionNote">The engine's 备注 for a responsible county (it counts the notes).</param>
    public ProbabilisticTier(LinkageModel? savedModel, CountyLocator counties, IRegisterView register, IEnrolmentView enrolments,
        Func<DispatchCounty, string> regionNote)
    {
        _savedModel = savedModel;
        _regionNote = regionNote;
        _nodes = new TierNodes(register, enrolments);
        _records = new LinkRecords(counties, enrolments);
        _search = new CandidateSearch(_nodes, _records);
    }

    /// <summary>The model the tier used (given or estimated); null before <see cref="LinkUnmatched"/>.</summary>
    public LinkageModel? Model { get; private set; }

    public TierLinks Links { get; } = new();

    /// <summary>Register rows without a key: they join the lists only through a link.</summary>
    public IReadOnlyList<PovertyRecord> PersonsWithoutKey => _nodes.WeakPersons;

    // ---- what the exact engine hands over while it reads ----

    /// <summary>A township (乡镇) of the register, to recognise in school names.</summary>
    public void AddTownship(string township) => _records.Townships.Add(township);

    public void AddPersonWithoutKey(PovertyRecord person) => _nodes.WeakPersons.Add(person);

    /// <summary>An enrolled student row without a key, with its 出生日期 and 性别 cells.</summary>
    public void AddStudentWithoutKey(StudentRecord student, ReadOnlySpan<char> birthCell, ReadOnlySpan<char> sexCell) =>
        _nodes.WeakStudents.Add(new WeakStudent(student, BirthCell(birthCell), SexText.Parse(sexCell.Trim())));

    /// <summary>An enrolled student with another document's key (SPEC §2.2), with its 出生日期 and 性别 cells.</summary>
    public void AddOtherDocumentStudent(long key, ReadOnlySpan<char> birthCell, ReadOnlySpan<char> sexCell) =>
        _records.AddOtherDocumentStudent(key, BirthCell(birthCell), SexText.Parse(sexCell.Trim()));

    /// <summary>An enrolled student whose valid number is not in P, while its row is at hand.</summary>
    public void AddUnplacedStudent(ReadOnlySpan<char> name, long key, School school) => _search.ProbeWeakPersons(name, key, school);

    /// <summary>A 出生日期 cell as yyyyMMdd; 0 when it cannot be read.</summary>
    public static int BirthCell(ReadOnlySpan<char> cell) =>
        Bidui.Core.Dates.FlexibleDate.TryParse(cell.Trim(), out var d) ? LinkRecord.BirthNumber(d) : 0;

    // ---- the tier's run ----

    /// <summary>Finds the candidate pairs, scores them, links one to one (into <see cref="Links"/>) and returns the review rows.</summary>
    public List<ResultRow> LinkUnmatched()
    {
        // Persons matched exactly (they train the model) and not (they are probed).
        var register = _nodes.Register;
        var enrolments = _nodes.Enrolments;
        var unmatchedPersons = new List<int>();
        var matchedPersons = new List<int>();
        for (int i = 0; i < register.Count; i++)
        {
            if (register.TryGetPerson(register[i].Key, out int first) && first != i)
                continue; // a later row of a person
            (enrolments.Contains(register[i].Key) ? matchedPersons : unmatchedPersons).Add(i);
        }
        for (int j = 0; j < _nodes.WeakPersons.Count; j++)
            unmatchedPersons.Add(register.Count + j);
        var pairs = _search.Pairs(unmatchedPersons);

        // Compare and score.
        var personRecords = new Dictionary<int, LinkRecord>();
        var studentRecords = new Dictionary<int, LinkRecord>();
        LinkRecord PersonRecord(int node) => personRecords.TryGetValue(node, out var r) ? r : personRecords[node] = _nodes.PersonRecord(_records, node);
        LinkRecord StudentRecord(int node) => studentRecords.TryGetValue(node, out var r) ? r : studentRecords[node] = _nodes.StudentRecord(_records, node);

        var candidates = pairs.OrderBy(p => p.Person).ThenBy(p => p.Student)
            .Select(p => (p.Person, p.Student, Pattern: PairComparer.Compare(PersonRecord(p.Person), StudentRecord(p.Student))))
            .ToList();
        var training = new ModelTraining(_nodes, _records);
        var frequencies = training.NameFrequencies(candidates.Where(c => c.Pattern.Level(Comparison.Name) == Comparison.NameLevel.Equal)
            .Select(c => PersonRecord(c.Person).NameForm));
        Model = _savedModel ?? training.Estimate(candidates.Select(c => c.Pattern), matchedPersons, frequencies.Population);
        var model = Model;
        double Tf(int person) => frequencies.Of(PersonRecord(person).NameForm);

        var scored = candidates.Select(c => new ScoredPair(c.Person, c.Student, model.Weight(c.Pattern, Tf(c.Person)))).ToList();
        var decisions = LinkAssignment.Decide(scored, model.AcceptAt, model.ReviewAt, model.RivalMargin);

        // Links and the review list.
        var review = new List<ResultRow>();
        for (int i = 0; i < scored.Count; i++)
        {
            if (decisions[i] == LinkDecision.Rejected)
                continue;
            var person = _nodes.Person(scored[i].Person);
            var student = _nodes.Student(scored[i].Student);
            if (decisions[i] == LinkDecision.Accepted)
            {
                Links.Add(new Link(person, student, scored[i].Probability));
                continue;
            }
            var responsible = person.Dispatch.Code != 0 ? person.Dispatch : student.School.Dispatch;
            review.Add(new ResultRow
            {
                Category = Category.Review, Person = person, Student = student,
                MatchProbability = scored[i].Probability, MatchWeight = scored[i].Weight,
                Detail = model.Explain(candidates[i].Pattern, Tf(scored[i].Person)),
                StudentBirthDate = DateOf(StudentRecord(scored[i].Student).Birth),
                Responsible = responsible, Note = _regionNote(responsible),
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
    public List<ResultRow> LinkAidRows(IReadOnlyList<AidRecord> weak, List<ResultRow> aidMissing)
    {
        if (weak.Count == 0 || aidMissing.Count == 0)
            return [];
        var model = Model ?? throw new InvalidOperationException("LinkUnmatched comes first.");
        var index = new BlockIndex();
        Span<long> keys = stackalloc long[BlockingKeys.MaxKeys];
        var aidRecords = new LinkRecord[weak.Count];
        for (int j = 0; j < weak.Count; j++)
        {
            var r = aidRecords[j] = _records.Aid(weak[j]);
            index.AddAll(keys[.._records.AidKeys(weak[j], r, keys)], j);
        }

        var pairs = new HashSet<(int, int)>();
        for (int i = 0; i < aidMissing.Count; i++)
        {
            foreach (long key in keys[.._records.PersonKeys(aidMissing[i].Person!, keys)])
            {
                for (int pos = index.Head(key); pos >= 0; pos = index.Next(pos))
                {
                    if (BlockingKeys.NamesClose(aidMissing[i].Person!.Name, weak[index.Value(pos)].Name))
                        pairs.Add((i, index.Value(pos)));
                }
            }
        }

        var list = pairs.OrderBy(x => x.Item1).ThenBy(x => x.Item2).ToList();
        var patterns = list.Select(x => PairComparer.Compare(_records.Person(aidMissing[x.Item1].Person!), aidRecords[x.Item2])).ToList();
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
                Links.AddAid(aid, person, aidMissing[scored[i].Person].Student!);
            }
            else if (decisions[i] == LinkDecision.Review)
            {
                review.Add(new ResultRow
                {
                    Category = Category.Review, Person = person, Aid = aid,
                    MatchProbability = scored[i].Probability, MatchWeight = scored[i].Weight,
                    Detail = model.Explain(patterns[i], 0), Responsible = person.Dispatch, Note = _regionNote(person.Dispatch),
                });
            }
        }
        var still = aidMissing.Where((_, i) => !paid.Contains(i)).ToList();
        aidMissing.Clear();
        aidMissing.AddRange(still);
        return review;
    }

    private static DateOnly? DateOf(int yyyymmdd) =>
        yyyymmdd == 0 ? null : new DateOnly(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
}
