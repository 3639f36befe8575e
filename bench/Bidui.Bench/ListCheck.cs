using Bidui.Inputs;

namespace Bidui.Bench;

/// <summary>How one list of the two contenders compares: the same set of keys (ID numbers) or not.</summary>
internal sealed record ListDifference(string List, int Bidui, int DuckDb, IReadOnlyList<string> OnlyBidui, IReadOnlyList<string> OnlyDuckDb)
{
    public bool Same => OnlyBidui.Count == 0 && OnlyDuckDb.Count == 0;
}

/// <summary>Compares a list written by Bidui with the same list written by DuckDB, by the person's ID number.</summary>
internal static class ListCheck
{
    public static readonly string[] Lists = ["matched", "dropout_suspect", "aid_missing"];

    // Both write the person's ID in 证件号码: Bidui the 18-digit number rebuilt from its key, DuckDB its key.
    private const string IdColumn = "证件号码";

    public static ListDifference Compare(string list, string biduiDir, string duckDir)
    {
        var bidui = Keys(Path.Combine(biduiDir, list + ".csv"));
        var duck = Keys(Path.Combine(duckDir, list + ".csv"));
        return Compare(list, bidui, duck);
    }

    internal static ListDifference Compare(string list, IReadOnlyCollection<string> bidui, IReadOnlyCollection<string> duck)
    {
        var b = bidui.ToHashSet(StringComparer.Ordinal);
        var d = duck.ToHashSet(StringComparer.Ordinal);
        var onlyB = b.Where(k => !d.Contains(k)).Order(StringComparer.Ordinal).ToList();
        var onlyD = d.Where(k => !b.Contains(k)).Order(StringComparer.Ordinal).ToList();
        return new ListDifference(list, b.Count, d.Count, onlyB, onlyD);
    }

    /// <summary>The normalised ID of every row of a list file (header on the first line).</summary>
    internal static List<string> Keys(string csv)
    {
        using var reader = TabularFile.Open(csv);
        if (!reader.Read())
        {
            return [];
        }

        int column = -1;
        for (int i = 0; i < reader.FieldCount; i++)
        {
            if (reader.GetString(i) == IdColumn)
            {
                column = i;
            }
        }

        if (column < 0)
        {
            throw new InvalidOperationException($"{csv}: no column {IdColumn}");
        }

        var keys = new List<string>();
        while (reader.Read())
        {
            if (!reader.IsBlank)
            {
                keys.Add(Normalise(reader.GetSpan(column)));
            }
        }

        return keys;
    }

    /// <summary>Upper case without white space: how both sides write a key.</summary>
    internal static string Normalise(ReadOnlySpan<char> id)
    {
        Span<char> buffer = stackalloc char[Math.Min(id.Length, 256)];
        int n = 0;
        foreach (char c in id)
        {
            if (!char.IsWhiteSpace(c) && n < buffer.Length)
            {
                buffer[n++] = char.ToUpperInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }
}
