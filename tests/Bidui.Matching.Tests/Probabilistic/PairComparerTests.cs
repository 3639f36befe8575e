using Bidui.Core.Identity;
using Bidui.Matching.Probabilistic;
using static Bidui.Matching.Probabilistic.Comparison;

namespace Bidui.Matching.Tests.Probabilistic;

public class PairComparerTests
{
    private const string Id = "430121201603010019"; // 430121 2016-03-01, sequence 001 (its check character is 2: broken)
    private const string Valid = "430121201603010012";
    private const string Twin = "430121201603010039"; // valid, sequence 003: born the same day there

    [Theory]
    [InlineData(null, Id, Missing)]
    [InlineData(Id, null, Missing)]
    [InlineData(Id, Id, IdLevel.Equal)]
    [InlineData("430121201603010010", Id, IdLevel.CheckCharacterOnly)]
    [InlineData("430121201603010029", Id, IdLevel.OneDigit)]          // sequence digit mistyped, old check kept
    [InlineData("430121201608010019", Id, IdLevel.OneDigit)]          // month mistyped
    [InlineData("430121201613010019", Id, IdLevel.OneDigit)]          // month 13: one digit, however impossible
    [InlineData("43012120160301019", Id, IdLevel.OneDigit)]           // a digit lost
    [InlineData("4301212016030100019", Id, IdLevel.OneDigit)]         // a digit typed twice
    [InlineData("430121201630010019", Id, IdLevel.TwoDigitsSwapped)]  // 03 → 30
    [InlineData("430121201603110009", Id, IdLevel.TwoDigitsSwapped)]  // two digits apart swapped
    [InlineData("430121201605120019", "430121201612050019", IdLevel.BirthPartBroken)] // 1205 typed 0512 inside the number
    [InlineData("430121201603010000", Id, IdLevel.First15)]           // Excel zeroed the last three
    [InlineData("430121201603010", Id, IdLevel.First15)]              // an old field kept fifteen
    [InlineData("430121201603010995", Id, IdLevel.SameRegionAndBirth)] // another child born that day there
    [InlineData("430121201603011000", Id, IdLevel.SameRegionAndBirth)] // zeroed, and the 15th digit differs
    [InlineData("430524201603010019", Id, IdLevel.Different)]
    public void Id_levels(string? a, string? b, int level) => Assert.Equal(level, PairComparer.CompareIds(a, b));

    [Fact]
    public void Two_valid_numbers_differ_by_no_typo_the_check_character_would_let_through()
    {
        Assert.Equal(IdLevel.SameRegionAndBirth, PairComparer.CompareIds(Valid, Twin, true, true)); // not "one digit"
        string tenApart = Swap(Valid, 4, 14); // equal weights 8 and 8: the check character cannot see it
        Assert.Equal(IdProblem.None, ResidentId.Parse(tenApart, new DateOnly(2026, 11, 29)).Problem);
        Assert.Equal(IdLevel.TwoDigitsSwapped, PairComparer.CompareIds(Valid, tenApart, true, true));
        // A number cut to fifteen and read as an old one (1920-10-12) is what is left of the real one.
        Assert.Equal(IdLevel.First15, PairComparer.CompareIds("430121201012010010", "43012119201012010X", true, true));
    }

    [Fact]
    public void Twins_numbers_zeroed_alike_are_no_longer_equal_numbers()
    {
        // Both rows went through Excel: a twin's number and the child's read the same, and prove nothing.
        Assert.Equal(IdLevel.First15, PairComparer.CompareIds("430121201603010000", "430121201603010000"));
        Assert.Equal(IdLevel.First15, PairComparer.CompareIds(Twin, "430121201603010000", aValid: true));
    }

    private static string Swap(string s, int i, int j)
    {
        var c = s.ToCharArray();
        (c[i], c[j]) = (c[j], c[i]);
        return new string(c);
    }

    [Theory]
    [InlineData(Valid, null, Missing)]
    [InlineData(Valid, Valid, StudentNumberLevel.HoldsPersonNumber)]
    [InlineData("430121201603010000", Valid, StudentNumberLevel.NearPersonNumber)] // the register's copy went through Excel
    [InlineData(Valid, "430524201603010019", StudentNumberLevel.OtherNumber)]
    public void Student_number_levels(string? person, string? studentNumber, int level) =>
        Assert.Equal(level, PairComparer.CompareStudentNumber(person, studentNumber));

    [Fact]
    public void A_student_number_is_read_after_its_letter_and_a_copy_of_the_row_id_is_no_evidence()
    {
        Assert.Equal(Valid, StudentNumbers.Digits("G" + Valid));
        Assert.Equal("43012120160301001X", StudentNumbers.Digits(" L43012120160301001x "));
        Assert.Null(StudentNumbers.Digits("G4301212016"));
        Assert.Null(StudentNumbers.Digits(Valid + "0"));
        Assert.Equal(Valid, StudentNumbers.Digits(Valid)); // a system that writes the number without its letter
        Assert.True(StudentNumbers.HoldsKey(Valid, 43012120160301001));
        Assert.True(StudentNumbers.HoldsKey("G" + Valid, 43012120160301001));
        Assert.False(StudentNumbers.HoldsKey("G" + Twin, 43012120160301001));
    }

