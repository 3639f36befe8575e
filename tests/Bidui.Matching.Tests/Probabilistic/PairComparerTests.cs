using Bidui.Core.Identity;
using Bidui.Matching.Probabilistic;
using static Bidui.Matching.Probabilistic.Comparison;

namespace Bidui.Matching.Tests.Probabilistic;

public class PairComparerTests
{
    private const string Id = "430121201603010019"; // valid: 430121 2016-03-01, sequence 001, check 9

    [Theory]
    [InlineData(null, Id, Missing)]
    [InlineData(Id, null, Missing)]
    [InlineData(Id, Id, IdLevel.Equal)]
    [InlineData("430121201603010010", Id, IdLevel.CheckCharacterOnly)]
    [InlineData("430121201603010029", Id, IdLevel.OneDigit)]          // sequence digit mistyped, old check kept
    [InlineData("430121201608010019", Id, IdLevel.OneDigit)]          // month mistyped
    [InlineData("43012120160301019", Id, IdLevel.OneDigit)]           // a digit lost
    [InlineData("4301212016030100019", Id, IdLevel.OneDigit)]         // a digit typed twice
    [InlineData("430121201630010019", Id, IdLevel.Transposition)]     // 03 → 30
    [InlineData("430121201603010995", Id, IdLevel.SameRegionAndBirth)] // another child born that day there
    [InlineData("430524201603010019", Id, IdLevel.Different)]
    public void Id_levels(string? a, string? b, int level) => Assert.Equal(level, PairComparer.CompareIds(a, b));

    [Theory]
    [InlineData("", "王伟", Missing)]
    [InlineData("王伟", "王伟", NameLevel.Equal)]
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
    [InlineData(0, 0, 430121, 0, Missing)]
    [InlineData(430121, 0, 430102, 430121, CountyLevel.Equal)]      // any of each side's counties
    [InlineData(430121, 0, 430102, 0, CountyLevel.SamePrefecture)]  // 长沙县 / 芙蓉区: 长沙市
    [InlineData(430121, 0, 430524, 0, CountyLevel.SameProvince)]
    [InlineData(430121, 0, 440305, 0, CountyLevel.Different)]
    public void County_levels(int a, int a2, int b, int b2, int level) =>
        Assert.Equal(level, PairComparer.CompareCounties(Record(county: a, other: a2), Record(county: b, other: b2)));

    [Theory]
    [InlineData(null, "桃洪", Missing)]
    [InlineData("桃洪", "桃洪", ContextLevel.SameTownship)]
    [InlineData("桃洪", "石门", ContextLevel.OtherTownship)]
    public void Township_levels(string? a, string? b, int level) => Assert.Equal(level, PairComparer.CompareTownships(a, b));

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
        var p = Pattern.Of(IdLevel.Transposition, NameLevel.SamePinyin, BirthLevel.OneFieldOff, SexLevel.Different, CountyLevel.SameProvince);
        Assert.Equal(IdLevel.Transposition, p.Level(Comparison.Id));
        Assert.Equal(NameLevel.SamePinyin, p.Level(Comparison.Name));
        Assert.Equal(BirthLevel.OneFieldOff, p.Level(Comparison.BirthDate));
        Assert.Equal(SexLevel.Different, p.Level(Comparison.Gender));
        Assert.Equal(CountyLevel.SameProvince, p.Level(Comparison.County));
        Assert.InRange(p.Value, 0, Comparison.PatternCount - 1);
    }

    [Fact]
    public void Compare_puts_a_typical_missed_pair_into_its_levels()
    {
        // The register lost the ID to Excel; the registry has it. Name in traditional characters there.
        var person = Record(name: "张伟", id: IdDigits.Clean("4.30121E+17"), birth: 20160301, sex: Sex.Male, other: 430121);
        var student = Record(name: "张伟", id: Id, birth: 20160301, sex: Sex.Male, county: 430121, other: 430102);
        var p = PairComparer.Compare(person, student);
        Assert.Equal(Missing, p.Level(Comparison.Id));
        Assert.Equal(NameLevel.Equal, p.Level(Comparison.Name));
        Assert.Equal(BirthLevel.Equal, p.Level(Comparison.BirthDate));
        Assert.Equal(SexLevel.Equal, p.Level(Comparison.Gender));
        Assert.Equal(CountyLevel.Equal, p.Level(Comparison.County));
    }

    internal static LinkRecord Record(string name = "张伟", string? id = null, int birth = 0, Sex sex = Sex.Unknown, int county = 0, int other = 0) =>
        new() { NameForm = name, Id = id, Birth = birth, Sex = sex, County = county, OtherCounty = other };
}
