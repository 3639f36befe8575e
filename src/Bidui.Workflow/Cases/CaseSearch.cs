using Bidui.Workflow.Store;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

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
/// btree index answers it; no trigram extension is needed. On PostgreSQL the indexes are on <c>cases</c>; on SQLite on
/// <c>case_keys</c> (V014), whose matching case numbers narrow the same test on the case's own columns.
/// </summary>
public static class CaseSearch
{
    /// <summary>Above every character: the end of a prefix's range.</summary>
    private const string Highest = "\U0010FFFF";

    /// <summary>The kinds of <c>case_keys</c> (SQLite, V014).</summary>
    private const int NameKey = 1, IdKey = 2, TailKey = 3, StudentNoKey = 4;

    public static IQueryable<Case> Apply(BiduiDbContext db, IQueryable<Case> q, string text)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        string upper = t.ToUpperInvariant();
        string hi = upper + Highest;
        bool keys = db.Database.IsSqlite();
#pragma warning disable CA1309, CA1310 // Translated to SQL comparisons (the column's code-point order); never run in .NET.
        if (upper.Length >= 4 && IsIdDigits(upper))
        {
            string tail = upper[^4..];
            if (upper.Length <= 5)
            {
                if (keys) q = Narrow(q, Keys(db, $"\"Kind\" = {TailKey} AND \"Key\" = {tail}"));
                return upper.Length == 4 ? q.Where(c => c.IdTail == tail) : q.Where(c => c.IdTail == tail && c.IdNumber.EndsWith(upper));
            }
            if (keys)
            {
                q = Narrow(q, Keys(db, $"(\"Kind\" = {TailKey} AND \"Key\" = {tail}) OR (\"Kind\" = {IdKey} AND \"Key\" >= {upper} AND \"Key\" < {hi}) OR (\"Kind\" = {StudentNoKey} AND \"Key\" >= {upper} AND \"Key\" < {hi})"));
            }
            return q.Where(c => (c.IdTail == tail && c.IdNumber.EndsWith(upper))
                || (string.Compare(c.IdNumber, upper) >= 0 && string.Compare(c.IdNumber, hi) < 0)
                || (c.StudentNo != null && string.Compare(c.StudentNo, upper) >= 0 && string.Compare(c.StudentNo, hi) < 0));
        }
        if (upper.Length >= 6 && char.IsAsciiLetter(upper[0]) && IsIdDigits(upper[1..]))
        {
            if (keys) q = Narrow(q, Keys(db, $"\"Kind\" = {StudentNoKey} AND \"Key\" >= {upper} AND \"Key\" < {hi}"));
            return q.Where(c => c.StudentNo != null && string.Compare(c.StudentNo, upper) >= 0 && string.Compare(c.StudentNo, hi) < 0);
        }
        string nameHi = t + Highest;
        if (keys) q = Narrow(q, Keys(db, $"\"Kind\" = {NameKey} AND \"Key\" >= {t} AND \"Key\" < {nameHi}"));
        return q.Where(c => string.Compare(c.PersonName, t) >= 0 && string.Compare(c.PersonName, nameHi) < 0);
#pragma warning restore CA1309, CA1310
    }

    private static IQueryable<Case> Narrow(IQueryable<Case> q, IQueryable<long> ids) => q.Where(c => ids.Contains(c.Id));

    /// <summary>SQLite: the numbers of the cases whose keys meet <paramref name="where"/> (values as parameters).</summary>
    private static IQueryable<long> Keys(BiduiDbContext db, FormattableString where) =>
        db.Database.SqlQuery<long>(FormattableStringFactory.Create("SELECT \"CaseId\" AS \"Value\" FROM case_keys WHERE " + where.Format, where.GetArguments()));

    private static bool IsIdDigits(string s)
    {
        for (int i = 0; i < s.Length; i++)
            if (!char.IsAsciiDigit(s[i]) && !(s[i] == 'X' && i == s.Length - 1)) return false;
        return s.Length > 0;
    }
}
