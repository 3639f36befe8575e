using Bidui.Core.Identity;

namespace Bidui.Core.Tests.Identity;

public class ResidentIdTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    // GB 11643-1999's own example.
    private const string Example = "11010519491231002X";

    /// <summary>An 18-character ID with the right check character for the given 17 digits.</summary>
    private static string Valid(string first17) => first17 + ResidentId.CheckCharacter(first17);

    [Fact]
    public void Standard_example_is_valid_with_its_facts()
    {
        ResidentIdResult r = ResidentId.Parse(Example, Today);

        Assert.Equal(IdProblem.None, r.Problem);
        Assert.True(r.HasKey);
        Assert.Equal(11010519491231002L, r.Key);
        Assert.Equal(new DateOnly(1949, 12, 31), r.BirthDate);
        Assert.Equal(Sex.Female, r.Sex);
        Assert.Equal(110105, r.RegionCode);
    }

    [Theory]
    [InlineData("11010519491231002x")]               // lower-case x
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")] // full-width digits and X
    [InlineData("１１０１０５１９４９１２３１００２ｘ")] // full-width lower-case x
    [InlineData("110105\u30001949\u30001231\u3000002X")] // ideographic spaces
    [InlineData("  11010519491231002X\t")]
    [InlineData("'11010519491231002X")]              // Excel text mark
    [InlineData("`11010519491231002X")]
    [InlineData("＇11010519491231002X")]             // full-width apostrophe becomes ' under NFKC
    [InlineData("110105-19491231-002X")]
    [InlineData("110105－19491231－002X")]           // full-width hyphen
    [InlineData("110105 1949 1231 002 X")]
    [InlineData("\u200B11010519491231002X")]         // zero-width space pasted from a web page
    public void Normalised_forms_of_the_example_are_valid(string cell)
    {
        ResidentIdResult r = ResidentId.Parse(cell, Today);

        Assert.Equal(IdProblem.None, r.Problem);
        Assert.Equal(11010519491231002L, r.Key);
    }

    [Theory]
    [InlineData("", IdProblem.Empty)]
    [InlineData("   ", IdProblem.Empty)]
    [InlineData("\u3000", IdProblem.Empty)]
    [InlineData("'", IdProblem.Empty)]
    [InlineData("--", IdProblem.Empty)]
    [InlineData("4.30102E+17", IdProblem.ScientificNotation)]
    [InlineData("4.30102e+17", IdProblem.ScientificNotation)]
    [InlineData("4.30102E17", IdProblem.ScientificNotation)]
    [InlineData("4E+17", IdProblem.ScientificNotation)]
    [InlineData("'4.30102E+17", IdProblem.ScientificNotation)]
    [InlineData("４.３０１０２Ｅ＋１７", IdProblem.ScientificNotation)]
    [InlineData("4.E+17", IdProblem.WrongLength)]
    [InlineData("E+17", IdProblem.WrongLength)]
    [InlineData("4.30102E+", IdProblem.WrongLength)]
    [InlineData("110105491331002", IdProblem.WrongLength)]  // 15 digits, month 13: not a legacy number
    [InlineData("110105490229002", IdProblem.WrongLength)]  // 1949-02-29 never was
    [InlineData("1101051949123100", IdProblem.WrongLength)]
    [InlineData("1101051949123100211", IdProblem.WrongLength)]
    [InlineData("''11010519491231002X", IdProblem.WrongLength)] // only one text mark is dropped
    [InlineData("ABC", IdProblem.WrongLength)]                 // length is judged before characters
    [InlineData("11010519491231002Y", IdProblem.IllegalCharacter)]
    [InlineData("1101051949123100X2", IdProblem.IllegalCharacter)]
    [InlineData("11010519491231OO2X", IdProblem.IllegalCharacter)]
    [InlineData("110105194912310０2X", IdProblem.None)] // one full-width digit is fine after NFKC
    [InlineData("99010519491231002X", IdProblem.InvalidRegion)]
    [InlineData("00010519491231002X", IdProblem.InvalidRegion)]
    [InlineData("16010519491331002X", IdProblem.InvalidRegion)] // region is judged before the date
    [InlineData("11010519491331002X", IdProblem.InvalidBirthDate)]
    [InlineData("11010519490229002X", IdProblem.InvalidBirthDate)]
    [InlineData("11010518991231002X", IdProblem.InvalidBirthDate)] // before 1900
    [InlineData("11010520261130002X", IdProblem.InvalidBirthDate)] // the day after the run
    [InlineData("11010519491200002X", IdProblem.InvalidBirthDate)] // date is judged before the check
    [InlineData("110105194912310021", IdProblem.WrongCheckCharacter)]
    [InlineData("110105194912310020", IdProblem.WrongCheckCharacter)]
    public void Problems_are_found_in_the_spec_order(string cell, IdProblem expected)
    {
        ResidentIdResult r = ResidentId.Parse(cell, Today);

        Assert.Equal(expected, r.Problem);
        Assert.Equal(expected == IdProblem.None, r.HasKey);
    }

    [Fact]
    public void Problems_without_a_key_carry_no_facts()
    {
        ResidentIdResult r = ResidentId.Parse("110105194912310021", Today);

        Assert.Equal(0, r.Key);
        Assert.Equal(default, r.BirthDate);
        Assert.Equal(Sex.Unknown, r.Sex);
        Assert.Equal(0, r.RegionCode);
    }

    [Fact]
    public void Legacy_15_digit_number_is_converted_and_reported()
    {
        ResidentIdResult r = ResidentId.Parse("110105491231002", Today);

        Assert.Equal(IdProblem.Legacy15, r.Problem);
        Assert.True(r.HasKey);
        Assert.Equal(11010519491231002L, r.Key);
        Assert.Equal(Example, ResidentId.Format(r.Key));
        Assert.Equal(new DateOnly(1949, 12, 31), r.BirthDate);
        Assert.Equal(Sex.Female, r.Sex);
        Assert.Equal(110105, r.RegionCode);
    }

    [Fact]
    public void Legacy_number_gives_sex_from_its_last_digit()
    {
        Assert.Equal(Sex.Male, ResidentId.Parse("430102850101123", Today).Sex);
        Assert.Equal(Sex.Female, ResidentId.Parse("430102850101124", Today).Sex);
    }

    [Fact]
    public void Legacy_number_in_normalised_form_is_converted()
    {
        Assert.Equal(IdProblem.Legacy15, ResidentId.Parse("'110105-491231-002", Today).Problem);
    }

    [Fact]
    public void Birth_on_the_day_of_the_run_is_valid()
    {
        string id = Valid("11010520261129001");

        ResidentIdResult r = ResidentId.Parse(id, Today);

        Assert.Equal(IdProblem.None, r.Problem);
        Assert.Equal(Today, r.BirthDate);
        Assert.Equal(Sex.Male, r.Sex);
    }

    [Fact]
    public void First_of_january_1900_is_valid()
    {
        Assert.Equal(IdProblem.None, ResidentId.Parse(Valid("11010519000101001"), Today).Problem);
    }

    [Fact]
    public void A_future_birth_date_is_invalid_even_with_a_right_check_character()
    {
        Assert.Equal(IdProblem.InvalidBirthDate, ResidentId.Parse(Valid("11010520300101001"), Today).Problem);
    }

    [Theory]
    [InlineData("11999919900101001")] // county unknown to GB/T 2260
    [InlineData("11010319900101001")] // 崇文区, abolished in 2010
    public void Unknown_or_abolished_county_codes_are_not_errors(string first17)
    {
        Assert.Equal(IdProblem.None, ResidentId.Parse(Valid(first17), Today).Problem);
    }

    [Theory]
    [InlineData(Example)]
    [InlineData("430102200001011233")]
    public void Format_round_trips(string id)
    {
        string valid = Valid(id[..17]);
        long key = ResidentId.Parse(valid, Today).Key;

        Assert.Equal(valid, ResidentId.Format(key));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(100_000_000_000_000_000L)]
    public void Format_rejects_non_keys(long key)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ResidentId.Format(key));
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    [InlineData("34052419800101001", 'X')]
    [InlineData("11010519900307123", '9')]
    public void Check_character_follows_ISO_7064(string first17, char expected)
    {
        Assert.Equal(expected, ResidentId.CheckCharacter(first17));
    }

    [Theory]
    [InlineData("1101051949123100")]
    [InlineData("110105194912310021")]
    [InlineData("1101051949123100A")]
    public void Check_character_needs_exactly_17_digits(string text)
    {
        Assert.Throws<ArgumentException>(() => ResidentId.CheckCharacter(text));
    }

    [Theory]
    [InlineData(" '１１０１０５-1949 1231-002ｘ ", "11010519491231002X")]
    [InlineData("4.30102e+17", "4.30102e+17")]
    [InlineData("''12", "'12")]
    [InlineData("", "")]
    public void Normalize_gives_the_spec_text(string cell, string expected)
    {
        Assert.Equal(expected, ResidentId.Normalize(cell));
    }

    [Theory]
    [InlineData(11, true)]
    [InlineData(15, true)]
    [InlineData(16, false)]
    [InlineData(21, true)]
    [InlineData(23, true)]
    [InlineData(24, false)]
    [InlineData(31, true)]
    [InlineData(37, true)]
    [InlineData(38, false)]
    [InlineData(41, true)]
    [InlineData(46, true)]
    [InlineData(47, false)]
    [InlineData(50, true)]
    [InlineData(54, true)]
    [InlineData(55, false)]
    [InlineData(61, true)]
    [InlineData(65, true)]
    [InlineData(66, false)]
    [InlineData(71, true)]
    [InlineData(72, false)]
    [InlineData(81, true)]
    [InlineData(82, true)]
    [InlineData(83, true)]
    [InlineData(84, false)]
    [InlineData(10, false)]
    [InlineData(0, false)]
    public void Province_codes_are_the_spec_list(int code, bool expected)
    {
        Assert.Equal(expected, ResidentId.IsProvinceCode(code));
    }

    [Fact]
    public void Keys_of_resident_ids_stay_below_ten_to_the_17()
    {
        Assert.True(ResidentId.Parse("82999919991231999" + ResidentId.CheckCharacter("82999919991231999"), Today).Key < 100_000_000_000_000_000L);
    }

    [Fact]
    public void Very_long_cells_are_a_length_error()
    {
        Assert.Equal(IdProblem.WrongLength, ResidentId.Parse(new string('1', 500), Today).Problem);
    }

    [Fact]
    public void Compatibility_characters_outside_the_fast_path_are_normalised()
    {
        // U+2460 ① is NFKC "1": the cell takes the full normaliser.
        Assert.Equal(IdProblem.None, ResidentId.Parse("\u246010105" + "19491231002X", Today).Problem);
    }
}
