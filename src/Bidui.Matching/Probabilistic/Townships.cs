namespace Bidui.Matching.Probabilistic;

/// <summary>
/// Townships (乡镇) of the register, to see which one a school's name carries: village schools are
/// named after their township (隆回县桃洪镇中心小学), so a child enrolled in the school of the household's
/// township is some evidence, and one enrolled in another township's school some evidence against.
/// </summary>
public sealed class Townships
{
    private static readonly string[] Suffixes = ["街道办事处", "办事处", "民族乡", "街道", "镇", "乡"];
    // Stems by first character: a school name is scanned once per character, not once per township.
    private readonly Dictionary<char, List<string>> _byFirst = [];
    private readonly Dictionary<string, string?> _schools = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>The township without its 镇/乡/街道 suffix; null when less than two characters remain.</summary>
    public static string? Stem(string township)
    {
        string s = township.Trim();
        foreach (string suffix in Suffixes)
        {
            if (s.Length > suffix.Length && s.EndsWith(suffix, StringComparison.Ordinal))
            {
                s = s[..^suffix.Length];
                break;
            }
        }
        return s.Length >= 2 ? s : null;
    }

    public void Add(string township)
    {
        if (!_seen.Add(township) || Stem(township) is not { } stem)
            return;
        if (!_byFirst.TryGetValue(stem[0], out var list))
            _byFirst.Add(stem[0], list = []);
        if (!list.Contains(stem, StringComparer.Ordinal))
            list.Add(stem);
    }

    /// <summary>The longest known township stem the school's name contains; null when none.</summary>
    public string? OfSchool(string schoolName)
    {
        if (schoolName.Length == 0)
            return null;
        if (_schools.TryGetValue(schoolName, out string? found))
            return found;
        string? best = null;
        for (int i = 0; i < schoolName.Length; i++)
        {
            if (!_byFirst.TryGetValue(schoolName[i], out var stems))
                continue;
            foreach (string stem in stems)
            {
                if ((best is null || stem.Length > best.Length) && schoolName.AsSpan(i).StartsWith(stem, StringComparison.Ordinal))
                    best = stem;
            }
        }
        _schools[schoolName] = best;
        return best;
    }
}
