using Bidui.Matching.Records;

namespace Bidui.Matching.Probabilistic;

/// <summary>
/// The poverty register's keyed rows as the exact engine holds them, read-only for the probabilistic
/// tier. Rows are numbered in file order; a key's first row is its person (SPEC §4).
/// </summary>
internal interface IRegisterView
{
    int Count { get; }
    PovertyRecord this[int index] { get; }
    /// <summary>The index of the person (first row) with this key.</summary>
    bool TryGetPerson(long key, out int index);
}

/// <summary>The enrolled, keyed student rows as the exact engine holds them, read-only for the probabilistic tier.</summary>
internal interface IEnrolmentView
{
    int Count { get; }
    StudentEntry this[int index] { get; }
    /// <summary>The name of the row at this index, as given.</summary>
    ReadOnlySpan<char> NameOf(int index);
    /// <summary>The index of the key's first enrolled row (the key's enrolment, SPEC §4).</summary>
    bool TryGetFirst(long key, out int index);
    bool Contains(long key);
    /// <summary>How many enrolled rows carry the key.</summary>
    int CountOf(long key);
    /// <summary>The row as a list shows it.</summary>
    StudentRecord RecordOf(int index);
    /// <summary>The registry's first school with this 学校标识码; null when none.</summary>
    School? SchoolByCode(string code);
}
