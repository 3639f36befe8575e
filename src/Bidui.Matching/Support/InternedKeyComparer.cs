using System.Runtime.CompilerServices;
using Bidui.Core.Schooling;
using Bidui.Matching.Records;

namespace Bidui.Matching.Support;

/// <summary>
/// Equality for tuples of interned strings and shared objects: every component comes out of
/// <see cref="TextPool"/> (or is a shared instance), so identity is equality and the hash of a
/// reference is enough. The default comparer would hash every character of every component again
/// on each of ten million rows (the profile showed it at several percent of the whole run).
/// </summary>
internal sealed class InternedKeyComparer :
    IEqualityComparer<(string, string, string, string, string, string, string)>,
    IEqualityComparer<(School, SchoolStage, string, string, string)>
{
    public static InternedKeyComparer Instance { get; } = new();

    private static int H(object o) => RuntimeHelpers.GetHashCode(o);

    public bool Equals((string, string, string, string, string, string, string) x, (string, string, string, string, string, string, string) y) =>
        ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2) && ReferenceEquals(x.Item3, y.Item3)
        && ReferenceEquals(x.Item4, y.Item4) && ReferenceEquals(x.Item5, y.Item5) && ReferenceEquals(x.Item6, y.Item6)
        && ReferenceEquals(x.Item7, y.Item7);

    public int GetHashCode((string, string, string, string, string, string, string) k) =>
        HashCode.Combine(H(k.Item1), H(k.Item2), H(k.Item3), H(k.Item4), H(k.Item5), H(k.Item6), H(k.Item7));

    public bool Equals((School, SchoolStage, string, string, string) x, (School, SchoolStage, string, string, string) y) =>
        ReferenceEquals(x.Item1, y.Item1) && x.Item2 == y.Item2 && ReferenceEquals(x.Item3, y.Item3)
        && ReferenceEquals(x.Item4, y.Item4) && ReferenceEquals(x.Item5, y.Item5);

    public int GetHashCode((School, SchoolStage, string, string, string) k) =>
        HashCode.Combine(H(k.Item1), k.Item2, H(k.Item3), H(k.Item4), H(k.Item5));
}
