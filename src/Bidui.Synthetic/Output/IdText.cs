using Bidui.Synthetic.Model;

namespace Bidui.Synthetic.Output;

/// <summary>
/// Writes an ID cell with exactly its row's fault: each invalid form has only the one defect that
/// gives its SPEC 2.1 reason (the other checks pass, the check character is recomputed where needed),
/// and each normalisation variant is valid again once normalised.
/// </summary>
internal static class IdText
{
    // First two digits that are no province code (SPEC 2.1 rule 2).
    private static readonly int[] BadProvinces = [10, 16, 20, 24, 30, 38, 40, 48, 49, 55, 60, 66, 70, 80, 90, 99];

    private const string IllegalLetters = "OoIl";

    /// <summary>
    /// Writes the cell text for <paramref name="id17"/> with <paramref name="fault"/>; <paramref name="hash"/>
    /// picks among the forms of a fault. Returns the length; <paramref name="numeric"/> is set when a
    /// workbook should store the ID as a number (Excel's scientific notation).
    /// </summary>
    public static int Write(long id17, Fault fault, ulong hash, DateOnly today, bool spreadsheet, Span<char> dest, out double numeric)
    {
        numeric = double.NaN;
        Span<char> id = stackalloc char[18];
        ResidentIds.Write(id17, id);
        int variant = (int)(hash % 1009);
        switch (fault)
        {
            case Fault.EmptyId:
                return 0;
            case Fault.Scientific:
                if (spreadsheet && id[17] != 'X')
                {
                    numeric = double.Parse(id, CultureInfo.InvariantCulture);
                }

                return Scientific(id, dest);
            case Fault.Legacy15:
                id[..6].CopyTo(dest);
                id[8..17].CopyTo(dest[6..]);
                return 15;
            case Fault.WrongLength:
            {
                int at = variant % 17;
                if (variant % 2 == 0)
                {
                    // A digit lost: 17 characters.
                    id[..at].CopyTo(dest);
                    id[(at + 1)..].CopyTo(dest[at..]);
                    return 17;
                }

                // A digit typed twice: 19 characters.
                id[..(at + 1)].CopyTo(dest);
                id[at..].CopyTo(dest[(at + 1)..]);
                return 19;
            }

            case Fault.IllegalChar:
                id.CopyTo(dest);
                if (variant % 2 == 0)
                {
                    // Masked for privacy: 4305822013****1234.
                    dest[10..14].Fill('*');
                }
                else
                {
                    dest[6 + variant % 11] = IllegalLetters[variant / 11 % IllegalLetters.Length];
                }

                return 18;
            case Fault.BadProvince:
            {
                int province = BadProvinces[variant % BadProvinces.Length];
                long changed = province * 1_000_000_000_000_000L + id17 % 1_000_000_000_000_000L;
                ResidentIds.Write(changed, dest);
                return 18;
            }

            case Fault.BadBirthDate:
            {
                long region = id17 / 100_000_000_000L;
                int seq = (int)(id17 % 1000);
                var birth = ResidentIds.BirthDate(id17);
                long ymd = (variant % 6) switch
                {
                    0 => birth.Year * 10_000L + 1300 + Math.Min(birth.Day, 28), // month 13
                    1 => birth.Year * 10_000L + birth.Month * 100 + 32, // day 32
                    2 => birth.Year * 10_000L + 230, // 30 February
                    3 => birth.Year * 10_000L + Math.Min(birth.Day, 28), // month 00
                    4 => Ymd(today.AddDays(400 + variant)), // after the day of the run
                    _ => 1899 * 10_000L + birth.Month * 100 + birth.Day, // before 1900
                };
                long changed = (region * 100_000_000L + ymd) * 1000 + seq;
                ResidentIds.Write(changed, dest);
                return 18;
            }

            case Fault.BadCheck:
            {
                id.CopyTo(dest);
                const string checks = "0123456789X";
                int k = checks.IndexOf(id[17], StringComparison.Ordinal);
                dest[17] = checks[(k + 1 + variant % 10) % 11];
                return 18;
            }

            case Fault.LowerX:
                id.CopyTo(dest);
                dest[17] = 'x';
                return 18;
            case Fault.FullWidth:
                for (int i = 0; i < 18; i++)
                {
                    dest[i] = id[i] == 'X' ? 'Ｘ' : (char)('０' + (id[i] - '0'));
                }

                return 18;
            case Fault.Spaces:
                return variant % 2 == 0 ? Grouped(id, ' ', dest) : Surrounded(id, ' ', dest);
            case Fault.IdeographicSpace:
                return variant % 2 == 0 ? Grouped(id, '\u3000', dest) : Surrounded(id, '\u3000', dest);
            case Fault.Hyphens:
                return Grouped(id, variant % 3 == 0 ? '－' : '-', dest);
            case Fault.Apostrophe:
                dest[0] = variant % 5 == 0 ? '`' : '\'';
                id.CopyTo(dest[1..]);
                return 19;
            default:
                id.CopyTo(dest);
                return 18;
        }
    }

    private static long Ymd(DateOnly d) => d.Year * 10_000L + d.Month * 100 + d.Day;

    /// <summary>What Excel shows for an 18-digit number in a General cell: 4.30522E+17.</summary>
    private static int Scientific(ReadOnlySpan<char> id, Span<char> dest)
    {
        int n = 0;
        dest[n++] = id[0];
        int last = 5;
        while (last >= 1 && id[last] == '0')
        {
            last--;
        }

        if (last >= 1)
        {
            dest[n++] = '.';
            for (int i = 1; i <= last; i++)
            {
                dest[n++] = id[i];
            }
        }

        "E+17".CopyTo(dest[n..]);
        return n + 4;
    }

    /// <summary>430522 20130507 1234 with the given separator.</summary>
    private static int Grouped(ReadOnlySpan<char> id, char separator, Span<char> dest)
    {
        id[..6].CopyTo(dest);
        dest[6] = separator;
        id[6..14].CopyTo(dest[7..]);
        dest[15] = separator;
        id[14..].CopyTo(dest[16..]);
        return 20;
    }

    /// <summary>The ID with a separator before and after.</summary>
    private static int Surrounded(ReadOnlySpan<char> id, char separator, Span<char> dest)
    {
        dest[0] = separator;
        id.CopyTo(dest[1..]);
        dest[19] = separator;
        return 20;
    }
}
