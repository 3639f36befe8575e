using Bidui.Matching.Support;

namespace Bidui.Matching.Tests;

public sealed class NameArenaTests
{
    [Fact]
    public void Gives_back_every_name_across_blocks_including_empty_and_very_long_ones()
    {
        var arena = new NameArena();
        var names = new List<string> { "张三", "", "欧阳娜娜", "𠮷野家" };
        var random = new Random(3);
        for (int i = 0; i < 400_000; i++)
            names.Add(new string((char)('一' + random.Next(0, 2000)), 1 + random.Next(0, 4))); // ≈ 1 M characters: several blocks
        names.Add(new string('李', (1 << 20) + 5)); // longer than a block
        names.Add("王五");

        var refs = names.Select(n => arena.Add(n)).ToList();

        for (int i = 0; i < names.Count; i++)
        {
            Assert.Equal(names[i], arena.String(refs[i]));
            Assert.True(arena.Span(refs[i]).SequenceEqual(names[i]));
        }
        Assert.Same(string.Empty, arena.String(refs[1]));
        Assert.Equal(default, refs[1]);
    }
}
