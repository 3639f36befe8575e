using Bidui.Matching.Records;

namespace Bidui.Matching.Probabilistic;

/// <summary>
/// One numbering of the records the tier pairs. Person nodes: the register's keyed rows (index in the
/// register view), then the rows without a key. Student nodes: the enrolled keyed rows (index in the
/// enrolment view), then the enrolled rows without a key.
/// </summary>
internal sealed class TierNodes(IRegisterView register, IEnrolmentView enrolments)
{
    public IRegisterView Register { get; } = register;
    public IEnrolmentView Enrolments { get; } = enrolments;
    /// <summary>Register rows without a key (none, or a broken number).</summary>
    public List<PovertyRecord> WeakPersons { get; } = [];
    /// <summary>Enrolled registry rows without a key.</summary>
    public List<WeakStudent> WeakStudents { get; } = [];

    public int PersonCount => Register.Count + WeakPersons.Count;
    public int StudentCount => Enrolments.Count + WeakStudents.Count;

    public PovertyRecord Person(int node) => node < Register.Count ? Register[node] : WeakPersons[node - Register.Count];

    public bool IsWeakStudent(int node) => node >= Enrolments.Count;

    public WeakStudent WeakStudent(int node) => WeakStudents[node - Enrolments.Count];

    public ReadOnlySpan<char> StudentName(int node) =>
        node < Enrolments.Count ? Enrolments.NameOf(node) : WeakStudent(node).Record.Name;

    public StudentRecord Student(int node) => node < Enrolments.Count ? Enrolments.RecordOf(node) : WeakStudent(node).Record;

    private Dictionary<string, List<int>>? _households;

    /// <summary>
    /// For each row whose number is another register person's: that person's household, as person nodes
    /// (the owner among them). Rows whose owner has no 户编号 have none.
    /// </summary>
    public IEnumerable<(int Student, List<int> Members)> HouseholdsOfBorrowedRows()
    {
        _households ??= Households();
        for (int j = 0; j < WeakStudents.Count; j++)
        {
            var w = WeakStudents[j];
            if (w.NumberOfAnother && _households.TryGetValue(Register[w.Owner].HouseholdId, out var members))
                yield return (Enrolments.Count + j, members);
        }
    }

    /// <summary>
    /// For a row whose number is another register person's, the chance that a random person is of that
    /// person's household but not that person (averaged over such rows): u of the household level.
    /// </summary>
    public double HouseholdMemberShare()
    {
        var rows = HouseholdsOfBorrowedRows().ToList();
        return rows.Count == 0 || PersonCount == 0 ? 0 : rows.Average(r => r.Members.Count - 1) / PersonCount;
    }

    // The households of the owners of rows with another register person's number, and their members.
    private Dictionary<string, List<int>> Households()
    {
        var needed = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var w in WeakStudents)
        {
            if (w.NumberOfAnother && Register[w.Owner].HouseholdId is { Length: > 0 } household)
                needed.TryAdd(household, []);
        }
        if (needed.Count == 0)
            return needed;
        for (int i = 0; i < Register.Count; i++)
        {
            var p = Register[i];
            if (p.HouseholdId.Length > 0 && needed.TryGetValue(p.HouseholdId, out var members)
                && Register.TryGetPerson(p.Key, out int first) && first == i)
                members.Add(i);
        }
        for (int j = 0; j < WeakPersons.Count; j++)
        {
            if (WeakPersons[j].HouseholdId.Length > 0 && needed.TryGetValue(WeakPersons[j].HouseholdId, out var members))
                members.Add(Register.Count + j);
        }
        return needed;
    }

    public LinkRecord PersonRecord(LinkRecords records, int node) => records.Person(Person(node));

    public LinkRecord StudentRecord(LinkRecords records, int node) =>
        node < Enrolments.Count ? records.Enrolment(node) : records.Student(WeakStudent(node));
}
