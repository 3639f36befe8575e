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
    /// <param name="referenceDate">The day ages are taken on (SPEC §3), to compare a person's age with a grade.</param>
    /// <param name="regionNote">The engine's 备注 for a responsible county (it counts the notes).</param>
    public ProbabilisticTier(LinkageModel? savedModel, CountyLocator counties, IRegisterView register, IEnrolmentView enrolments,
        DateOnly referenceDate, Func<DispatchCounty, string> regionNote)
    {
        _savedModel = savedModel;
        _regionNote = regionNote;
        _nodes = new TierNodes(register, enrolments);
        _records = new LinkRecords(counties, register, enrolments, referenceDate);
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

    /// <summary>An enrolled student row without a key, with its 出生日期, 性别 and 学籍号 cells.</summary>
    public void AddStudentWithoutKey(StudentRecord student, ReadOnlySpan<char> birthCell, ReadOnlySpan<char> sexCell,
        ReadOnlySpan<char> studentNumberCell)
    {
        string? studentNumber = StudentNumbers.Digits(studentNumberCell);
        if (studentNumber is not null && studentNumber == IdDigits.Clean(student.IdGiven))
            studentNumber = null; // the same digits as the ID cell: nothing new
        _nodes.WeakStudents.Add(new WeakStudent(student, BirthCell(birthCell), SexText.Parse(sexCell.Trim()), studentNumber));
    }

    /// <summary>An enrolled student with another document's key (SPEC §2.2), with its 出生日期 and 性别 cells.</summary>
    public void AddOtherDocumentStudent(long key, ReadOnlySpan<char> birthCell, ReadOnlySpan<char> sexCell) =>
        _records.AddOtherDocumentStudent(key, BirthCell(birthCell), SexText.Parse(sexCell.Trim()));

    /// <summary>
    /// An enrolled student whose valid number is not in P, while its row is at hand (it was just added as
    /// enrolment <paramref name="entry"/>): probed against the weak persons; a 学籍号 of its own is kept
    /// (with the row's 出生日期 and 性别: when the 学籍号 is another number, the ID may not be the child's);
    /// a number that may have lost its last digits (…000, or an old 15-digit reading of a cut number) is
    /// looked up by its first fifteen.
    /// </summary>
    public void AddUnplacedStudent(ReadOnlySpan<char> name, long key, School school, int entry, ReadOnlySpan<char> studentNumberCell,
        ReadOnlySpan<char> birthCell, ReadOnlySpan<char> sexCell, IdProblem problem)
    {
        _search.ProbeWeakPersons(name, key, school, entry);
        if (!studentNumberCell.IsWhiteSpace() && !StudentNumbers.HoldsKey(studentNumberCell, key) && StudentNumbers.Digits(studentNumberCell) is { } digits)
            _records.AddStudentNumber(entry, digits, BirthCell(birthCell), SexText.Parse(sexCell.Trim()));
        if (problem == IdProblem.Legacy15)
            _search.ProbeByFirst15(LinkRecords.RegionOfKey(key) * 1_000_000_000L + key % 1_000_000_000, entry);
        else if (key % 100 == 0 && ResidentId.Format(key)[17] == '0')
            _search.ProbeByFirst15(key / 100, entry);
    }

    /// <summary>
    /// An enrolled row whose valid number is register person <paramref name="owner"/>'s though the names
    /// differ (its exact pair is in identity_conflict): weighed again at the end as if its number were
    /// broken, the owner's household first (SPEC §4.3). 出生日期 and 性别 cells that only repeat what the
    /// number says are no evidence of the child and are left out.
    /// </summary>
    public void AddNumberOfAnother(StudentRecord student, int owner, int entry, ReadOnlySpan<char> birthCell, ReadOnlySpan<char> sexCell,
        ReadOnlySpan<char> studentNumberCell)
    {
        long key = student.Key;
        int birth = BirthCell(birthCell);
        if (birth == LinkRecords.BirthOfKey(key))
            birth = 0;
        var sex = SexText.Parse(sexCell.Trim());
        if (sex == LinkRecords.SexOfKey(key))
            sex = Sex.Unknown;
        string? studentNumber = StudentNumbers.HoldsKey(studentNumberCell, key) ? null : StudentNumbers.Digits(studentNumberCell);
        _nodes.WeakStudents.Add(new WeakStudent(student, birth, sex, studentNumber, owner, entry));
    }

    /// <summary>A 出生日期 cell as yyyyMMdd; 0 when it cannot be read.</summary>
    public static int BirthCell(ReadOnlySpan<char> cell) =>
        Bidui.Core.Dates.FlexibleDate.TryParse(cell.Trim(), out var d) ? LinkRecord.BirthNumber(d) : 0;

    // ---- the tier's run ----

    /// <summary>Finds the candidate pairs, scores them, links one to one (into <see cref="Links"/>) and returns the review rows.</summary>
    public List<ResultRow> LinkUnmatched()
    {
        var register = _nodes.Register;
        var enrolments = _nodes.Enrolments;

        // Persons matched exactly (they train the model) and not (they are probed). A person whose every
        // enrolled row carries their number under another name may lose them all: probed too.
        var borrowedRows = new Dictionary<int, int>();
        foreach (var w in _nodes.WeakStudents)
        {
            if (w.NumberOfAnother)
                borrowedRows[w.Owner] = borrowedRows.GetValueOrDefault(w.Owner) + 1;
        }
        var open = new bool[register.Count];
        var unmatchedPersons = new List<int>();
        var matchedPersons = new List<int>();
        for (int i = 0; i < register.Count; i++)
        {
            long key = register[i].Key;
            if (register.TryGetPerson(key, out int first) && first != i)
                continue; // a later row of a person
            if (!enrolments.Contains(key))
                open[i] = true;
            else if (!borrowedRows.TryGetValue(i, out int n))
                matchedPersons.Add(i);
            else
                open[i] = n == enrolments.CountOf(key);
            if (open[i])
                unmatchedPersons.Add(i);
        }
        for (int j = 0; j < _nodes.WeakPersons.Count; j++)
            unmatchedPersons.Add(register.Count + j);
        bool Open(int node) => node >= register.Count || open[node];
        var pairs = _search.Pairs(unmatchedPersons, Open);

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
        Model = _savedModel ?? training.Estimate(candidates.Select(c => c.Pattern), matchedPersons, frequencies.Population,
            _nodes.HouseholdMemberShare());
        var model = Model;
        double Tf(int person) => frequencies.Of(PersonRecord(person).NameForm);

        var scored = candidates.Select(c => new ScoredPair(c.Person, c.Student, model.Weight(c.Pattern, Tf(c.Person)))).ToList();
        // A row with another register person's number has its exact pair: a rival any other person must lead.
        var incumbents = new Dictionary<int, double>();
        for (int j = 0; j < _nodes.WeakStudents.Count; j++)
        {
            var w = _nodes.WeakStudents[j];
            if (w.NumberOfAnother)
                incumbents[enrolments.Count + j] = model.Weight(PairComparer.Compare(_records.Person(register[w.Owner]), _records.StudentAsOwner(w)), 0);
        }
        var decisions = LinkAssignment.Decide(scored, model.AcceptAt, model.ReviewAt, model.RivalMargin,
            node => incumbents.TryGetValue(node, out double w) ? w : double.NegativeInfinity);

        // Rows linked away from their number's owner: the owner keeps the enrolment left, if any.
        var reassigned = new HashSet<int>();
        for (int i = 0; i < scored.Count; i++)
        {
            if (decisions[i] == LinkDecision.Accepted && _nodes.IsWeakStudent(scored[i].Student) && _nodes.WeakStudent(scored[i].Student).NumberOfAnother)
                reassigned.Add(_nodes.WeakStudent(scored[i].Student).Entry);
        }
        FindEnrolmentsLeft(reassigned);

        // Links and the review list.
        var review = new List<ResultRow>();
        for (int i = 0; i < scored.Count; i++)
        {
            if (decisions[i] == LinkDecision.Rejected)
                continue;
            var person = _nodes.Person(scored[i].Person);
            var student = _nodes.Student(scored[i].Student);
            bool borrowed = _nodes.IsWeakStudent(scored[i].Student) && _nodes.WeakStudent(scored[i].Student).NumberOfAnother;
            if (decisions[i] == LinkDecision.Accepted)
            {
                // A person whose every enrolled row carries their number under another name, now linked to a
                // row of their own: the link is their enrolment (the exact pairs stay in identity_conflict).
                if (scored[i].Person < register.Count && enrolments.Contains(person.Key))
                    Links.SetEnrolmentInstead(person.Key, -1);
                Links.Add(new Link(person, student, scored[i].Probability, borrowed));
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

    // For every key with rows linked away: its first enrolled row that stays, or -1.
    private void FindEnrolmentsLeft(HashSet<int> reassigned)
    {
        if (reassigned.Count == 0)
            return;
        var enrolments = _nodes.Enrolments;
        var keys = new Dictionary<long, int>();
        foreach (int entry in reassigned)
            keys[enrolments[entry].Key] = -1;
        // Few keys; one pass over the enrolments in file order finds the first row of each that stays.
        for (int i = 0; i < enrolments.Count; i++)
        {
            long key = enrolments[i].Key;
            if (keys.TryGetValue(key, out int left) && left < 0 && !reassigned.Contains(i))
                keys[key] = i;
        }
        foreach (var (key, left) in keys)
            Links.SetEnrolmentInstead(key, left);
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
