using Bidui.Core.Identity;
using Bidui.Core.Names;
using static Bidui.Matching.Probabilistic.Comparison;

namespace Bidui.Matching.Probabilistic;

/// <summary>Puts a pair of records into one level per comparison (see <see cref="Comparison"/>).</summary>
public static class PairComparer
{
    /// <param name="person">The poverty person's record.</param>
    /// <param name="student">The student's (or aid row's) record.</param>
    /// <param name="training">
    /// For estimating m and u: the age is compared with the grade even when the student's birth date is
    /// known (the model learns how often ages fit grades from every pair); when scoring, only without it.
    /// </param>
    public static Pattern Compare(LinkRecord person, LinkRecord student, bool training = false)
    {
        int studentNumber = CompareStudentNumber(person.Id, student.StudentNumber);
        int id = student.NumberOfAnother ? Missing : CompareIdsOf(person, student);
        // The 学籍号 holds the person's own number and the row another valid one: that number is a
        // relative's (or a mix-up's), and says nothing of whether the row is the person.
        if (studentNumber == StudentNumberLevel.HoldsPersonNumber && id is IdLevel.Different or IdLevel.SameRegionAndBirth)
            id = Missing;
        return Pattern.Of(
            id: id,
            name: CompareNames(person.NameForm, student.NameForm),
            birth: CompareBirths(person.Birth, student.Birth),
            sex: CompareSexes(person.Sex, student.Sex),
            location: CompareCounties(person.County, student.County),
            township: person.County != 0 && person.County == student.County ? CompareTownships(person.Township, student.Township) : Missing,
            studentNumber: studentNumber,
            numberOwner: CompareNumberOwner(person, student),
            ageForGrade: training || student.Birth == 0 ? CompareAgeToGrade(person.Age, student.GradeAges) : Missing);
    }

    /// <summary>
    /// A row with another register person's number: is the candidate of that person's household? Without a
    /// 户编号 on either side nobody can tell (the register of another system may not have one).
    /// </summary>
    public static int CompareNumberOwner(LinkRecord person, LinkRecord student) =>
        !student.NumberOfAnother || string.IsNullOrEmpty(person.Household) || string.IsNullOrEmpty(student.Household) ? Missing
        : person.Household == student.Household ? NumberOwnerLevel.HouseholdMember : NumberOwnerLevel.OtherRegisterPerson;

    public static int CompareTownships(string? a, string? b) =>
        a is null || b is null ? Missing : a == b ? TownshipLevel.SameTownship : TownshipLevel.OtherTownship;

    /// <summary>
    /// Two numbers that are both broken and disagree say little: each is wrong somewhere, so their
    /// disagreement is read as missing, not as evidence of two people.
    /// </summary>
    public static int CompareIdsOf(LinkRecord a, LinkRecord b)
    {
        int level = CompareIds(a.Id, b.Id, a.IdValid, b.IdValid);
        return level is IdLevel.Different or IdLevel.SameRegionAndBirth && !a.IdValid && !b.IdValid ? Missing : level;
    }

    /// <summary>
    /// The level of two numbers (cleaned digits, 15 to 19 characters). The positions a known kind of
    /// damage destroys are left out: the last three of a number Excel zeroed or an old field cut to 15; the
    /// check character of a mistyped one.
    /// </summary>
    public static int CompareIds(string? a, string? b, bool aValid = false, bool bValid = false)
    {
        if (a is null || b is null)
            return Missing;
        if (a == b)
            return !aValid && LostLastThree(a) ? IdLevel.First15 : IdLevel.Equal; // twins' numbers zeroed alike are no longer theirs
        if (a.Length == 15 || b.Length == 15 || LostLastThree(a) || LostLastThree(b) || ConvertedFrom15(a, b) || ConvertedFrom15(b, a))
        {
            if (a.AsSpan(0, 15).SequenceEqual(b.AsSpan(0, 15)) || ConvertedFrom15(a, b) || ConvertedFrom15(b, a))
                return IdLevel.First15;
            if (a.Length == 15 || b.Length == 15 || LostLastThree(a) || LostLastThree(b))
                return a.AsSpan(0, 14).SequenceEqual(b.AsSpan(0, 14)) ? IdLevel.SameRegionAndBirth : IdLevel.Different;
        }
        if (a.Length != b.Length)
            return Math.Abs(a.Length - b.Length) == 1 && !(aValid && bValid) && OneInsertion(a.Length > b.Length ? a : b, a.Length > b.Length ? b : a)
                ? IdLevel.OneDigit // a digit lost or typed twice
                : IdLevel.Different;

        int diffs = 0, first = -1, second = -1;
        for (int i = 0; i < 17; i++)
        {
            if (a[i] == b[i])
                continue;
            if (++diffs == 1)
                first = i;
            else if (diffs == 2)
                second = i;
        }
        bool swapped = diffs == 2 && a[first] == b[second] && a[second] == b[first];
        if (aValid && bValid)
        {
            // The check character sees every single typo and every swap but of two digits ten apart.
            return swapped && second - first == 10 ? IdLevel.TwoDigitsSwapped
                : a.AsSpan(0, 14).SequenceEqual(b.AsSpan(0, 14)) ? IdLevel.SameRegionAndBirth : IdLevel.Different;
        }
        if (diffs == 0)
            return IdLevel.CheckCharacterOnly;
        if (diffs == 1)
            return IdLevel.OneDigit;
        if (swapped)
            return IdLevel.TwoDigitsSwapped;
        if (BirthPartBroken(a, b))
            return IdLevel.BirthPartBroken;
        return a.AsSpan(0, 14).SequenceEqual(b.AsSpan(0, 14)) ? IdLevel.SameRegionAndBirth : IdLevel.Different;
    }

