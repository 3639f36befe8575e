namespace Bidui.Synthetic.Tests;

public sealed class NamesTests
{
    [Fact]
    public void Surnames_follow_their_national_frequencies()
    {
        var rng = new Rng(3);
        var counts = new Dictionary<char, int>();
        const int n = 200_000;
        for (int i = 0; i < n; i++)
        {
            char s = Names.ToText(Names.RandomHan(rng, male: i % 2 == 0, child: i % 3 == 0))[0];
            counts[s] = counts.GetValueOrDefault(s) + 1;
        }

        var top = counts.OrderByDescending(c => c.Value).Take(5).Select(c => c.Key).Order();
        Assert.Equal("刘张李王陈".Order(), top);
        Assert.InRange(counts['王'] / (double)n, 0.08, 0.12); // about 7.1 % of the population, 100 surnames normalised
        Assert.Equal(100, counts.Count);
    }

    [Fact]
    public void Names_are_one_or_two_given_characters_and_Uyghur_names_carry_a_middle_dot()
    {
        var rng = new Rng(4);
        for (int i = 0; i < 10_000; i++)
        {
            string han = Names.ToText(Names.RandomHan(rng, i % 2 == 0, i % 3 == 0));
            Assert.InRange(han.Length, 2, 3);
            string uyghur = Names.ToText(Names.RandomUyghur(rng, i % 2 == 0));
            Assert.Single(uyghur, c => c == '·');
        }
    }

    [Fact]
    public void Traditional_forms_only_use_characters_no_name_is_written_with()
    {
        string all = Names.AllNameCharacters();
        foreach (var (simplified, traditional) in Names.TraditionalMap)
        {
            Assert.NotEqual(simplified, traditional);
            Assert.DoesNotContain(traditional, all);
            Assert.Contains(simplified, all);
        }

        Span<char> buffer = stackalloc char[16];
        int n = Names.Write(Names.RandomHan(new Rng(1), true, true, surname: 2), buffer);
        Names.MakeTraditional(buffer[..n]);
        Assert.Equal('張', buffer[0]);
    }

    [Fact]
    public void An_alternative_name_differs_even_after_folding_traditional_characters()
    {
        var rng = new Rng(5);
        for (int i = 0; i < 20_000; i++)
        {
            int name = i % 7 == 0 ? Names.RandomUyghur(rng, i % 2 == 0) : Names.RandomHan(rng, i % 2 == 0, i % 3 == 0);
            string a = Names.ToText(name);
            string b = Names.ToText(Names.Alternative(name));
            Assert.NotEqual(a, b);
            if (!a.Contains('·', StringComparison.Ordinal))
            {
                Assert.Equal(a.Length, b.Length);
                Assert.Equal(a[0], b[0]);
            }
        }
    }
}
