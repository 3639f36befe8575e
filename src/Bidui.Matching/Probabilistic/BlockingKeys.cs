using Bidui.Core.Names;
using Bidui.Core.Text;

namespace Bidui.Matching.Probabilistic;

/// <summary>
/// The blocking rules: only records that share one of these keys are compared. Computed from the raw
/// name cell (cheaply, for millions of students), identically on both sides.
/// <list type="bullet">
/// <item>birth date + surname (catches every ID fault that keeps the name and the date);</item>
/// <item>county + how the whole name sounds (catches a wrong or missing birth date, homophones);</item>
/// <item>county + birth date (catches a surname written differently).</item>
/// </list>
/// </summary>
public static class BlockingKeys
{
    // Each rule tags its keys in the top bits, so that keys of different rules never meet in one index.
    private const long BirthSurnameTag = 1L << 60, CountySoundTag = 2L << 60, CountyBirthTag = 3L << 60;
    private const long Low60 = (1L << 60) - 1;

    /// <summary>Most keys one record has (<see cref="Of"/>).</summary>
    public const int MaxKeys = 8;

    /// <summary>Every blocking key of a record: its births and counties crossed with its name (at most eight).</summary>
    public static int Of(ReadOnlySpan<char> name, int birth, int otherBirth, int county, int otherCounty, Span<long> keys)
    {
        char surname = Surname(name);
        long sound = Sound(name);
        int n = 0;
        ReadOnlySpan<int> births = otherBirth != birth ? [birth, otherBirth] : [birth];
        ReadOnlySpan<int> counties = otherCounty != county ? [county, otherCounty] : [county];
        foreach (int b in births)
            keys[n++] = BirthSurname(b, surname);
        foreach (int c in counties)
        {
            keys[n++] = CountySound(c, sound);
            foreach (int b in births)
                keys[n++] = CountyBirth(c, b);
        }
        return n;
    }

    public static long BirthSurname(int birth, char surname) =>
        birth == 0 || surname == '\0' ? 0 : BirthSurnameTag | (long)birth << 16 | surname;

    public static long CountySound(int county, long sound) =>
        county == 0 || sound == 0 ? 0 : CountySoundTag | (county * unchecked((long)0x9E3779B97F4A7C15UL) ^ sound) & Low60;

    public static long CountyBirth(int county, int birth) =>
        county == 0 || birth == 0 ? 0 : CountyBirthTag | (long)county * 100_000_000 + birth;

    /// <summary>
    /// Whether two names could still be one person's: equal, read alike, or one character apart
    /// (<see cref="PairComparer.CompareNames"/>' closest levels) once spaces, dots and script are set aside. Pairs with names farther apart can never reach the review
    /// threshold (the name weighs −11 bits or less), so blocking drops them before they are compared.
    /// </summary>
    public static bool NamesClose(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        Span<char> x = stackalloc char[32], y = stackalloc char[32];
        int n = Letters(a, x), m = Letters(b, y);
        if (n < 0 || m < 0)
            return true; // too long to judge here: let the comparison decide
        x = x[..n];
        y = y[..m];
        // The name levels that can still reach review: equal, in another order, same pinyin, one character apart.
        return x.SequenceEqual(y) || PairComparer.IsRotation(x, y) || PairComparer.SoundAlike(x, y) || PairComparer.EditDistanceIsOne(x, y);
    }

    // The name's letters: Han simplified, others upper-cased, spaces and dots left out; -1 when too long.
    private static int Letters(ReadOnlySpan<char> name, Span<char> into)
    {
        int n = 0;
        foreach (char c in name)
        {
            if (!char.IsLetter(c))
                continue;
            if (n == into.Length)
                return -1;
            into[n++] = CharClass.IsHan(c) ? ChineseScript.ToSimplified(c) : char.ToUpperInvariant(c);
        }
        return n;
    }

    /// <summary>The first Han character, simplified, or the first letter upper-cased; '\0' when none.</summary>
    public static char Surname(ReadOnlySpan<char> name)
    {
        foreach (char c in name)
        {
            if (CharClass.IsHan(c))
                return ChineseScript.ToSimplified(c);
        }
        foreach (char c in name)
        {
            if (char.IsLetter(c))
                return char.ToUpperInvariant(c);
        }
        return '\0';
    }

    /// <summary>
    /// How the name sounds: the toneless syllables of its Han characters in any order (spaces and dots
    /// ignored; 艾力·买买提 sounds as 买买提·艾力), or its letters upper-cased for a name without Han
    /// characters; 0 when empty.
    /// </summary>
    public static long Sound(ReadOnlySpan<char> name)
    {
        Span<int> syllables = stackalloc int[16];
        int n = 0;
        foreach (char c in name)
        {
            if (!CharClass.IsHan(c))
                continue;
            if (n == syllables.Length)
                break; // longer names keep their first sixteen
            int s = Pinyin.SyllableId(c);
            syllables[n++] = s != 0 ? s : c + 100_000;
        }
        long h = 17;
        if (n > 0)
        {
            syllables[..n].Sort();
            foreach (int s in syllables[..n])
                h = h * 1_000_003 + s;
            return h;
        }
        bool any = false;
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                h = h * 1_000_003 + char.ToUpperInvariant(c);
                any = true;
            }
        }
        return any ? h : 0;
    }
}

/// <summary>Key → record numbers, compactly (one dictionary entry per key, chained numbers).</summary>
internal sealed class BlockIndex
{
    private readonly Dictionary<long, int> _heads = [];
    private readonly List<int> _next = [];
    private readonly List<int> _values = [];

    public void Add(long key, int value)
    {
        if (key == 0)
            return;
        int head = _heads.GetValueOrDefault(key, -1);
        // The same record under the same key twice (two birth dates giving one key) is kept once.
        for (int i = head; i >= 0; i = _next[i])
            if (_values[i] == value)
                return;
        _values.Add(value);
        _next.Add(head);
        _heads[key] = _values.Count - 1;
    }

    public void AddAll(ReadOnlySpan<long> keys, int value)
    {
        foreach (long key in keys)
            Add(key, value);
    }

    /// <summary>The first chain position of a key; walk with <see cref="Next"/> and read with <see cref="Value"/>. No allocation per probe.</summary>
    public int Head(long key) => key != 0 && _heads.TryGetValue(key, out int i) ? i : -1;

    public int Next(int position) => _next[position];

    public int Value(int position) => _values[position];

    public IEnumerable<int> Find(long key)
    {
        if (key == 0 || !_heads.TryGetValue(key, out int i))
            yield break;
        for (; i >= 0; i = _next[i])
            yield return _values[i];
    }
}
