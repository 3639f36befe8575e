using Bidui.Matching.Records;

namespace Bidui.Matching.Probabilistic;

/// <summary>
/// The tier's blocking: which person × student pairs are compared at all. Weak persons (no key, or
/// another document's) are indexed by blocking key once the register is read, so that every enrolled
/// student with a valid number not in P is probed while its row is at hand; at the end, every person
/// left unmatched is probed against the weak students. Pairs whose names are too far apart to ever
/// reach review are dropped here (<see cref="BlockingKeys.NamesClose"/>).
/// </summary>
internal sealed class CandidateSearch(TierNodes nodes, LinkRecords records)
{
    private BlockIndex? _weakPersons;
    private readonly HashSet<(int Person, long StudentKey)> _streamed = [];

    private void IndexWeakPersons()
    {
        _weakPersons = new BlockIndex();
        Span<long> keys = stackalloc long[BlockingKeys.MaxKeys];
        var register = nodes.Register;
        for (int i = 0; i < register.Count; i++)
        {
            var p = register[i];
            if (!LinkRecords.IsResidentKey(p.Key) && register.TryGetPerson(p.Key, out int first) && first == i)
                _weakPersons.AddAll(keys[..records.PersonKeys(p, keys)], i);
        }
        for (int j = 0; j < nodes.WeakPersons.Count; j++)
            _weakPersons.AddAll(keys[..records.PersonKeys(nodes.WeakPersons[j], keys)], register.Count + j);
    }

    /// <summary>An enrolled student with a valid number not in P: a candidate for every weak person it shares a blocking key with.</summary>
    public void ProbeWeakPersons(ReadOnlySpan<char> name, long key, School school)
    {
        if (_weakPersons is null)
            IndexWeakPersons();
        Span<long> keys = stackalloc long[BlockingKeys.MaxKeys];
        foreach (long k in keys[..records.KeyedStudentKeys(name, key, school, keys)])
            for (int pos = _weakPersons!.Head(k); pos >= 0; pos = _weakPersons.Next(pos))
            {
                int person = _weakPersons.Value(pos);
                if (BlockingKeys.NamesClose(name, nodes.Person(person).Name))
                    _streamed.Add((person, key));
            }
    }

    /// <summary>
    /// The candidate pairs (person node, student node): the pairs found while the registry streamed,
    /// and every unmatched person against the weak students (without a key, or another document's key not in P).
    /// </summary>
    public HashSet<(int Person, int Student)> Pairs(IEnumerable<int> unmatchedPersons)
    {
        var pairs = new HashSet<(int Person, int Student)>();
        var enrolments = nodes.Enrolments;
        // A weak person found enrolled after all was matched exactly and drops out here.
        foreach (var (person, studentKey) in _streamed)
        {
            if (enrolments.TryGetFirst(studentKey, out int entry) && !enrolments.Contains(nodes.Person(person).Key))
                pairs.Add((person, entry));
        }
        _streamed.Clear();

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
                    if (BlockingKeys.NamesClose(person.Name, nodes.StudentName(student)))
                        pairs.Add((node, student));
                }
            }
        }
        return pairs;
    }
}