    [Theory]
    [InlineData("", "王伟", Missing)]
    [InlineData("王伟", "王伟", NameLevel.Equal)]
    [InlineData("买买提艾力", "艾力买买提", NameLevel.OrderSwapped)] // 买买提·艾力 / 艾力·买买提, dots left out
    [InlineData("刘子涵", "子涵刘", NameLevel.OrderSwapped)]     // given name before surname
    [InlineData("王伟", "王玮", NameLevel.SamePinyin)]       // homophones: wei = wei
    [InlineData("张晓梅", "张小梅", NameLevel.SamePinyin)]
    [InlineData("王伟", "王传", NameLevel.OneCharacter)]     // one character, another sound
    [InlineData("王伟", "王伟明", NameLevel.OneCharacter)]   // one character more
    [InlineData("王伟", "王建国", NameLevel.SurnameOnly)]
    [InlineData("王伟", "李娜", NameLevel.Different)]
    public void Name_levels(string a, string b, int level) => Assert.Equal(level, PairComparer.CompareNames(a, b));

    [Theory]
    [InlineData(0, 20160301, Missing)]
    [InlineData(20160301, 20160301, BirthLevel.Equal)]
    [InlineData(20160301, 20160103, BirthLevel.DayMonthSwapped)]
    [InlineData(20160301, 20160302, BirthLevel.OneFieldOff)]
    [InlineData(20160301, 20150301, BirthLevel.OneFieldOff)]
    [InlineData(20160301, 20150302, BirthLevel.Different)]
    public void Birth_levels(int a, int b, int level) => Assert.Equal(level, PairComparer.CompareBirths(a, b));

    [Theory]
    [InlineData(Sex.Unknown, Sex.Male, Missing)]
    [InlineData(Sex.Female, Sex.Female, SexLevel.Equal)]
    [InlineData(Sex.Female, Sex.Male, SexLevel.Different)]
    public void Sex_levels(Sex a, Sex b, int level) => Assert.Equal(level, PairComparer.CompareSexes(a, b));

    [Theory]
    [InlineData(0, 430121, Missing)]
    [InlineData(430121, 430121, LocationLevel.SameCounty)]
    [InlineData(430121, 430102, LocationLevel.SamePrefecture)]  // 长沙县 / 芙蓉区: 长沙市
    [InlineData(430121, 430524, LocationLevel.SameProvince)]
    [InlineData(430121, 440305, LocationLevel.Elsewhere)]
    public void Location_levels(int household, int school, int level) => Assert.Equal(level, PairComparer.CompareCounties(household, school));

    [Theory]
    [InlineData(-1, 6, 6, Missing)]
    [InlineData(10, 0, 0, Missing)]
    [InlineData(10, 9, 9, AgeGradeLevel.Fits)]   // started a year late
    [InlineData(10, 12, 12, AgeGradeLevel.OffByTwo)]
    [InlineData(50, 14, 14, AgeGradeLevel.NotFit)] // a 九年级 pupil "born" in 1976
    [InlineData(8, 6, 11, AgeGradeLevel.Fits)]     // only the stage (小学) is known
    public void Age_for_grade_levels(int age, int min, int max, int level) => Assert.Equal(level, PairComparer.CompareAgeToGrade(age, (min, max)));

    [Theory]
    [InlineData(null, "桃洪", Missing)]
    [InlineData("桃洪", "桃洪", TownshipLevel.SameTownship)]
    [InlineData("桃洪", "石门", TownshipLevel.OtherTownship)]
    public void Township_levels(string? a, string? b, int level) => Assert.Equal(level, PairComparer.CompareTownships(a, b));

    [Fact]
    public void A_row_with_another_register_persons_number_is_compared_by_household_not_by_digits()
    {
        var kid = Record(name: "刘子涵", id: Valid) with { IdValid = true, Household = "4301210010001", Age = 10 };
        var row = Record(name: "刘子涵") with { NumberOfAnother = true, Household = "4301210010001", GradeAges = (10, 10) };
        var p = PairComparer.Compare(kid, row);
        Assert.Equal(Missing, p.Level(Comparison.Id));
        Assert.Equal(NumberOwnerLevel.HouseholdMember, p.Level(Comparison.NumberOwner));
        Assert.Equal(AgeGradeLevel.Fits, p.Level(Comparison.AgeForGrade)); // the row's birth date is unknown
        var neighbour = kid with { Household = "4301210010002" };
        Assert.Equal(NumberOwnerLevel.OtherRegisterPerson, PairComparer.Compare(neighbour, row).Level(Comparison.NumberOwner));
        var noHouseholds = kid with { Household = "" }; // a register without 户编号 cannot tell
        Assert.Equal(Missing, PairComparer.Compare(noHouseholds, row).Level(Comparison.NumberOwner));
    }

