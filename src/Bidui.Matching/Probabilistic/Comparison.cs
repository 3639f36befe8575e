namespace Bidui.Matching.Probabilistic;

/// <summary>
/// The comparisons of a candidate pair and their levels, made for Chinese records. Level 0 of every
/// comparison is "missing": a value absent on either side is neutral (weight 0), never disagreement.
/// </summary>
public static class Comparison
{
    public const int Id = 0, Name = 1, BirthDate = 2, Gender = 3, County = 4, Context = 5;
    public const int Count = 6;
    public const int Missing = 0;

    public static class IdLevel
    {
        public const int Equal = 1, CheckCharacterOnly = 2, OneDigit = 3, Transposition = 4, SameRegionAndBirth = 5, Different = 6;
    }

    public static class NameLevel
    {
        public const int Equal = 1, SamePinyin = 2, OneCharacter = 3, SurnameOnly = 4, Different = 5;
    }

    public static class BirthLevel
    {
        public const int Equal = 1, DayMonthSwapped = 2, OneFieldOff = 3, Different = 4;
    }

    public static class SexLevel
    {
        public const int Equal = 1, Different = 2;
    }

    public static class CountyLevel
    {
        public const int Equal = 1, SamePrefecture = 2, SameProvince = 3, Different = 4;
    }

    /// <summary>Household and school: does the school's name carry the household's township (乡镇)?</summary>
    public static class ContextLevel
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
            new("one_digit", "证件号码相差一位"), new("adjacent_transposition", "证件号码相邻两位颠倒"),
            new("same_region_and_birth", "证件号码地区码和出生日期一致"), new("different", "证件号码不同"),
        ]),
        new("name", "姓名",
        [
            new("null", "姓名缺失"), new("exact_match", "姓名一致"), new("same_pinyin", "姓名同音"), new("one_character", "姓名相差一字"),
            new("surname_only", "仅姓氏相同"), new("different", "姓名不同"),
        ], TermFrequency: true),
        new("birth_date", "出生日期",
        [
            new("null", "出生日期缺失"), new("exact_match", "出生日期一致"), new("day_month_swapped", "出生日期月日颠倒"),
            new("one_field_off", "出生日期相差一项"), new("different", "出生日期不同"),
        ]),
        new("sex", "性别", [new("null", "性别缺失"), new("exact_match", "性别一致"), new("different", "性别不同")]),
        new("county", "所在县",
        [
            new("null", "所在县缺失"), new("exact_match", "所在县一致"), new("same_prefecture", "同一地市不同县"),
            new("same_province", "同省不同地市"), new("different", "不同省份"),
        ]),
        new("township", "户籍乡镇与学校", [new("null", "乡镇无从比较"), new("same_township", "学校在户籍乡镇"), new("other_township", "学校在其他乡镇")]),
    ];

    /// <summary>What a county officer reads for each level (the review list's 比对依据, the model report).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> LevelNames { get; } =
        [.. Definitions.Select(d => (IReadOnlyList<string>)[.. d.Levels.Select(l => l.Label)])];

    public static IReadOnlyList<string> ComparisonNames { get; } = [.. Definitions.Select(d => d.Label)];

    public static int LevelCount(int comparison) => LevelNames[comparison].Count;

    /// <summary>Number of distinct level vectors; a pattern packs one level per comparison.</summary>
    public static int PatternCount { get; } = LevelNames.Aggregate(1, (n, levels) => n * levels.Count);
}

/// <summary>One level of a comparison: a stable name (the model file's), and its label in Chinese.</summary>
public sealed record ComparisonLevel(string Name, string Label);

/// <summary>
/// One comparison: a stable name (Splink's output_column_name), its label in Chinese, and its levels;
/// level 0 is the null level. <paramref name="TermFrequency"/>: an exact agreement is weighed by how
/// common the value is.
/// </summary>
public sealed record ComparisonDefinition(string Name, string Label, IReadOnlyList<ComparisonLevel> Levels, bool TermFrequency = false);

/// <summary>The level of each comparison for one pair, packed into one number (mixed radix).</summary>
public readonly record struct Pattern(int Value)
{
    public static Pattern Of(int id, int name, int birth, int sex, int county, int context = Comparison.Missing)
    {
        int v = context;
        v = v * Comparison.LevelCount(Comparison.County) + county;
        v = v * Comparison.LevelCount(Comparison.Gender) + sex;
        v = v * Comparison.LevelCount(Comparison.BirthDate) + birth;
        v = v * Comparison.LevelCount(Comparison.Name) + name;
        v = v * Comparison.LevelCount(Comparison.Id) + id;
        return new Pattern(v);
    }

    public int Level(int comparison)
    {
        int v = Value;
        for (int c = 0; c < comparison; c++)
            v /= Comparison.LevelCount(c);
        return v % Comparison.LevelCount(comparison);
    }
}
