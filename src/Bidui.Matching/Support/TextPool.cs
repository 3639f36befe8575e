namespace Bidui.Matching.Support;

/// <summary>
/// Interns the low-cardinality cell values the engine keeps (school names, grades, statuses,
/// villages), so that ten million rows share a few thousand strings and repeated values cost no
/// allocation: lookups go by span.
/// </summary>
public sealed class TextPool
{
    private readonly Dictionary<string, string> _map = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TextPool() => _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _map.Count;

    public string Intern(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.IsEmpty)
            return string.Empty;
        if (_lookup.TryGetValue(value, out var existing))
            return existing;
        var s = value.ToString();
        _map.Add(s, s);
        return s;
    }
}
