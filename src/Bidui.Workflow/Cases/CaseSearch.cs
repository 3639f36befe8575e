using Bidui.Workflow.Store;

namespace Bidui.Workflow.Cases;

/// <summary>
/// What the case list's search box finds, each through an index on both stores (docs/WORKFLOW.md "Search"):
/// <list type="bullet">
/// <item>digits (and X): 4 or more are the ID's last digits, as the mask 4331**********1234 shows them (the stored
/// tail of 4, then the rest); 6 or more are also the ID's first digits and the start of a 学籍号; 18 are a full ID;</item>
/// <item>a letter and digits (G430…): the start of a 学籍号;</item>
/// <item>anything else: the start of the name (a whole name, or its surname and first characters).</item>
/// </list>
/// A prefix is a range in code-point order (SQLite's BINARY, PostgreSQL's COLLATE "C" columns), so a plain
/// btree index answers it; no trigram extension is needed.
/// </summary>
public static class CaseSearch
{
    /// <summary>Above every character: the end of a prefix's range.</summary>
    private const string Highest = "\U0010FFFF";

    public static IQueryable<Case> Apply(IQueryable<Case> q, string text)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        string upper = t.ToUpperInvariant();
        string hi = upper + Highest;
#pragma warning disable CA1309, CA1310 // Translated to SQL comparisons (the column's code-point order); never run in .NET.
        if (upper.Length >= 4 && IsIdDigits(upper))
        {
            string tail = upper[^4..];
            if (upper.Length == 4) return q.Where(c => c.IdTail == tail);
            if (upper.Length == 5) return q.Where(c => c.IdTail == tail && c.IdNumber.EndsWith(upper));
            return q.Where(c => (c.IdTail == tail && c.IdNumber.EndsWith(upper))
                || (string.Compare(c.IdNumber, upper) >= 0 && string.Compare(c.IdNumber, hi) < 0)
                || (c.StudentNo != null && string.Compare(c.StudentNo, upper) >= 0 && string.Compare(c.StudentNo, hi) < 0));
        }
        if (upper.Length >= 6 && char.IsAsciiLetter(upper[0]) && IsIdDigits(upper[1..]))
            return q.Where(c => c.StudentNo != null && string.Compare(c.StudentNo, upper) >= 0 && string.Compare(c.StudentNo, hi) < 0);
        string nameHi = t + Highest;
        return q.Where(c => string.Compare(c.PersonName, t) >= 0 && string.Compare(c.PersonName, nameHi) < 0);
#pragma warning restore CA1309, CA1310
    }

    private static bool IsIdDigits(string s)
    {
        for (int i = 0; i < s.Length; i++)
            if (!char.IsAsciiDigit(s[i]) && !(s[i] == 'X' && i == s.Length - 1)) return false;
        return s.Length > 0;
    }
}
