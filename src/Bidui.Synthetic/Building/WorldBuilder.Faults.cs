using Bidui.Synthetic.Model;

namespace Bidui.Synthetic.Building;

internal sealed partial class WorldBuilder
{
    /// <summary>A fault, its rate per data row of a file, and the least number injected whatever the size.</summary>
    internal readonly record struct FaultRate(Fault Fault, double Rate, int Min);

    internal static readonly FaultRate[] StudentFaults =
    [
        new(Fault.EmptyId, 0.0005, 2), new(Fault.Scientific, 0.001, 2), new(Fault.WrongLength, 0.0008, 2),
        new(Fault.IllegalChar, 0.0005, 2), new(Fault.BadProvince, 0.0003, 2), new(Fault.BadBirthDate, 0.0003, 2),
        new(Fault.BadCheck, 0.001, 2), new(Fault.LowerX, 0.0003, 1), new(Fault.FullWidth, 0.0005, 2),
        new(Fault.Spaces, 0.0005, 2), new(Fault.IdeographicSpace, 0.0003, 1), new(Fault.Hyphens, 0.0003, 1),
        new(Fault.Apostrophe, 0.001, 2), new(Fault.Traditional, 0.0015, 3), new(Fault.SpacedName, 0.001, 2),
        new(Fault.NameConflict, 0.002, 3), new(Fault.BirthConflict, 0.001, 2), new(Fault.SexConflict, 0.0005, 2),
    ];

    internal static readonly FaultRate[] PovertyFaults =
    [
        new(Fault.EmptyId, 0.0005, 2), new(Fault.Scientific, 0.0015, 2), new(Fault.Legacy15, 0.003, 2),
        new(Fault.WrongLength, 0.0008, 2), new(Fault.IllegalChar, 0.0005, 2), new(Fault.BadProvince, 0.0003, 2),
        new(Fault.BadBirthDate, 0.0003, 2), new(Fault.BadCheck, 0.001, 2), new(Fault.LowerX, 0.0003, 1),
        new(Fault.FullWidth, 0.0005, 2), new(Fault.Spaces, 0.0005, 2), new(Fault.IdeographicSpace, 0.0003, 1),
        new(Fault.Hyphens, 0.0003, 1), new(Fault.Apostrophe, 0.002, 2), new(Fault.Traditional, 0.0015, 3),
        new(Fault.SpacedName, 0.001, 2), new(Fault.BirthConflict, 0.001, 2), new(Fault.SexConflict, 0.0005, 2),
    ];

    internal static readonly FaultRate[] AidFaults =
    [
        new(Fault.EmptyId, 0.0003, 1), new(Fault.Scientific, 0.0005, 1), new(Fault.WrongLength, 0.0005, 1),
        new(Fault.IllegalChar, 0.0003, 1), new(Fault.BadProvince, 0.0002, 1), new(Fault.BadBirthDate, 0.0002, 1),
        new(Fault.BadCheck, 0.0005, 1), new(Fault.LowerX, 0.0002, 1), new(Fault.FullWidth, 0.0003, 1),
        new(Fault.Spaces, 0.0003, 1), new(Fault.IdeographicSpace, 0.0002, 1), new(Fault.Hyphens, 0.0002, 1),
        new(Fault.Apostrophe, 0.0005, 1), new(Fault.Traditional, 0.001, 1), new(Fault.SpacedName, 0.0005, 1),
    ];

    /// <summary>Share of the rows of Uyghur persons (in the student and poverty files) written with another dot (• or ・).</summary>
    internal const double DotVariantRate = 0.25;

    /// <summary>
    /// Share of enrolled compulsory-age poverty children whose only student row carries the 户主's number
    /// (SPEC §4.3), at least two: the exact lists see the head enrolled and the child a dropout.
    /// </summary>
    internal const double BorrowedNumberRate = 0.0005;

    /// <summary>Share of the picks drawn from the rows that matter for matching (poverty persons' rows).</summary>
    private const double MatchingBias = 0.6;

