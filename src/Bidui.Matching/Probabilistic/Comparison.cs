namespace Bidui.Matching.Probabilistic;

/// <summary>
/// The comparisons of a candidate pair (a poverty person, a student) and their levels, made for Chinese
/// records. Level 0 of every comparison is its null level: a value absent on either side, or a
/// comparison that does not apply to the pair, is neutral (weight 0), never disagreement.
/// </summary>
public static class Comparison
{
    public const int Id = 0, StudentNumber = 1, NumberOwner = 2, Name = 3, BirthDate = 4, AgeForGrade = 5, Gender = 6, Location = 7,
        Township = 8;
    public const int Count = 9;
    public const int Missing = 0;

    /// <summary>
    /// The ID numbers digit by digit, the damaged positions ignored, as numbers actually break. Two valid
    /// numbers differ by no single typo (GB 11643's check character catches it), so between two valid
    /// numbers only equality, a swap the check cannot see, and lost last digits count.
    /// </summary>
    public static class IdLevel
    {
        public const int Equal = 1, CheckCharacterOnly = 2, OneDigit = 3, TwoDigitsSwapped = 4, BirthPartBroken = 5, First15 = 6,
            SameRegionAndBirth = 7, Different = 8;
    }

    /// <summary>The 全国学籍号 (G + the number first entered) against the person's number, when it is not a copy of the row's ID.</summary>
    public static class StudentNumberLevel
    {
        public const int HoldsPersonNumber = 1, NearPersonNumber = 2, OtherNumber = 3;
    }

    /// <summary>A student row whose valid number is another register person's (SPEC §4.3): whose household that person is in.</summary>
    public static class NumberOwnerLevel
    {
        public const int HouseholdMember = 1, OtherRegisterPerson = 2;
    }

    public static class NameLevel
    {
        public const int Equal = 1, OrderSwapped = 2, SamePinyin = 3, OneCharacter = 4, SurnameOnly = 5, Different = 6;
    }

    public static class BirthLevel
    {
        public const int Equal = 1, DayMonthSwapped = 2, OneFieldOff = 3, Different = 4;
    }

    /// <summary>Only when the student's birth date is unknown: the person's age against the grade's usual age.</summary>
    public static class AgeGradeLevel
    {
        public const int Fits = 1, OffByTwo = 2, NotFit = 3;
    }

    public static class SexLevel
    {
        public const int Equal = 1, Different = 2;
    }

    /// <summary>The household's county against the school's: children go to school in another county, most often nearby.</summary>
    public static class LocationLevel
    {
        public const int SameCounty = 1, SamePrefecture = 2, SameProvince = 3, Elsewhere = 4;
    }

    /// <summary>Within one county: does the school's name carry the household's township (乡镇)?</summary>
    public static class TownshipLevel
    {
        public const int SameTownship = 1, OtherTownship = 2;
    }

    /// <summary>
    /// The comparisons as a linkage specialist reads them (Splink's settings): each named, with its levels
    /// in order from closest to farthest, each level named and labelled in the words a county officer
    /// reads (the review list's 比对依据, the model report). The model file refers to them by name.
    /// </summary>
    public static IReadOnlyList<ComparisonDefinition> Definitions { get; } =
    [
        new("id_number", "证件号码",
        [
            new("null", "证件号码缺失或无法比较"), new("exact_match", "证件号码一致"), new("check_character_only", "证件号码仅校验码不同"),
            new("one_digit", "证件号码相差一位（或多、少一位）"), new("two_digits_swapped", "证件号码两位数字颠倒"),
            new("birth_part_broken", "证件号码中出生日期有误，其余各位一致"),
            new("first_15_agree", "证件号码前15位一致（后三位被 Excel 置零或截去）"),
            new("same_region_and_birth", "证件号码地区码和出生日期一致而顺序码不同"), new("different", "证件号码不同"),
        ], ShowNull: true, Ordered: false),
        new("student_number", "全国学籍号",
        [
            new("null", "学籍号缺失或与证件号码相同"), new("holds_person_number", "学籍号含本人证件号码"),
            new("near_person_number", "学籍号与本人证件号码相近"), new("other_number", "学籍号为他人证件号码"),
        ]),
        new("number_owner", "证件号码归属",
        [
            new("null", "证件号码不属于名单中他人"), new("household_member", "学籍证件号码属于同户其他成员（疑似借用）"),
            new("other_register_person", "学籍证件号码属于名单中非同户的他人（疑似借用）"),
        ]),
        new("name", "姓名",
        [
            new("null", "姓名缺失"), new("exact_match", "姓名一致"), new("order_swapped", "姓名顺序颠倒"), new("same_pinyin", "姓名同音"),
            new("one_character", "姓名相差一字"), new("surname_only", "仅姓氏相同"), new("different", "姓名不同"),
        ], TermFrequency: true, ShowNull: true),
        new("birth_date", "出生日期",
        [
            new("null", "出生日期缺失"), new("exact_match", "出生日期一致"), new("day_month_swapped", "出生日期月日颠倒"),
            new("one_field_off", "出生日期相差一项"), new("different", "出生日期不同"),
        ], ShowNull: true),
        new("age_for_grade", "年龄与年级",
        [
            new("null", "年龄与年级无从比较"), new("fits", "学籍无出生日期，年龄与年级相符"), new("off_by_two", "学籍无出生日期，年龄与年级相差两岁"),
            new("not_fit", "学籍无出生日期，年龄与年级不符"),
        ]),
        new("sex", "性别", [new("null", "性别缺失"), new("exact_match", "性别一致"), new("different", "性别不同")], ShowNull: true),
        new("location", "户籍县与学校所在县",
        [
            new("null", "户籍县或学校所在县缺失"), new("same_county", "学校在户籍所在县"), new("same_prefecture", "在本市其他县上学"),
            new("same_province", "在本省其他地市上学"), new("elsewhere", "在外省上学"),
        ], ShowNull: true),
        new("township", "户籍乡镇与学校",
            [new("null", "乡镇无从比较"), new("same_township", "学校在户籍乡镇"), new("other_township", "学校在本县其他乡镇")]),
    ];

