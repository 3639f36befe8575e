using Bidui.Core.Identity;
using Bidui.Matching.Records;

namespace Bidui.Matching.Probabilistic;

/// <summary>
/// The tier's blocking: which person × student pairs are compared at all.
/// <list type="bullet">
/// <item>Weak persons (no key, or another document's) are indexed by blocking key once the register is
/// read, so that every enrolled student with a valid number not in P is probed while its row is at hand.</item>
/// <item>A valid number not in P that lost its last digits (…000, or cut to 15 and read as an old
/// number) is looked up among the register's numbers by its first fifteen digits.</item>
/// <item>At the end, every person left unmatched is probed against the weak students (without a key, or
/// with another document's, or with another register person's number).</item>
/// <item>A row with another register person's number is paired with the other members of that person's
/// household; a 学籍号 holding a register number pairs its row with that person.</item>
/// </list>
/// Pairs whose names are too far apart to ever reach review are dropped (<see cref="BlockingKeys.NamesClose"/>),
/// except the household's and the 学籍号's, which stand on other evidence.
/// </summary>
internal sealed class CandidateSearch(TierNodes nodes, LinkRecords records)
{
    private BlockIndex? _weakPersons;
    private readonly HashSet<(int Person, int Entry)> _streamed = [];
    private readonly HashSet<(int Person, int Entry)> _byFirst15 = [];
    // Register keys in order, with their person's index: numbers that lost their last digits are found by range.
    private (long Key, int Person)[]? _sortedKeys;

    private void IndexWeakPersons()
    {
        _weakPersons = new BlockIndex();
        Span<long> keys = stackalloc long[BlockingKeys.MaxKeys];
        var register = nodes.Register;
        for (int i = 0; i < register.Count; i++)
        {
            var p = register[i];
            if ((!LinkRecords.IsResidentKey(p.Key) || MayHaveLostDigits(p)) && register.TryGetPerson(p.Key, out int first) && first == i)
                _weakPersons.AddAll(keys[..records.PersonKeys(p, keys)], i);
        }
        for (int j = 0; j < nodes.WeakPersons.Count; j++)
            _weakPersons.AddAll(keys[..records.PersonKeys(nodes.WeakPersons[j], keys)], register.Count + j);
    }

    /// <summary>
    /// A register number valid only by chance, what is left of a longer one: …000 (Excel zeroed the last
    /// three digits and the check character happened to be 0) or a cut number read as an old 15-digit one.
    /// Its person is probed like one without a number.
    /// </summary>
    public static bool MayHaveLostDigits(PovertyRecord p) =>
        p.IdProblem == IdProblem.Legacy15 || p.Key % 100 == 0 && LinkRecords.IsResidentKey(p.Key) && ResidentId.Format(p.Key)[17] == '0';

    /// <summary>
    /// An enrolled student with a valid number not in P (enrolment <paramref name="entry"/>; every row of a
    /// key is its own candidate, since one of two rows under one number may be another child's): a
    /// candidate for every weak person it shares a blocking key with.
    /// </summary>
    public void ProbeWeakPersons(ReadOnlySpan<char> name, long key, School school, int entry)
    {
        if (_weakPersons is null)
            IndexWeakPersons();
        Span<long> keys = stackalloc long[BlockingKeys.MaxKeys];
        foreach (long k in keys[..records.KeyedStudentKeys(name, key, school, keys)])
            for (int pos = _weakPersons!.Head(k); pos >= 0; pos = _weakPersons.Next(pos))
            {
                int person = _weakPersons.Value(pos);
                if (BlockingKeys.NamesClose(name, nodes.Person(person).Name))
                    _streamed.Add((person, entry));
            }
    }

    /// <summary>
    /// A valid number not in P whose first fifteen digits may be all that is left of a register person's
    /// (<paramref name="first15"/>, as a number): every register person whose number begins with them is a candidate.
    /// </summary>
    public void ProbeByFirst15(long first15, int entry)
    {
        _sortedKeys ??= SortedKeys();
        long low = first15 * 100, high = low + 99; // a key is the 17 leading digits
        int i = LowerBound(_sortedKeys, low);
        for (; i < _sortedKeys.Length && _sortedKeys[i].Key <= high; i++)
            _byFirst15.Add((_sortedKeys[i].Person, entry));
    }