    private void InjectFaults()
    {
        var people = _w.People;
        int povertyPersons = _w.PovertyPersons;

        var students = _w.Students.AsSpan();
        var inStudents = new bool[povertyPersons];
        var preferred = new List<int>();
        for (int i = 0; i < students.Length; i++)
        {
            int p = students[i].Person;
            if (students[i].Kind == RowKind.Data && p >= 0 && p < povertyPersons)
            {
                preferred.Add(i);
                inStudents[p] = true;
            }
        }

        var studentRows = _w.Students.Items;
        Inject(Rng.For(_o.Seed, "faults-students"), _w.Students.Count, StudentFaults, preferred,
            i => studentRows[i].Kind == RowKind.Data ? studentRows[i].Person : -1,
            i => studentRows[i].Fault, (i, f) => studentRows[i].Fault = f, allowLegacy: false);

        preferred.Clear();
        var povertyRows = _w.Poverty.Items;
        for (int i = 0; i < _w.Poverty.Count; i++)
        {
            if (povertyRows[i].Kind == RowKind.Data && inStudents[povertyRows[i].Person])
            {
                preferred.Add(i);
            }
        }

        Inject(Rng.For(_o.Seed, "faults-poverty"), _w.Poverty.Count, PovertyFaults, preferred,
            i => povertyRows[i].Kind == RowKind.Data ? povertyRows[i].Person : -1,
            i => povertyRows[i].Fault, (i, f) => povertyRows[i].Fault = f, allowLegacy: true);

        preferred.Clear();
        var aidRows = _w.Aid.Items;
        for (int i = 0; i < _w.Aid.Count; i++)
        {
            if (aidRows[i].Kind == RowKind.Data && aidRows[i].Person < povertyPersons)
            {
                preferred.Add(i);
            }
        }

        Inject(Rng.For(_o.Seed, "faults-aid"), _w.Aid.Count, AidFaults, preferred,
            i => aidRows[i].Kind == RowKind.Data ? aidRows[i].Person : -1,
            i => aidRows[i].Fault, (i, f) => aidRows[i].Fault = f, allowLegacy: false);

        InjectBorrowedNumbers(Rng.For(_o.Seed, "faults-borrowed"));

        // Dot variants on Uyghur names, in both files that a person can be matched across.
        var dots = Rng.For(_o.Seed, "faults-dots");
        DotVariants(dots, _w.Students.Count, i => studentRows[i].Kind == RowKind.Data ? studentRows[i].Person : -1, i => studentRows[i].Fault, (i, f) => studentRows[i].Fault = f);
        DotVariants(dots, _w.Poverty.Count, i => povertyRows[i].Kind == RowKind.Data ? povertyRows[i].Person : -1, i => povertyRows[i].Fault, (i, f) => povertyRows[i].Fault = f);

        bool Eligible(int person, Fault fault, bool allowLegacy)
        {
            if (person < 0 || people.Document(person) != 0)
            {
                return false;
            }

            int name = people.Name(person);
            return fault switch
            {
                Fault.LowerX => people.HasCheckX(person),
                Fault.Legacy15 => allowLegacy && people.Birth(person).Year <= 1999,
                Fault.Traditional => Names.HasTraditionalForm(name),
                Fault.SpacedName => !Names.IsUyghur(name) && !Names.IsLatin(name),
                Fault.NameConflict => person < povertyPersons,
                _ => true,
            };
        }

        void Inject(Rng rng, int n, FaultRate[] rates, List<int> preferredRows, Func<int, int> personAt, Func<int, Fault> get, Action<int, Fault> set, bool allowLegacy)
        {
            int dataRows = 0;
            for (int i = 0; i < n; i++)
            {
                if (personAt(i) >= 0)
                {
                    dataRows++;
                }
            }

            foreach (var (fault, rate, min) in rates)
            {
                int want = Count(dataRows, rate, min);
                int placed = 0;
                for (int tries = 0; placed < want && tries < 200 * want + 2_000; tries++)
                {
                    int i = preferredRows.Count > 0 && rng.Chance(MatchingBias) ? preferredRows[rng.Next(preferredRows.Count)] : rng.Next(n);
                    if (get(i) == Fault.None && Eligible(personAt(i), fault, allowLegacy))
                    {
                        set(i, fault);
                        placed++;
                    }
                }

                // Rare candidates (e.g. IDs ending in X): walk the file from a random row.
                for (int k = 0, start = rng.Next(n); placed < want && k < n; k++)
                {
                    int i = (start + k) % n;
                    if (get(i) == Fault.None && Eligible(personAt(i), fault, allowLegacy))
                    {
                        set(i, fault);
                        placed++;
                    }
                }
            }
        }

        void DotVariants(Rng rng, int n, Func<int, int> personAt, Func<int, Fault> get, Action<int, Fault> set)
        {
            var candidates = new List<int>();
            for (int i = 0; i < n; i++)
            {
                int p = personAt(i);
                if (p >= 0 && get(i) == Fault.None && Names.IsUyghur(people.Name(p)))
                {
                    candidates.Add(i);
                }
            }

            var order = candidates.ToArray();
            rng.Shuffle(order.AsSpan());
            int want = Math.Min(order.Length, Count(order.Length, DotVariantRate, 1));
            for (int k = 0; k < want; k++)
            {
                set(order[k], Fault.DotVariant);
            }
        }
    }
    /// <summary>
    /// Children registered under their 户主's number: a compulsory-age poverty child with one clean, enrolled
    /// student row and clean register rows, whose head (clean register row, no student row) lends the number.
    /// </summary>
    private void InjectBorrowedNumbers(Rng rng)
    {
        int povertyPersons = _w.PovertyPersons;
        var people = _w.People;
        var students = _w.Students.AsSpan();
        var studentRows = new int[povertyPersons];
        var lastRow = new int[povertyPersons];
        for (int i = 0; i < students.Length; i++)
        {
            int p = students[i].Person;
            if (students[i].Kind == RowKind.Data && p >= 0 && p < povertyPersons)
            {
                studentRows[p]++;
                lastRow[p] = i;
            }
        }

        var clean = new bool[povertyPersons];
        var registerRows = new int[povertyPersons];
        var head = new Dictionary<int, int>();
        foreach (ref readonly var row in _w.Poverty.AsSpan())
        {
            if (row.Kind != RowKind.Data)
            {
                continue;
            }

            registerRows[row.Person]++;
            clean[row.Person] = row.Fault == Fault.None && row.Life == LifeStatus.Normal && people.Document(row.Person) == 0;
            if (row.Relation == Relation.Head)
            {
                head[_w.HouseholdOf[row.Person]] = row.Person;
            }
        }

        var candidates = new List<int>();
        for (int k = 0; k < povertyPersons; k++)
        {
            int age = AgeOf(people.Birth(k));
            if (studentRows[k] == 1 && clean[k] && registerRows[k] == 1 && age is >= 6 and <= 15
                && students[lastRow[k]].Fault == Fault.None && Stages.IsEnrolled(students[lastRow[k]].Status)
                && head.TryGetValue(_w.HouseholdOf[k], out int h) && h != k && clean[h] && registerRows[h] == 1 && studentRows[h] == 0)
            {
                candidates.Add(k);
            }
        }

        var order = candidates.ToArray();
        rng.Shuffle(order.AsSpan());
        var lent = new HashSet<int>();
        int want = Math.Min(order.Length, Count(order.Length, BorrowedNumberRate, 2));
        for (int i = 0, placed = 0; i < order.Length && placed < want; i++)
        {
            int child = order[i], owner = head[_w.HouseholdOf[child]];
            if (!lent.Add(owner))
            {
                continue; // one borrowed row per head: the head stays enrolled through exactly one row
            }

            ref var r = ref _w.Students[lastRow[child]];
            r.Person = owner;
            r.Fault = Fault.BorrowedNumber;
            _w.BorrowedNumbers[lastRow[child]] = child;
            placed++;
        }
    }
}
