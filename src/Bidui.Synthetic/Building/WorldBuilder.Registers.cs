using Bidui.Synthetic.Model;

namespace Bidui.Synthetic.Building;

internal sealed partial class WorldBuilder
{
    // Non-poverty students that civil affairs or the disabled persons' federation list (the aid file's
    // other 家庭经济困难学生), with the registers each person is in (one bit per register).
    private readonly List<Enrolment> _needy = [];
    private byte[] _registersOf = [];

    /// <summary>A register fault per row and the least number, whatever the size.</summary>
    internal static readonly FaultRate[] RegisterFaults =
    [
        new(Fault.EmptyId, 0.0005, 1), new(Fault.WrongLength, 0.0005, 1), new(Fault.BadCheck, 0.0005, 1), new(Fault.FullWidth, 0.0005, 1),
    ];

    /// <summary>
    /// The four registers: <paramref name="needyStudents"/> enrolled students outside the poverty register
    /// (each in one register: 低保 70 %, 特困 8 %, 残疾人 12 %, 孤儿 10 %), poverty persons in 低保 and 残疾人
    /// too (a fifth as many rows: the registers overlap), and students who are listed but get no aid.
    /// </summary>
    private void BuildRegisters(int needyStudents)
    {
        var rng = Rng.For(_o.Seed, "registers");
        _registersOf = new byte[_w.People.Count];
        for (int i = 0; i < DemoCatalog.Registers.Length; i++)
            _w.Registers.Add(new RegisterData(DemoCatalog.Registers[i], i, needyStudents / 2 + 64));

        var students = _w.Students.AsSpan();
        int listedOnly = Math.Max(4, needyStudents / 10);
        double[] weights = [70, 8, 12, 10];
        for (int guard = 0; (_needy.Count < needyStudents || listedOnly > 0) && guard < 20 * (needyStudents + 100); guard++)
        {
            ref var s = ref students[rng.Next(students.Length)];
            if (s.Kind != RowKind.Data || s.Person < _w.PovertyPersons || !Stages.IsEnrolled(s.Status) || _w.People.Document(s.Person) != 0
                || _registersOf[s.Person] != 0)
                continue;
            int register = rng.Pick(weights);
            AddRegisterRow(rng, register, s.Person);
            if (_needy.Count < needyStudents)
                _needy.Add(new Enrolment(s.Person, _w.Schools[s.School].County, s.School, s.Stage, s.Level));
            else
                listedOnly--;
        }

        // Poverty persons (children and adults) are often 低保 or 残疾人 too.
        var poverty = _w.Poverty.AsSpan();
        int overlap = Math.Max(4, needyStudents / 5);
        for (int guard = 0; overlap > 0 && guard < 50 * overlap; guard++)
        {
            ref var p = ref poverty[rng.Next(poverty.Length)];
            if (p.Kind != RowKind.Data || _w.People.Document(p.Person) != 0 || _registersOf[p.Person] != 0)
                continue;
            AddRegisterRow(rng, rng.Chance(0.8) ? 0 : 2, p.Person);
            overlap--;
        }

        foreach (var register in _w.Registers)
        {
            var rows = register.Rows.Items.AsSpan(0, register.Rows.Count);
            rng.Shuffle(rows);
        }
    }

    private void AddRegisterRow(Rng rng, int register, int person)
    {
        _registersOf[person] |= (byte)(1 << register);
        _w.Registers[register].Rows.Add(new RegisterRow
        {
            Person = person, Kind = RowKind.Data, KindText = (byte)rng.Next(DemoCatalog.Kinds[register].Length),
        });
    }

    private bool InRegister(int person, int register) => person < _registersOf.Length && (_registersOf[person] & (1 << register)) != 0;

    /// <summary>Blank and rejected rows, and ID faults, in each register; then the row numbers.</summary>
    private void LayoutRegisters()
    {
        var rng = Rng.For(_o.Seed, "registers-layout");
        foreach (var register in _w.Registers)
        {
            int n = register.Rows.Count;
            var items = register.Rows.Items;
            foreach (var (fault, rate, min) in RegisterFaults)
            {
                int want = Count(n, rate, min);
                for (int tries = 0; want > 0 && tries < 100 * want; tries++)
                {
                    int i = rng.Next(n);
                    if (items[i].Fault == Fault.None)
                    {
                        items[i].Fault = fault;
                        want--;
                    }
                }
            }

            Insert(rng, register.Rows, Count(n, 0.001, 1), Count(n, 0.0005, 1),
                static _ => new RegisterRow { Person = -1, Kind = RowKind.Blank },
                static previous => previous with { Person = -1, Kind = RowKind.Rejected, Fault = Fault.None });
            register.FirstRow = register.Index switch { 0 => 3, 2 => 3, _ => 2 };
        }
    }

    /// <summary>The key counties: 隆回县 in the small demo, the one county in the county demo, a seventh of the province's.</summary>
    private void PickKeyCounties()
    {
        var rng = Rng.For(_o.Seed, "key-counties");
        if (_o.Size == DemoSize.Small)
        {
            _w.KeyCounties.Add(430524);
            return;
        }

        var codes = _w.Counties.Select(c => c.Region.Code).ToArray();
        rng.Shuffle(codes.AsSpan());
        _w.KeyCounties.AddRange(codes.Take(Math.Max(1, codes.Length / 7)).Order());
    }
}
