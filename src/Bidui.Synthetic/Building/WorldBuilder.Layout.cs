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
        _povertyKeys.Clear();
        Array.Sort(keys, _w.Poverty.Items, 0, pn);
        NumberHouseholds();
        Insert(rng, _w.Poverty, _povertyBlank, 0, static _ => new PovertyRow { Person = -1, Household = -1, Kind = RowKind.Blank }, null);

        // Students: blank rows, and rejected rows carrying the previous row's school, 学段 and 年级.
        Insert(rng, _w.Students, _studentBlank, _studentRejected,
            static _ => new StudentRow { Person = -1, School = -1, Kind = RowKind.Blank },
            static previous => previous with { Person = -1, Kind = RowKind.Rejected, Fault = Fault.None, Flags = 0 });

        // Aid: blank rows, 小计 rows (rejected) in the middle, and the 合计 row at the end.
        Insert(rng, _w.Aid, _aidBlank, _aidRejected,
            static _ => new AidRow { Person = -1, School = -1, Kind = RowKind.Blank, PayDay = -1 },
            static previous => previous with { Person = -1, Kind = RowKind.Rejected, Fault = Fault.None, PayDay = -1, AmountJiao = previous.AmountJiao * 37 });
        long sum = 0;
        foreach (ref var row in _w.Aid.AsSpan())
        {
            if (row.Kind == RowKind.Data)
            {
                sum += row.AmountJiao;
            }
        }

        _w.Aid.Add(new AidRow { Person = -1, School = -1, Kind = RowKind.Rejected, PayDay = -1, AmountJiao = (int)Math.Min(sum, int.MaxValue) });

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
    /// Inserts <paramref name="blank"/> blank and <paramref name="rejected"/> rejected rows between the
    /// first and the last row, in place (rows move towards the end, from the last one down).
    /// </summary>
    private static void Insert<T>(Rng rng, RowBuffer<T> buffer, int blank, int rejected, Func<T, T> makeBlank, Func<T, T>? makeRejected)
        where T : struct
    {
        int n = buffer.Count;
        var inserts = new (int At, bool Rejected)[blank + rejected];
        for (int i = 0; i < inserts.Length; i++)
        {
            inserts[i] = (1 + rng.Next(Math.Max(1, n - 1)), i >= blank);
        }

        Array.Sort(inserts, (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Rejected.CompareTo(b.Rejected));
        buffer.Resize(n + inserts.Length);
        var rows = buffer.Items;
        int src = n;
        int dst = n + inserts.Length;
        for (int j = inserts.Length - 1; j >= 0; j--)
        {
            var (at, isRejected) = inserts[j];
            int count = src - at;
            Array.Copy(rows, at, rows, dst - count, count);
            dst -= count;
            src = at;

            // rows[at - 1] has not moved yet: every row before `src` is still in place.
            rows[--dst] = isRejected ? makeRejected!(rows[at - 1]) : makeBlank(rows[at - 1]);
        }
    }
}
