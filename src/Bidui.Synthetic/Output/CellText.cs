using Bidui.Synthetic.Model;

namespace Bidui.Synthetic.Output;

/// <summary>Names, dates and other cell texts of a row, with the row's fault where it touches them.</summary>
internal static class CellText
{
    /// <summary>The name as the row shows it.</summary>
    public static int Name(int name, Fault fault, ulong hash, Span<char> dest)
    {
        if (fault == Fault.NameConflict)
        {
            name = Names.Alternative(name);
        }

        int n = Names.Write(name, dest);
        switch (fault)
        {
            case Fault.Traditional:
                Names.MakeTraditional(dest[..n]);
                break;
            case Fault.DotVariant:
                char dot = hash % 2 == 0 ? '•' : '・';
                dest[..n].Replace('·', dot);
                break;
            case Fault.SpacedName:
                // 王 伟: a space (or an ideographic space) typed after the surname.
                dest[1..n].CopyTo(dest[2..]);
                dest[1] = hash % 3 == 0 ? '\u3000' : ' ';
                n++;
                break;
        }

        return n;
    }

    /// <summary>A birth date moved for a field conflict: a few days, or a year, off (always another real date).</summary>
    public static DateOnly Conflicting(DateOnly birth, ulong hash)
    {
        int variant = (int)(hash % 40);
        return variant < 30 ? birth.AddDays(variant < 15 ? variant + 1 : -(variant - 14)) : birth.AddYears(variant < 35 ? 1 : -1);
    }

    /// <summary>
    /// Date formats of SPEC 2.4: 0 yyyy-MM-dd, 1 yyyy/M/d, 2 yyyy.M.d, 3 yyyyMMdd, 4 yyyy年M月d日,
    /// 5 a date cell, 6 an Excel serial number (the last two in workbooks only).
    /// </summary>
    public static void Date(ICellSink sink, DateOnly date, int format)
    {
        if (!sink.IsSpreadsheet && format >= 5)
        {
            format = 0;
        }

        Span<char> buffer = stackalloc char[16];
        int n;
        switch (format)
        {
            case 5:
                sink.Date(date);
                return;
            case 6:
                sink.Number(date.DayNumber - new DateOnly(1899, 12, 30).DayNumber);
                return;
            case 1:
                date.TryFormat(buffer, out n, "yyyy/M/d", CultureInfo.InvariantCulture);
                break;
            case 2:
                date.TryFormat(buffer, out n, "yyyy.M.d", CultureInfo.InvariantCulture);
                break;
            case 3:
                date.TryFormat(buffer, out n, "yyyyMMdd", CultureInfo.InvariantCulture);
                break;
            case 4:
                date.TryFormat(buffer, out n, "yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture);
                break;
            default:
                date.TryFormat(buffer, out n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
        }

        sink.Text(buffer[..n]);
    }

    /// <summary>The format of a row's date: the file's usual one, or now and then another (5 % of rows).</summary>
    public static int DateFormat(int usual, ulong hash, bool spreadsheet)
    {
        if (hash % 100 >= 5)
        {
            return usual;
        }

        int other = (int)(hash / 100 % (spreadsheet ? 7UL : 5UL));
        return other;
    }

    /// <summary>Writes <paramref name="value"/> as decimal digits, zero-padded to <paramref name="width"/>.</summary>
    public static int Digits(long value, int width, Span<char> dest)
    {
        int n = 1;
        for (long v = value / 10; v > 0; v /= 10)
        {
            n++;
        }

        n = Math.Max(n, width);
        for (int i = n - 1; i >= 0; i--)
        {
            dest[i] = (char)('0' + (int)(value % 10));
            value /= 10;
        }

        return n;
    }

    public static ulong Hash(int seed, int file, int row) => Rng.Mix((ulong)(uint)seed << 8 | (uint)file, (ulong)(uint)row);
}
