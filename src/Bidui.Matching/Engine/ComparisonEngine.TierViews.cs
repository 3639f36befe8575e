using Bidui.Matching.Probabilistic;
using Bidui.Matching.Records;

namespace Bidui.Matching.Engine;

public sealed partial class ComparisonEngine
{
    /// <summary>The register's keyed rows, read-only, for the probabilistic tier.</summary>
    private sealed class RegisterView(ComparisonEngine engine) : IRegisterView
    {
        public int Count => engine._poverty.Count;
        public PovertyRecord this[int index] => engine._poverty[index];
        public bool TryGetPerson(long key, out int index) => engine._povertyKeys.TryGetFirst(key, out index);
    }

    /// <summary>The enrolled keyed rows, read-only, for the probabilistic tier.</summary>
    private sealed class EnrolmentView(ComparisonEngine engine) : IEnrolmentView
    {
        public int Count => engine._enrolled.Count;
        public StudentEntry this[int index] => engine._enrolled[index];
        public ReadOnlySpan<char> NameOf(int index) => engine._enrolledNames.Span(engine._enrolled[index].Name);
        public bool TryGetFirst(long key, out int index) => engine._enrolledKeys.TryGetFirst(key, out index);
        public bool Contains(long key) => engine._enrolledKeys.Contains(key);
        public int CountOf(long key) => engine._enrolledKeys.CountOf(key);
        public StudentRecord RecordOf(int index) => engine.EnrolmentOf(index);
        public School? SchoolByCode(string code) => engine._schoolsByCode.GetValueOrDefault(code);
    }
}
