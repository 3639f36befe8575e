using Bidui.Matching.Support;

namespace Bidui.Matching.Tests;

public sealed class KeyIndexTests
{
    [Fact]
    public void Keeps_each_keys_first_row_and_count_through_growth_and_prefetches()
    {
        var index = new KeyIndex(expectedKeys: 4); // starts small: grows several times below
        var random = new Random(7);
        var keys = Enumerable.Range(0, 5_000).Select(_ => random.NextInt64(1, long.MaxValue)).Distinct().ToArray();
        for (int row = 0; row < keys.Length * 2; row++)
        {
            long key = keys[row % keys.Length];
            index.Prefetch(key);            // a hint only: must change nothing
            index.Prefetch(key ^ 0x5555);   // keys that are not there too
            Assert.Equal(row / keys.Length + 1, index.Add(key, row)); // the key's row count after this one
        }

        Assert.Equal(keys.Length, index.Keys);
        for (int i = 0; i < keys.Length; i++)
        {
            Assert.True(index.TryGetFirst(keys[i], out int first));
            Assert.Equal(i, first);
            Assert.Equal(2, index.CountOf(keys[i]));
        }
        long absent = 1;
        while (keys.Contains(absent))
            absent++;
        Assert.False(index.Contains(absent));
        Assert.Equal(0, index.CountOf(absent));
        Assert.False(index.TryGetFirst(0, out _));
        Assert.Equal(0, index.CountOf(0));
    }
}
