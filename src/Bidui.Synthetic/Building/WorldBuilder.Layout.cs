using Bidui.Synthetic.Model;

namespace Bidui.Synthetic.Building;

internal sealed partial class WorldBuilder
{
    /// <summary>
    /// Puts the rows in file order and inserts the blank and rejected rows; from then on a row's index
    /// plus the file's first data row is its row number (SPEC 5).
    /// </summary>
    private void Layout()
    {
        var rng = Rng.For(_o.Seed, "layout");

        // Poverty register: household order, then blank rows in the middle.
        int pn = _w.Poverty.Count;
        var keys = _povertyKeys.ToArray();
        Array.Sort(keys, _w.Poverty.Items, 0, pn);
        NumberHouseholds();
        var poverty = Insert(rng, _w.Poverty.Items, pn, _povertyBlank, 0, static (_, _) => new PovertyRow { Person = -1, Household = -1, Kind = RowKind.Blank }, null);
        _w.Poverty.Replace(poverty, pn + _povertyBlank);

        // Students: blank rows, and rejected rows carrying a neighbour's school, 学段 and 年级.
        int sn = _w.Students.Count;
        var students = Insert(rng, _w.Students.Items, sn, _studentBlank, _studentRejected,
            static (_, _) => new StudentRow { Person = -1, School = -1, Kind = RowKind.Blank },
            static (rows, at) => rows[at] with { Person = -1, Kind = RowKind.Rejected, Fault = Fault.None, Flags = 0 });
        _w.Students.Replace(students, sn + _studentBlank + _studentRejected);

        // Aid: blank rows, 小计 rows (rejected) in the middle, and the 合计 row at the end.
        int an = _w.Aid.Count;
        var aid = Insert(rng, _w.Aid.Items, an, _aidBlank, _aidRejected,
            static (_, _) => new AidRow { Person = -1, School = -1, Kind = RowKind.Blank, PayDay = -1 },
            static (rows, at) => rows[at] with { Person = -1, Kind = RowKind.Rejected, Fault = Fault.None, PayDay = -1, AmountJiao = rows[at].AmountJiao * 37 });
        int total = an + _aidBlank + _aidRejected;
        Array.Resize(ref aid, total + 1);
        long sum = 0;
        for (int i = 0; i < total; i++)
        {
            if (aid[i].Kind == RowKind.Data)
            {
                sum += aid[i].AmountJiao;
            }
        }

        aid[total] = new AidRow { Person = -1, School = -1, Kind = RowKind.Rejected, PayDay = -1, AmountJiao = (int)Math.Min(sum, int.MaxValue) };
        _w.Aid.Replace(aid, total + 1);

        _w.StudentsFirstRow = _o.StudentsFormat == DemoFileFormat.Xlsx ? 4 : 3;
        _w.PovertyFirstRow = 4;
        _w.AidFirstRow = _o.AidFormat == DemoFileFormat.Xlsx ? 3 : 2;
    }

    /// <summary>户编号 counts households within their village, in file order.</summary>
    private void NumberHouseholds()
    {
        int lastVillageKey = -1;
        int lastHousehold = -1;
        int number = 0;
        var households = _w.Households.AsSpan();
        foreach (ref var row in _w.Poverty.AsSpan())
        {
            if (row.Household == lastHousehold)
            {
                continue;
            }

            ref var h = ref households[row.Household];
            int villageKey = (h.County << 16) | ((ushort)h.Township << 8) | (ushort)h.Village;
            if (villageKey != lastVillageKey)
            {
                number = 0;
                lastVillageKey = villageKey;
            }

            if (h.Number == 0)
            {
                h.Number = ++number;
            }

            lastHousehold = row.Household;
        }
    }

    /// <summary>
    /// A new array with <paramref name="blank"/> blank and <paramref name="rejected"/> rejected rows
    /// inserted between the first and the last of <paramref name="n"/> rows.
    /// </summary>
    private static T[] Insert<T>(Rng rng, T[] rows, int n, int blank, int rejected, Func<T[], int, T> makeBlank, Func<T[], int, T>? makeRejected)
        where T : struct
    {
        var inserts = new (int At, bool Rejected)[blank + rejected];
        for (int i = 0; i < inserts.Length; i++)
        {
            inserts[i] = (1 + rng.Next(Math.Max(1, n - 1)), i >= blank);
        }

        Array.Sort(inserts, (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Rejected.CompareTo(b.Rejected));
        var result = new T[n + inserts.Length];
        int src = 0;
        int dst = 0;
        foreach (var (at, isRejected) in inserts)
        {
            int count = at - src;
            Array.Copy(rows, src, result, dst, count);
            src = at;
            dst += count;
            result[dst++] = isRejected ? makeRejected!(rows, Math.Min(at, n - 1)) : makeBlank(rows, at);
        }

        Array.Copy(rows, src, result, dst, n - src);
        return result;
    }
}
