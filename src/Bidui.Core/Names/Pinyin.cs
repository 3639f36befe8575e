using Bidui.Core.Text;

namespace Bidui.Core.Names;

/// <summary>Toneless Mandarin reading of a Han character (first Unihan kMandarin reading, ü as v), e.g. 张 → zhang.</summary>
public static class Pinyin
{
    /// <summary>The reading, or null when Unihan gives none; falls back to the simplified form's reading.</summary>
    public static string? Of(char c)
    {
        ushort index = Table.Index[c];
        if (index == 0)
        {
            char simplified = ChineseScript.ToSimplified(c);
            if (simplified == c)
                return null;
            index = Table.Index[simplified];
        }
        return index == 0 ? null : Table.Syllables[index - 1];
    }

    /// <summary>
    /// A number for the character's toneless reading (0 when it has none): two characters read alike
    /// have the same number. Cheap enough to key millions of names by how they sound.
    /// </summary>
    public static int SyllableId(char c)
    {
        ushort index = Table.Index[c];
        return index != 0 ? index : Table.Index[ChineseScript.ToSimplified(c)];
    }

    private static class Table
    {
        // Index into Syllables, plus one (0 = no reading): 128 KB instead of a reference per character.
        public static readonly ushort[] Index = new ushort[char.MaxValue + 1];
        public static readonly string[] Syllables = Load();

        private static string[] Load()
        {
            var syllables = new List<string>();
            foreach (string line in EmbeddedData.Lines("Bidui.Core.Names.pinyin.txt"))
            {
                int space = line.IndexOf(' ', StringComparison.Ordinal);
                if (space <= 0)
                    continue;
                syllables.Add(line[..space]);
                ushort number = (ushort)syllables.Count;
                for (int i = space + 1; i < line.Length; i++)
                    Index[line[i]] = number;
            }
            return [.. syllables];
        }
    }
}
