using Bidui.Core.Text;

namespace Bidui.Core.Names;

/// <summary>Traditional → simplified Chinese, character by character (Unihan kSimplifiedVariant, see Data/README.md).</summary>
public static class ChineseScript
{
    public static char ToSimplified(char c)
    {
        char[] map = Table.Map;
        char mapped = map[c];
        return mapped == '\0' ? c : mapped;
    }

    /// <summary>The simplified text; the same instance when nothing changes.</summary>
    public static string ToSimplified(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        char[] map = Table.Map;
        int first = 0;
        while (first < s.Length && map[s[first]] == '\0')
            first++;
        if (first == s.Length)
            return s;
        return string.Create(s.Length, (s, first), static (span, state) =>
        {
            state.s.AsSpan().CopyTo(span);
            for (int i = state.first; i < span.Length; i++)
                span[i] = ToSimplified(span[i]);
        });
    }

    // Nested so the table is only read when script conversion is first used.
    private static class Table
    {
        // One slot per BMP character (128 KB): a lookup is a single array read on the name hot path.
        public static readonly char[] Map = Load();

        private static char[] Load()
        {
            var map = new char[char.MaxValue + 1];
            foreach (string line in EmbeddedData.Lines("Bidui.Core.Names.t2s.txt"))
            {
                for (int i = 0; i + 1 < line.Length; i += 2)
                    map[line[i]] = line[i + 1];
            }
            return map;
        }
    }
}