    // Excel keeps 15 significant digits: an 18-digit number typed as a number ends in 000.
    private static bool LostLastThree(string id) => id.Length == 18 && id.EndsWith("000", StringComparison.Ordinal);

    // A number cut to 15 characters that read as a legacy number: its 18-digit form is the cut's with
    // 19 inserted before the year and a check character added.
    private static bool ConvertedFrom15(string converted, string other) =>
        converted.Length == 18 && other.Length >= 15 && converted[6] == '1' && converted[7] == '9'
        && converted.AsSpan(0, 6).SequenceEqual(other.AsSpan(0, 6)) && converted.AsSpan(8, 9).SequenceEqual(other.AsSpan(6, 9));

    // The birth part (characters 7–14) is impossible or day and month swapped on one side; the region and
    // the sequence agree.
    private static bool BirthPartBroken(string a, string b)
    {
        if (!a.AsSpan(0, 6).SequenceEqual(b.AsSpan(0, 6)) || !a.AsSpan(14, 3).SequenceEqual(b.AsSpan(14, 3)))
            return false;
        int ba = IdDigits.Birth(a), bb = IdDigits.Birth(b);
        if (ba == 0 || bb == 0)
            return true;
        return CompareBirths(ba, bb) == BirthLevel.DayMonthSwapped;
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

    /// <summary>The 全国学籍号's number against the person's: the person's own, a damaged form of it, or another's.</summary>
    public static int CompareStudentNumber(string? personId, string? studentNumber)
    {
        if (personId is null || studentNumber is null)
            return Missing;
        return CompareIds(personId, studentNumber) switch
        {
            Missing => Missing,
            IdLevel.Equal => StudentNumberLevel.HoldsPersonNumber,
            IdLevel.CheckCharacterOnly or IdLevel.OneDigit or IdLevel.TwoDigitsSwapped or IdLevel.BirthPartBroken or IdLevel.First15 =>
                StudentNumberLevel.NearPersonNumber,
            _ => StudentNumberLevel.OtherNumber,
        };
    }

    public static int CompareNames(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
            return Missing;
        if (a == b)
            return NameLevel.Equal;
        if (IsRotation(a, b))
            return NameLevel.OrderSwapped;
        if (a.Length == b.Length && SoundAlike(a, b))
            return NameLevel.SamePinyin;
        if (Math.Min(a.Length, b.Length) >= 2 && EditDistanceIsOne(a, b))
            return NameLevel.OneCharacter;
        return a[0] == b[0] ? NameLevel.SurnameOnly : NameLevel.Different;
    }

    /// <summary>
    /// The same characters with a leading part moved to the end: given name before surname (子涵刘), or the two
    /// parts of a dotted name in the other order (艾力买买提 for 买买提艾力, dots already left out).
    /// </summary>
    internal static bool IsRotation(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length || a.Length < 2)
            return false;
        for (int k = 1; k < a.Length; k++)
        {
            if (a[k..].SequenceEqual(b[..(a.Length - k)]) && a[..k].SequenceEqual(b[(a.Length - k)..]))
                return true;
        }
        return false;
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

    /// <summary>The person's age against the usual ages of the student's grade: within a year fits (early or late starters, a repeated grade).</summary>
    public static int CompareAgeToGrade(int age, (int Min, int Max) grade)
    {
        if (age < 0 || grade.Max == 0)
            return Missing;
        int off = age < grade.Min ? grade.Min - age : age > grade.Max ? age - grade.Max : 0;
        return off <= 1 ? AgeGradeLevel.Fits : off == 2 ? AgeGradeLevel.OffByTwo : AgeGradeLevel.NotFit;
    }

    public static int CompareSexes(Sex a, Sex b) =>
        a == Sex.Unknown || b == Sex.Unknown ? Missing : a == b ? SexLevel.Equal : SexLevel.Different;

    /// <summary>The household's county against the school's (codes: the first four digits name the prefecture, the first two the province).</summary>
    public static int CompareCounties(int household, int school) =>
        household == 0 || school == 0 ? Missing
        : household == school ? LocationLevel.SameCounty
        : household / 100 == school / 100 ? LocationLevel.SamePrefecture
        : household / 10000 == school / 10000 ? LocationLevel.SameProvince
        : LocationLevel.Elsewhere;
}