    /// <summary>What a county officer reads for each level (the review list's 比对依据, the model report).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> LevelNames { get; } =
        [.. Definitions.Select(d => (IReadOnlyList<string>)[.. d.Levels.Select(l => l.Label)])];

    public static IReadOnlyList<string> ComparisonNames { get; } = [.. Definitions.Select(d => d.Label)];

    public static int LevelCount(int comparison) => Definitions[comparison].Levels.Count;

    /// <summary>Number of distinct level vectors; a pattern packs one level per comparison.</summary>
    public static int PatternCount { get; } = Definitions.Aggregate(1, (n, d) => n * d.Levels.Count);
}

/// <summary>One level of a comparison: a stable name (the model file's), and its label in Chinese.</summary>
public sealed record ComparisonLevel(string Name, string Label);

/// <summary>
/// One comparison: a stable name (Splink's output_column_name), its label in Chinese, and its levels;
/// level 0 is the null level. <paramref name="TermFrequency"/>: an exact agreement is weighed by how
/// common the value is. <paramref name="ShowNull"/>: the 比对依据 says so when the value is missing
/// (comparisons that apply to few pairs say nothing then).
/// </summary>
/// <paramref name="Ordered"/>: the levels run from closest to farthest, so a farther level never weighs more
/// than a closer one (a level too rare to be seen in either sample must not turn into evidence for a match).
/// The ID number's levels are kinds of damage, not distances: each weighs what it says.
public sealed record ComparisonDefinition(string Name, string Label, IReadOnlyList<ComparisonLevel> Levels, bool TermFrequency = false,
    bool ShowNull = false, bool Ordered = true);

/// <summary>The level of each comparison for one pair, packed into one number (mixed radix).</summary>
public readonly record struct Pattern(int Value)
{
    private static readonly int[] Strides = MakeStrides();

    private static int[] MakeStrides()
    {
        var strides = new int[Comparison.Count];
        int stride = 1;
        for (int c = 0; c < Comparison.Count; c++)
        {
            strides[c] = stride;
            stride *= Comparison.LevelCount(c);
        }
        return strides;
    }

    /// <summary>A pattern from its levels (every one missing unless given).</summary>
    public static Pattern Of(int id = 0, int name = 0, int birth = 0, int sex = 0, int location = 0, int township = 0,
        int studentNumber = 0, int numberOwner = 0, int ageForGrade = 0)
    {
        Span<int> levels = stackalloc int[Comparison.Count];
        levels[Comparison.Id] = id;
        levels[Comparison.StudentNumber] = studentNumber;
        levels[Comparison.NumberOwner] = numberOwner;
        levels[Comparison.Name] = name;
        levels[Comparison.BirthDate] = birth;
        levels[Comparison.AgeForGrade] = ageForGrade;
        levels[Comparison.Gender] = sex;
        levels[Comparison.Location] = location;
        levels[Comparison.Township] = township;
        int v = 0;
        for (int c = 0; c < Comparison.Count; c++)
            v += levels[c] * Strides[c];
        return new Pattern(v);
    }

    public int Level(int comparison) => Value / Strides[comparison] % Comparison.LevelCount(comparison);
}
