using Bidui.Core.Identity;
using Bidui.Core.Names;
using static Bidui.Matching.Probabilistic.Comparison;

namespace Bidui.Matching.Probabilistic;

/// <summary>Puts a pair of records into one level per comparison (see <see cref="Comparison"/>).</summary>
public static class PairComparer
{
    public static Pattern Compare(LinkRecord a, LinkRecord b) => Pattern.Of(
        CompareIdsOf(a, b),
        CompareNames(a.NameForm, b.NameForm),
        CompareBirths(a.Birth, b.Birth),
        CompareSexes(a.Sex, b.Sex),
        CompareCounties(a, b),
        CompareTownships(a.Township, b.Township));

    public static int CompareTownships(string? a, string? b) =>
        a is null || b is null ? Missing : a == b ? ContextLevel.SameTownship : ContextLevel.OtherTownship;

    /// <summary>
    /// Two numbers that are both broken and disagree say little: each is wrong somewhere, so their
    /// disagreement is read as missing, not as evidence of two people.
    /// </summary>
    public static int CompareIdsOf(LinkRecord a, LinkRecord b)
    {
        int level = CompareIds(a.Id, b.Id);
        return level == IdLevel.Different && !a.IdValid && !b.IdValid ? Missing : level;
    }

    public static int CompareIds(string? a, string? b)
    {
        if (a is null || b is null)
            return Missing;
        if (a == b)
            return IdLevel.Equal;
        if (a.Length == b.Length)
        {
            int prefix = Math.Min(17, a.Length);
            int diffs = 0, first = -1, second = -1;
            for (int i = 0; i < prefix; i++)
            {
                if (a[i] == b[i])
                    continue;
                if (++diffs == 1)
                    first = i;
                else if (diffs == 2)
                    second = i;
            }
            if (diffs == 0)
                return IdLevel.CheckCharacterOnly;
            if (diffs == 1)
                return IdLevel.OneDigit;
            if (diffs == 2 && second == first + 1 && a[first] == b[second] && a[second] == b[first])
                return IdLevel.Transposition;
        }
        else if (Math.Abs(a.Length - b.Length) == 1 && OneInsertion(a.Length > b.Length ? a : b, a.Length > b.Length ? b : a))
        {
            return IdLevel.OneDigit; // a digit lost or typed twice
        }
        return a.AsSpan(0, 14).SequenceEqual(b.AsSpan(0, 14)) ? IdLevel.SameRegionAndBirth : IdLevel.Different;
    }

    // Whether deleting one character of the longer gives the shorter (ignoring the check character,
    // which a lost digit shifts).
    private static bool OneInsertion(string longer, string shorter)
    {
        int n = Math.Min(17, shorter.Length);
        int i = 0;
        while (i < n && longer[i] == shorter[i])
            i++;
        for (int j = i; j < n; j++)
        {
            if (longer[j + 1] != shorter[j])
                return false;
        }
        return true;
    }

    public static int CompareNames(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
            return Missing;
        if (a == b)
            return NameLevel.Equal;
        if (a.Length == b.Length && SoundAlike(a, b))
            return NameLevel.SamePinyin;
        if (Math.Min(a.Length, b.Length) >= 2 && EditDistanceIsOne(a, b))
            return NameLevel.OneCharacter;
        return a[0] == b[0] ? NameLevel.SurnameOnly : NameLevel.Different;
    }

    /// <summary>Same length, and every differing character reads alike.</summary>
    internal static bool SoundAlike(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length)
            return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
                continue;
            int sa = Pinyin.SyllableId(a[i]);
            if (sa == 0 || sa != Pinyin.SyllableId(b[i]))
                return false;
        }
        return true;
    }

    internal static bool EditDistanceIsOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == b.Length)
        {
            int diffs = 0;
            for (int i = 0; i < a.Length && diffs < 2; i++)
                diffs += a[i] != b[i] ? 1 : 0;
            return diffs == 1;
        }
        if (Math.Abs(a.Length - b.Length) != 1)
            return false;
        var longer = a.Length > b.Length ? a : b;
        var shorter = a.Length > b.Length ? b : a;
        int k = 0;
        while (k < shorter.Length && longer[k] == shorter[k])
            k++;
        return longer[(k + 1)..].SequenceEqual(shorter[k..]);
    }

    public static int CompareBirths(int a, int b)
    {
        if (a == 0 || b == 0)
            return Missing;
        if (a == b)
            return BirthLevel.Equal;
        int ya = a / 10000, ma = a / 100 % 100, da = a % 100;
        int yb = b / 10000, mb = b / 100 % 100, db = b % 100;
        if (ya == yb && ma == db && da == mb)
            return BirthLevel.DayMonthSwapped;
        int same = (ya == yb ? 1 : 0) + (ma == mb ? 1 : 0) + (da == db ? 1 : 0);
        return same == 2 ? BirthLevel.OneFieldOff : BirthLevel.Different;
    }

    public static int CompareSexes(Bidui.Core.Identity.Sex a, Bidui.Core.Identity.Sex b) =>
        a == Bidui.Core.Identity.Sex.Unknown || b == Bidui.Core.Identity.Sex.Unknown ? Missing : a == b ? SexLevel.Equal : SexLevel.Different;

    public static int CompareCounties(LinkRecord a, LinkRecord b)
    {
        int best = Missing;
        foreach (int x in (ReadOnlySpan<int>)[a.County, a.OtherCounty])
        {
            if (x == 0)
                continue;
            foreach (int y in (ReadOnlySpan<int>)[b.County, b.OtherCounty])
            {
                if (y == 0)
                    continue;
                int level = x == y ? CountyLevel.Equal
                    : x / 100 == y / 100 ? CountyLevel.SamePrefecture
                    : x / 10000 == y / 10000 ? CountyLevel.SameProvince
                    : CountyLevel.Different;
                if (best == Missing || level < best)
                    best = level;
            }
        }
        return best;
    }
}