    [Fact]
    public void Township_is_compared_only_within_one_county_and_age_only_without_a_birth_date()
    {
        var person = Record(birth: 20160301, county: 430121) with { Township = "桃洪", Age = 10 };
        var away = Record(birth: 20160301, county: 430102) with { Township = "石门", GradeAges = (10, 10) };
        var p = PairComparer.Compare(person, away);
        Assert.Equal(LocationLevel.SamePrefecture, p.Level(Comparison.Location));
        Assert.Equal(Missing, p.Level(Comparison.Township)); // another county's townships say nothing more
        Assert.Equal(Missing, p.Level(Comparison.AgeForGrade));
        Assert.Equal(AgeGradeLevel.Fits, PairComparer.Compare(person, away, training: true).Level(Comparison.AgeForGrade));
    }

    [Fact]
    public void A_school_name_tells_its_township_when_the_register_knows_it()
    {
        var towns = new Townships();
        foreach (string t in new[] { "桃洪镇", "桃花乡", "石门乡", "城关街道", "乡" })
            towns.Add(t);
        Assert.Equal("桃洪", towns.OfSchool("隆回县桃洪镇中心小学"));
        Assert.Equal("桃花", towns.OfSchool("隆回县桃花中心小学"));
        Assert.Equal("城关", towns.OfSchool("新邵县城关中学"));
        Assert.Null(towns.OfSchool("隆回县第一中学"));
        Assert.Equal("桃洪", Townships.Stem("桃洪镇"));
        Assert.Null(Townships.Stem("乡")); // too short to recognise in a school name
    }

    [Fact]
    public void Two_broken_numbers_that_disagree_count_as_missing_not_as_different()
    {
        var brokenA = Record(id: "430224200810103017");
        var brokenB = Record(id: "430724200810130017");
        var valid = Record(id: "430724200810130017") with { IdValid = true };
        Assert.Equal(Missing, PairComparer.CompareIdsOf(brokenA, brokenB));
        Assert.Equal(IdLevel.Different, PairComparer.CompareIdsOf(brokenA, valid));
        Assert.Equal(IdLevel.Equal, PairComparer.CompareIdsOf(brokenB, valid));
    }

    [Fact]
    public void A_pattern_packs_every_level_and_gives_them_back()
    {
        var p = Pattern.Of(IdLevel.TwoDigitsSwapped, NameLevel.SamePinyin, BirthLevel.OneFieldOff, SexLevel.Different, LocationLevel.SameProvince,
            TownshipLevel.OtherTownship, StudentNumberLevel.OtherNumber, NumberOwnerLevel.HouseholdMember, AgeGradeLevel.NotFit);
        Assert.Equal(IdLevel.TwoDigitsSwapped, p.Level(Comparison.Id));
        Assert.Equal(NameLevel.SamePinyin, p.Level(Comparison.Name));
        Assert.Equal(BirthLevel.OneFieldOff, p.Level(Comparison.BirthDate));
        Assert.Equal(SexLevel.Different, p.Level(Comparison.Gender));
        Assert.Equal(LocationLevel.SameProvince, p.Level(Comparison.Location));
        Assert.Equal(TownshipLevel.OtherTownship, p.Level(Comparison.Township));
        Assert.Equal(StudentNumberLevel.OtherNumber, p.Level(Comparison.StudentNumber));
        Assert.Equal(NumberOwnerLevel.HouseholdMember, p.Level(Comparison.NumberOwner));
        Assert.Equal(AgeGradeLevel.NotFit, p.Level(Comparison.AgeForGrade));
        Assert.InRange(p.Value, 0, Comparison.PatternCount - 1);
    }

    [Fact]
    public void Compare_puts_a_typical_missed_pair_into_its_levels()
    {
        // The register lost the ID to Excel; the registry has it. Name in traditional characters there.
        var person = Record(name: "张伟", id: IdDigits.Clean("4.30121E+17"), birth: 20160301, sex: Sex.Male, county: 430121);
        var student = Record(name: "张伟", id: Id, birth: 20160301, sex: Sex.Male, county: 430121);
        var p = PairComparer.Compare(person, student);
        Assert.Equal(Missing, p.Level(Comparison.Id));
        Assert.Equal(NameLevel.Equal, p.Level(Comparison.Name));
        Assert.Equal(BirthLevel.Equal, p.Level(Comparison.BirthDate));
        Assert.Equal(SexLevel.Equal, p.Level(Comparison.Gender));
        Assert.Equal(LocationLevel.SameCounty, p.Level(Comparison.Location));
    }

    internal static LinkRecord Record(string name = "张伟", string? id = null, int birth = 0, Sex sex = Sex.Unknown, int county = 0) =>
        new() { NameForm = name, Id = id, Birth = birth, Sex = sex, County = county };
}
