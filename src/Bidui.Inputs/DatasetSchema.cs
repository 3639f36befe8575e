using System.Text;

namespace Bidui.Inputs;

/// <summary>The columns of one dataset of SPEC 1, with the aliases accepted for each.</summary>
public sealed partial class DatasetSchema
{
    // Normalised header text → column; canonical names and aliases alike.
    private readonly Dictionary<string, (string Canonical, bool IsCanonical)> _lookup = new(StringComparer.Ordinal);

    private DatasetSchema(string datasetName, IReadOnlyList<ColumnSpec> columns, IReadOnlyList<IReadOnlyList<string>> requiredGroups,
        int headerMinimum = 2)
    {
        DatasetName = datasetName;
        HeaderMinimum = headerMinimum;
        Columns = columns;
        RequiredGroups = requiredGroups;

        foreach (var column in columns)
        {
            Add(column.Canonical, column.Canonical, isCanonical: true);
            foreach (var alias in column.Aliases)
            {
                Add(alias, column.Canonical, isCanonical: false);
            }
        }

        foreach (var group in requiredGroups)
        {
            foreach (var canonical in group)
            {
                if (!columns.Any(c => c.Canonical == canonical))
                {
                    throw new InvalidOperationException($"Required column {canonical} is not a column of {datasetName}.");
                }
            }
        }
    }

    /// <summary>学籍 / 乡村振兴 / 资助.</summary>
    public string DatasetName { get; }

    public IReadOnlyList<ColumnSpec> Columns { get; }

    /// <summary>
    /// How many recognised names make a row the header: two (SPEC §1), one for a file that may have a
    /// single column (a list of key counties).
    /// </summary>
    public int HeaderMinimum { get; }

    /// <summary>Each group: at least one of these canonical columns must be present.</summary>
    public IReadOnlyList<IReadOnlyList<string>> RequiredGroups { get; }

    /// <summary>
    /// The canonical column a header cell stands for, or null. Matching is on <see cref="NormalizeHeader"/>
    /// forms, so decorations such as <c>*身份证件号（必填）</c> do not matter.
    /// </summary>
    public string? Recognize(string headerCell) => Lookup(NormalizeHeader(headerCell)).Canonical;

    /// <summary>
    /// Header text reduced for matching: NFKC, all white space removed (also U+3000 and line breaks),
    /// '*' removed, bracketed notes （…）(…)【…】[…] removed.
    /// </summary>
    public static string NormalizeHeader(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        // NFKC first: it turns full-width （）［］＊ into their ASCII forms, so one set of rules suffices.
        string s = cell.IsNormalized(NormalizationForm.FormKC) ? cell : cell.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c) || c == '*' || IsInvisible(c))
            {
                continue;
            }

            if (IsOpening(c))
            {
                int end = FindClosing(s, i);
                if (end > i)
                {
                    i = end; // drop the whole note
                }

                continue; // an unmatched bracket is dropped alone
            }

            if (IsClosing(c))
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>The canonical name and every alias accepted for a column, canonical first.</summary>
    internal IReadOnlyList<string> AcceptedNames(string canonical)
    {
        foreach (var column in Columns)
        {
            if (column.Canonical == canonical)
            {
                var names = new List<string>(column.Aliases.Count + 1) { column.Canonical };
                names.AddRange(column.Aliases);
                return names;
            }
        }

        return [canonical];
    }

    internal (string? Canonical, bool IsCanonical) Lookup(string normalizedHeader) =>
        normalizedHeader.Length > 0 && _lookup.TryGetValue(normalizedHeader, out var hit) ? hit : (null, false);

    private void Add(string name, string canonical, bool isCanonical)
    {
        string key = NormalizeHeader(name);
        if (_lookup.TryGetValue(key, out var existing))
        {
            if (existing.Canonical != canonical)
            {
                throw new InvalidOperationException($"Header name {name} of {DatasetName} maps to both {existing.Canonical} and {canonical}.");
            }

            if (!isCanonical)
            {
                return;
            }
        }

        _lookup[key] = (canonical, isCanonical);
    }

    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static bool IsOpening(char c) => c is '(' or '[' or '{' or '【' or '〔' or '〖';

    private static bool IsClosing(char c) => c is ')' or ']' or '}' or '】' or '〕' or '〗';

    private static int FindClosing(string s, int open)
    {
        int depth = 0;
        for (int i = open; i < s.Length; i++)
        {
            if (IsOpening(s[i]))
            {
                depth++;
            }
            else if (IsClosing(s[i]) && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
