using Bidui.Core.Identity;

namespace Bidui.Core.Tests.Identity;

public class OtherDocumentKeysTests
{
    [Fact]
    public void Same_type_and_number_give_the_same_key_whatever_the_spacing_and_case()
    {
        var keys = new OtherDocumentKeys();

        long a = keys.GetOrAdd("护照", "E1234 5678");
        long b = keys.GetOrAdd(" 护照 ", "e12345678");
        long c = keys.GetOrAdd("护照", "Ｅ１２３４５６７８");

        Assert.NotEqual(0, a);
        Assert.Equal(a, b);
        Assert.Equal(a, c);
    }

    [Fact]
    public void Another_type_or_number_gives_another_key()
    {
        var keys = new OtherDocumentKeys();

        long passport = keys.GetOrAdd("护照", "E12345678");

        Assert.NotEqual(passport, keys.GetOrAdd("港澳居民来往内地通行证", "E12345678"));
        Assert.NotEqual(passport, keys.GetOrAdd("护照", "E12345679"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\u3000")]
    public void An_empty_number_gives_no_key(string number)
    {
        Assert.Equal(0, new OtherDocumentKeys().GetOrAdd("护照", number));
    }

    [Fact]
    public void Keys_never_collide_with_resident_keys()
    {
        var keys = new OtherDocumentKeys();
        long key = keys.GetOrAdd("护照", "E12345678");

        Assert.True(OtherDocumentKeys.IsOtherDocumentKey(key));
        Assert.True(key >= 1L << 62);
        Assert.False(OtherDocumentKeys.IsOtherDocumentKey(11010519491231002L));
        Assert.False(OtherDocumentKeys.IsOtherDocumentKey(0));
    }

    [Fact]
    public void Describe_shows_type_and_number()
    {
        var keys = new OtherDocumentKeys();
        long key = keys.GetOrAdd(" 护照", "e 12345678");

        Assert.Equal("护照:E12345678", keys.Describe(key));
        Assert.Equal("", keys.Describe(11010519491231002L));
    }

    [Fact]
    public void Long_numbers_are_keyed_too()
    {
        var keys = new OtherDocumentKeys();
        string number = new('A', 300);

        Assert.Equal(keys.GetOrAdd("其他", number), keys.GetOrAdd("其他", number.ToLowerInvariant()));
    }

    [Fact]
    public void Keys_are_consistent_across_threads()
    {
        var keys = new OtherDocumentKeys();
        var results = new long[8][];
        Parallel.For(0, 8, t =>
        {
            results[t] = new long[200];
            for (int i = 0; i < 200; i++)
                results[t][i] = keys.GetOrAdd("护照", "E" + i);
        });

        for (int t = 1; t < 8; t++)
            Assert.Equal(results[0], results[t]);
        Assert.Equal(200, results[0].Distinct().Count());
    }
}
