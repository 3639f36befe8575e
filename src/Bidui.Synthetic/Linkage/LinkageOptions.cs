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
    public LinkageFaults Faults { get; init; } = LinkageFaults.Realistic;
}

/// <summary>Fault rates per row, applied to each file independently (so both sides of a pair can be faulty).</summary>
public sealed record LinkageFaults
{
    // ID cell
    public double DigitSubstituted { get; init; }
    public double DigitsTransposed { get; init; }
    public double ScientificNotation { get; init; }
    public double Empty { get; init; }
    public double DigitLostOrDoubled { get; init; }
    public double WrongCheckCharacter { get; init; }
    public double Masked { get; init; }
    /// <summary>Students only: registered with a 港澳居民来往内地通行证 instead of the resident ID.</summary>
    public double OtherDocument { get; init; }
    // name
    public double Traditional { get; init; }
    public double Homophone { get; init; }
    public double SpaceInName { get; init; }
    // other cells
    public double BirthMissing { get; init; }
    public double BirthDayMonthSwapped { get; init; }
    public double BirthFieldOff { get; init; }
    public double SexMissing { get; init; }

    /// <summary>
    /// "A few percent of ID numbers" wrong (issue 3): 3.5 % of ID cells per file, names 1.3 %, birth
    /// dates 5.6 %. Each rate is the share of rows; at most one ID fault per row.
    /// </summary>
    public static LinkageFaults Realistic { get; } = new()
    {
        DigitSubstituted = 0.010, DigitsTransposed = 0.003, ScientificNotation = 0.008, Empty = 0.006, DigitLostOrDoubled = 0.003,
        WrongCheckCharacter = 0.003, Masked = 0.001, OtherDocument = 0.001,
        Traditional = 0.005, Homophone = 0.005, SpaceInName = 0.003,
        BirthMissing = 0.05, BirthDayMonthSwapped = 0.003, BirthFieldOff = 0.003, SexMissing = 0.05,
    };
}
