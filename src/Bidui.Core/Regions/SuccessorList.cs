namespace Bidui.Core.Regions;

/// <summary>Parses the 新代码 column: <c>130404[2014];130402;130403</c>.</summary>
internal static class SuccessorList
{
    /// <summary>All codes in order, and those that took over in <paramref name="changedYear"/>.</summary>
    public static (int[] All, int[] AtChange) Parse(ReadOnlySpan<char> text, int? changedYear, int lineNumber)
    {
        if (text.IsEmpty)
            return ([], []);
        var all = new List<int>(4);
        var atChange = new List<int>(4);
        foreach (Range range in text.Split(';'))
        {
            ReadOnlySpan<char> item = text[range].Trim();
            if (item.IsEmpty)
                continue;
            int? year = null;
            int bracket = item.IndexOf('[');
            if (bracket >= 0)
            {
                if (item[^1] != ']' || !int.TryParse(item[(bracket + 1)..^1], out int y))
                    throw Bad(item, lineNumber);
                year = y;
                item = item[..bracket];
            }
            if (item.Length != 6 || !int.TryParse(item, out int code))
                throw Bad(item, lineNumber);
            all.Add(code);
            if (year is null || year == changedYear)
                atChange.Add(code);
        }
        return ([.. all], [.. atChange]);
    }

    private static FormatException Bad(ReadOnlySpan<char> item, int lineNumber) =>
        new($"Region table line {lineNumber}: cannot read successor code '{item}'.");
}
