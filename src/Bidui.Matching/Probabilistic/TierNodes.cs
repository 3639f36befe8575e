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

    public LinkRecord PersonRecord(LinkRecords records, int node) => records.Person(Person(node));

    public LinkRecord StudentRecord(LinkRecords records, int node) =>
        node < Enrolments.Count ? records.Enrolment(node) : records.Student(WeakStudent(node));
}
