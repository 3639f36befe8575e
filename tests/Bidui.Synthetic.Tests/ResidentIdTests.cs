using Bidui.Synthetic.Model;
using Bidui.Synthetic.Output;
using Bidui.Synthetic.Tests.Support;

namespace Bidui.Synthetic.Tests;

public sealed class ResidentIdTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public void The_check_character_of_the_standards_example_is_X()
    {
        Assert.Equal('X', ResidentIds.CheckChar("11010519491231002"));
        Assert.Equal('X', ResidentIds.CheckChar(11010519491231002L));
        Assert.Equal('X', IdRules.Check("11010519491231002"));
        Assert.Equal("11010519491231002X", ResidentIds.Format(11010519491231002L));
    }

    [Fact]
    public void The_generator_and_the_test_side_agree_on_every_check_character()
    {
        var rng = new Rng(42);
        for (int i = 0; i < 20_000; i++)
        {
            long id17 = (long)(rng.NextU64() % 90_000_000_000_000_000UL) + 10_000_000_000_000_000L;
            string first17 = id17.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(IdRules.Check(first17), ResidentIds.CheckChar(id17));
            Assert.Equal(IdRules.Check(first17), ResidentIds.CheckChar(first17));
        }
    }

    [Fact]
    public void A_composed_number_gives_back_its_region_birth_date_and_sex()
    {
        long id17 = ResidentIds.Compose(430582, new DateOnly(2013, 5, 7), 123);
        Assert.Equal("43058220130507123", id17.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(430582, ResidentIds.Region(id17));
        Assert.Equal(new DateOnly(2013, 5, 7), ResidentIds.BirthDate(id17));
        Assert.True(ResidentIds.IsMale(id17));
    }

    public static TheoryData<string> IdFaults() => new(Enum.GetValues<Fault>().Where(f => f is >= Fault.EmptyId and <= Fault.Apostrophe).Select(f => f.ToString()));

    /// <summary>Each fault has exactly its defect: the SPEC 2.1 checks, done again on the test side, give its reason and no other.</summary>
    [Theory]
    [MemberData(nameof(IdFaults))]
    public void Every_written_fault_gives_exactly_its_reason(string faultName)
    {
        var fault = Enum.Parse<Fault>(faultName);
        var rng = new Rng((ulong)fault);
        Span<char> buffer = stackalloc char[32];
        for (int i = 0; i < 3_000; i++)
        {
            var birth = new DateOnly(1950, 1, 1).AddDays(rng.Next(26_000));
            if (birth.Month == 2 && birth.Day == 29)
            {
                continue;
            }

            long id17 = ResidentIds.Compose(rng.Pick([430582, 430521, 110105, 441900, 522702]), birth, rng.Next(1000));
            if (fault == Fault.LowerX && ResidentIds.CheckChar(id17) != 'X')
            {
                continue;
            }

            if (fault == Fault.Legacy15 && birth.Year > 1999)
            {
                continue;
            }

            foreach (bool spreadsheet in (bool[])[false, true])
            {
                int n = IdText.Write(id17, fault, rng.NextU64(), Today, spreadsheet, buffer, out double numeric);
                var cell = double.IsNaN(numeric)
                    ? new SourceCell(new string(buffer[..n]), false)
                    : new SourceCell(numeric.ToString("R", CultureInfo.InvariantCulture), true);
                Assert.Equal(Faults.InvalidReason(fault), IdRules.Reason(cell, Today));
                string? key = IdRules.Key(cell, Today);
                Assert.Equal(Faults.KeepsKey(fault) ? ResidentIds.Format(id17) : null, key);
            }
        }
    }
}
