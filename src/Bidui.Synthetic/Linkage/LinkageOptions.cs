namespace Bidui.Synthetic.Linkage;

/// <summary>
/// What <see cref="LinkageDataGenerator"/> makes: households of the poverty register in
/// <paramref name="Counties"/> counties of 湖南, their children in the student registry among
/// <paramref name="OtherStudentsPerChild"/> times as many other pupils of the same places, and the
/// faults of <see cref="LinkageFaults"/>.
/// </summary>
public sealed record LinkageOptions(int Households, int Seed = 1, int Counties = 8, double OtherStudentsPerChild = 4)
{
    public DateOnly ReferenceDate { get; init; } = new(2026, 8, 31);
    /// <summary>
    /// Share of poverty children given a namesake among the other pupils: same name, sex, birth date
    /// and county, another family. By the census name shares about one child in a thousand has one
    /// (≈ 14 same-sex children born the same day in a county, a 1-in-10,000 chance that two share a
    /// full name); the default doubles that. Raise it to stress the model.
    /// </summary>
    public double NamesakeShare { get; init; } = 0.002;
    /// <summary>
    /// Share of households with transliterated Uyghur names ("own·father"): families who moved from
    /// 新疆, whose names registries write with every kind of dot and in either order.
    /// </summary>
    public double UyghurHouseholdShare { get; init; } = 0.015;
    /// <summary>Whether the register fills 户编号 (some systems' exports leave it out).</summary>
    public bool HouseholdIds { get; init; } = true;
    public LinkageFaults Faults { get; init; } = LinkageFaults.Realistic;
}

/// <summary>
/// Fault rates, applied to each file independently (so both sides of a pair can be faulty). Row rates
/// are shares of rows, at most one ID fault per row; batch rates are shares of schools (registry) or
/// townships (register) whose every row went through Excel.
/// </summary>
public sealed record LinkageFaults
{
    // ID cell, per row
    public double DigitSubstituted { get; init; }
    /// <summary>Two adjacent digits swapped (GB 11643's check character catches every such swap).</summary>
    public double DigitsTransposed { get; init; }
    /// <summary>Two digits further apart swapped (positions ten apart keep the check character right).</summary>
    public double DigitsSwapped { get; init; }
    public double ScientificNotation { get; init; }
    /// <summary>Excel kept 15 significant digits and zeroed the last three (430121201603010000).</summary>
    public double ExcelTruncated { get; init; }
    public double Empty { get; init; }
    public double DigitLostOrDoubled { get; init; }
    public double WrongCheckCharacter { get; init; }
    /// <summary>An old field of 15 characters kept only the first 15.</summary>
    public double CutTo15 { get; init; }
    /// <summary>A digit of the birth date inside the number mistyped into an impossible date (month 13, day 32).</summary>
    public double ImpossibleBirthInNumber { get; init; }
    public double Masked { get; init; }
    /// <summary>Students only: registered with a 港澳居民来往内地通行证 instead of the resident ID.</summary>
    public double OtherDocument { get; init; }
    /// <summary>Schools (registry) or townships (register) whose rows all went through Excel: exponent or …000.</summary>
    public double ExcelBatch { get; init; }

    // Registry rows of poverty children only: the number of another member of the household.
    /// <summary>Share of poverty children whose registry row carries a household member's valid number.</summary>
    public double BorrowedNumber { get; init; }
    /// <summary>Of a twin's rows, the share carrying the other twin's number (twins are mixed up far more often).</summary>
    public double TwinNumberSwapped { get; init; }

    // 全国学籍号 (registry): G + the number first entered for the child.
    public double StudentNumberMissing { get; init; }
    /// <summary>A temporary 学籍号 (L + digits) for a child registered without an ID number.</summary>
    public double StudentNumberTemporary { get; init; }

    // where the child goes to school, by stage: outside the household's county
    public double AwayPreschool { get; init; }
    public double AwayPrimary { get; init; }
    public double AwayJunior { get; init; }
    public double AwaySenior { get; init; }

    // name
    public double Traditional { get; init; }
    public double Homophone { get; init; }
    public double SpaceInName { get; init; }
    /// <summary>Registry: given name before surname (Han names).</summary>
    public double HanOrderSwapped { get; init; }
    /// <summary>Registry, dotted names: the two parts in the other order (艾力·买买提 for 买买提·艾力).</summary>
    public double DottedOrderSwapped { get; init; }
    /// <summary>Dotted names: 。 typed for the middle dot.</summary>
    public double DotAsFullStop { get; init; }
    /// <summary>Dotted names: the dot left out.</summary>
    public double DotMissing { get; init; }
    // other cells
    public double BirthMissing { get; init; }
    public double BirthDayMonthSwapped { get; init; }
    public double BirthFieldOff { get; init; }
    public double SexMissing { get; init; }

    /// <summary>
    /// Rates as county data officers meet them: about 4 % of ID cells per file broken one way or another,
    /// a few schools' and townships' files passed through Excel, 0.7 % of poverty children registered
    /// under a relative's number, one pupil in eight or so schooled outside the household's county (far more
    /// at senior high), 1.5 % of names written differently, 6 % of birth dates missing or wrong.
    /// </summary>
    public static LinkageFaults Realistic { get; } = new()
    {
        DigitSubstituted = 0.008, DigitsTransposed = 0.003, DigitsSwapped = 0.001, ScientificNotation = 0.005, ExcelTruncated = 0.004,
        Empty = 0.006, DigitLostOrDoubled = 0.003, WrongCheckCharacter = 0.003, CutTo15 = 0.002, ImpossibleBirthInNumber = 0.0015,
        Masked = 0.001, OtherDocument = 0.001, ExcelBatch = 0.012,
        BorrowedNumber = 0.007, TwinNumberSwapped = 0.04,
        StudentNumberMissing = 0.06, StudentNumberTemporary = 0.01,
        AwayPreschool = 0.04, AwayPrimary = 0.08, AwayJunior = 0.13, AwaySenior = 0.35,
        Traditional = 0.005, Homophone = 0.005, SpaceInName = 0.003, HanOrderSwapped = 0.001,
        DottedOrderSwapped = 0.08, DotAsFullStop = 0.04, DotMissing = 0.04,
        BirthMissing = 0.05, BirthDayMonthSwapped = 0.005, BirthFieldOff = 0.003, SexMissing = 0.05,
    };
}
