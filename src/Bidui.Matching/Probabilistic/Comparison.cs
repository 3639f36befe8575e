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

    /// <summary>What a county officer reads for each level (the review list's 比对依据, the model report).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> LevelNames { get; } =
    [
        ["证件号码缺失或无法比较", "证件号码一致", "证件号码仅校验码不同", "证件号码相差一位", "证件号码相邻两位颠倒", "证件号码地区码和出生日期一致", "证件号码不同"],
        ["姓名缺失", "姓名一致", "姓名同音", "姓名相差一字", "仅姓氏相同", "姓名不同"],
        ["出生日期缺失", "出生日期一致", "出生日期月日颠倒", "出生日期相差一项", "出生日期不同"],
        ["性别缺失", "性别一致", "性别不同"],
        ["所在县缺失", "所在县一致", "同一地市不同县", "同省不同地市", "不同省份"],
        ["乡镇无从比较", "学校在户籍乡镇", "学校在其他乡镇"],
    ];

    public static IReadOnlyList<string> ComparisonNames { get; } = ["证件号码", "姓名", "出生日期", "性别", "所在县", "户籍乡镇与学校"];

    public static int LevelCount(int comparison) => LevelNames[comparison].Count;

    /// <summary>Number of distinct level vectors; a pattern packs one level per comparison.</summary>
    public static int PatternCount { get; } = LevelNames.Aggregate(1, (n, levels) => n * levels.Count);
}

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
