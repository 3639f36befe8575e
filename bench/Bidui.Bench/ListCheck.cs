using Bidui.Inputs;

namespace Bidui.Bench;

/// <summary>An input's ID column, and the cells the plain SQL compares as literals (with the values it knows).</summary>
internal sealed record IdColumn(string Path, DatasetSchema Schema, string Column, params (string Column, string[] Values)[] Literals)
{
    public static IdColumn[] Of(string students, string poverty, string aid) =>
    [
        new(students, DatasetSchema.Students, "身份证件号", ("学段", ["学前", "小学", "初中", "高中", "中职"]), ("学籍状态", ["", "在读", "在籍", "在校", "休学"])),
        new(poverty, DatasetSchema.Poverty, "证件号码", ("人员状态", ["", "正常", "死亡", "注销"])),
        new(aid, DatasetSchema.Aid, "身份证件号"),
    ];
}

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

    /// <param name="plainAlike">
    /// For the plain peer, which keeps any 18 characters and folds nothing but spaces and case: the keys of
    /// persons whose number is valid and written alike for both (not in <paramref name="readDifferently"/>).
    /// </param>
    public static ListDifference Compare(string list, string biduiDir, string duckDir, bool plainAlike = false, IReadOnlySet<string>? readDifferently = null)
    {
        var bidui = Keys(Path.Combine(biduiDir, list + ".csv"));
        var duck = Keys(Path.Combine(duckDir, list + ".csv"));
        if (!plainAlike)
        {
            return Compare(list, bidui, duck);
        }

        bool Alike(string k) => IsValid(k) && readDifferently?.Contains(k) != true;
        return Compare(list, bidui.Where(Alike).ToList(), duck.Where(Alike).ToList());
    }

    /// <summary>
    /// The valid numbers that some row of the inputs writes in a form the plain peer does not read as Bidui
    /// does: the number itself (full-width digits, hyphens, an apostrophe, 15 digits …), or a cell the plain
    /// SQL compares as a literal (a 学段 other than the five stages, e.g. 普通高中 or empty with 年级 小班; a
    /// 学籍状态 or 人员状态 outside its literal list). On these persons Bidui and the plain SQL are meant to differ.
    /// </summary>
    public static HashSet<string> ReadDifferently(IEnumerable<IdColumn> inputs)
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            using var table = BoundTable.Open(input.Path, input.Schema);
            int at = table.Ordinal(input.Column);
            var literals = input.Literals.Select(l => (At: table.Ordinal(l.Column), l.Values)).ToList();
            while (at >= 0 && table.ReadRow())
            {
                if (table.Reader.IsBlank)
                {
                    continue;
                }

                var cell = table.Reader.GetSpan(at);
                var parsed = Bidui.Core.Identity.ResidentId.Parse(cell, today);
                if (!parsed.HasKey)
                {
                    continue;
                }

                string key = Bidui.Core.Identity.ResidentId.Format(parsed.Key);
                bool alike = cell.Trim().ToString().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant().Equals(key, StringComparison.Ordinal)
                    && literals.All(l => l.At < 0 || l.Values.Contains(table.Reader.GetString(l.At)));
                if (!alike)
                {
                    keys.Add(key);
                }
            }
        }

        return keys;
    }

    /// <summary>A valid 18-character number as written (date, province and check character right).</summary>
    internal static bool IsValid(string key)
    {
        var parsed = Bidui.Core.Identity.ResidentId.Parse(key, DateOnly.FromDateTime(DateTime.Now));
        return parsed.HasKey && key.Length == 18 && Bidui.Core.Identity.ResidentId.Format(parsed.Key) == key;
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