    private (long, int)[] SortedKeys()
    {
        var register = nodes.Register;
        var list = new List<(long Key, int Person)>(register.Count);
        for (int i = 0; i < register.Count; i++)
        {
            long key = register[i].Key;
            if (LinkRecords.IsResidentKey(key) && register.TryGetPerson(key, out int first) && first == i)
                list.Add((key, i));
        }
        list.Sort((a, b) => a.Key.CompareTo(b.Key));
        return [.. list];
    }

    private static int LowerBound((long Key, int Person)[] sorted, long key)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].Key < key)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    /// <summary>The candidate pairs (person node, student node), the persons restricted to those <paramref name="open"/> says may still be linked.</summary>
    public HashSet<(int Person, int Student)> Pairs(IReadOnlyList<int> unmatchedPersons, Func<int, bool> open)
    {
        var pairs = new HashSet<(int Person, int Student)>();
        var enrolments = nodes.Enrolments;
        // A weak person found enrolled after all was matched exactly and drops out here.
        foreach (var (person, entry) in _streamed)
        {
            if (open(person))
                pairs.Add((person, entry));
        }
        _streamed.Clear();
        foreach (var (person, entry) in _byFirst15)
        {
            if (open(person))
                pairs.Add((person, entry));
        }

        var weakStudents = new BlockIndex();
        Span<long> keys = stackalloc long[BlockingKeys.MaxKeys];
        foreach (long key in records.OtherDocumentStudentKeys)
        {
            if (!nodes.Register.TryGetPerson(key, out _) && enrolments.TryGetFirst(key, out int entry))
                weakStudents.AddAll(keys[..records.EnrolmentKeys(entry, keys)], entry);
        }
        for (int j = 0; j < nodes.WeakStudents.Count; j++)
            weakStudents.AddAll(keys[..records.StudentKeys(nodes.WeakStudents[j], keys)], enrolments.Count + j);

        foreach (int node in unmatchedPersons)
        {
            var person = nodes.Person(node);
            foreach (long key in keys[..records.PersonKeys(person, keys)])
            {
                for (int pos = weakStudents.Head(key); pos >= 0; pos = weakStudents.Next(pos))
                {
                    int student = weakStudents.Value(pos);
                    if (BlockingKeys.NamesClose(person.Name, nodes.StudentName(student)) && !IsOwner(node, student))
                        pairs.Add((node, student));
                }
            }
        }

        AddHouseholdPairs(pairs, open);
        AddStudentNumberPairs(pairs, open);
        return pairs;
    }

    // The row's number is this person's own: that pair is the exact one, weighed apart as the incumbent.
    private bool IsOwner(int person, int student) =>
        nodes.IsWeakStudent(student) && nodes.WeakStudent(student).Owner == person;

    /// <summary>Each row with another register person's number, against the other members of that person's household.</summary>
    private void AddHouseholdPairs(HashSet<(int Person, int Student)> pairs, Func<int, bool> open)
    {
        foreach (var (student, members) in nodes.HouseholdsOfBorrowedRows())
        {
            foreach (int person in members)
            {
                if (person != nodes.WeakStudent(student).Owner && open(person))
                    pairs.Add((person, student));
            }
        }
    }

    /// <summary>A 学籍号 that holds a register person's valid number, not the row's own: that person is a candidate for the row.</summary>
    private void AddStudentNumberPairs(HashSet<(int Person, int Student)> pairs, Func<int, bool> open)
    {
        var today = DateOnly.MaxValue;
        void Pair(string digits, int student)
        {
            var id = ResidentId.Parse(digits, today);
            if (id.Problem == IdProblem.None && nodes.Register.TryGetPerson(id.Key, out int person) && open(person) && !IsOwner(person, student))
                pairs.Add((person, student));
        }
        foreach (var (entry, digits) in records.EnrolmentStudentNumbers)
            Pair(digits, entry);
        for (int j = 0; j < nodes.WeakStudents.Count; j++)
        {
            if (nodes.WeakStudents[j].StudentNumber is { } digits)
                Pair(digits, nodes.Enrolments.Count + j);
        }
    }
}
