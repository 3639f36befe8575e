using Bidui.Synthetic.Model;

namespace Bidui.Synthetic.Building;

internal sealed partial class WorldBuilder
{
    private int _aidBlank;
    private int _aidRejected;

    private void BuildAid()
    {
        var rng = Rng.For(_o.Seed, "aid");
        _aidBlank = Count(_aidTarget, 0.001, 2);
        _aidRejected = Count(_aidTarget, 0.0003, 1);
        int duplicates = Count(_aidTarget, 0.005, 2);
        int notEnrolledPoverty = Math.Min(_povertyNotEnrolled.Count, Count(_aidTarget, 0.002, 2));
        int leavers = Math.Min(_leavers.Count, Count(_aidTarget, 0.002, 2));
        int strangers = Count(_aidTarget, 0.002, 2);
        int budget = _aidTarget - _aidBlank - _aidRejected - 1 - duplicates;
        int special = notEnrolledPoverty + leavers + strangers;

        // Poverty students: most are paid every project of their stage in the autumn, and in the spring
        // at the rate that keeps about 88 % of the payments theirs.
        var aided = _povertyEnrolled.ToArray();
        rng.Shuffle(aided.AsSpan());
        int unpaid = Count(aided.Length, 0.05, 2);
        var paid = aided.AsSpan(Math.Min(unpaid, aided.Length));
        var projects = new List<(AidProject Project, int AmountJiao)>(2);
        int autumn = 0;
        foreach (var e in paid)
        {
            autumn += ProjectCount(e.Stage);
        }

        int povertyBudget = (int)((budget - special) * 0.88);
        while (autumn > povertyBudget && paid.Length > 0)
        {
            autumn -= ProjectCount(paid[^1].Stage);
            paid = paid[..^1];
        }

        double springRate = autumn == 0 ? 0 : Math.Clamp((povertyBudget - autumn) / (double)autumn, 0, 1);
        foreach (var e in paid)
        {
            Projects(rng, e.Stage, e.Level, projects);
            bool spring = rng.Chance(springRate);
            foreach (var (project, amount) in projects)
            {
                AddAid(rng, e, project, amount, Semester.Autumn);
                if (spring)
                {
                    AddAid(rng, e, project, amount, Semester.Spring);
                }
            }
        }

        // Paid although not enrolled: poverty children out of province or out of school, students who left, and
        // people in no file at all.
        for (int i = 0; i < notEnrolledPoverty; i++)
        {
            var e = _povertyNotEnrolled[i];
            Projects(rng, e.Stage, e.Level, projects);
            AddAid(rng, e, projects[0].Project, projects[0].AmountJiao, Semester.Autumn);
        }

        for (int i = 0; i < leavers; i++)
        {
            var e = _leavers[i];
            Projects(rng, e.Stage, e.Level, projects);
            AddAid(rng, e, projects[0].Project, projects[0].AmountJiao, Semester.Autumn);
        }

        for (int i = 0; i < strangers; i++)
        {
            int county = PickCounty(rng);
            int level = rng.Between(1, 9);
            var stage = Stages.OfLevel(level, false);
            bool male = rng.Chance(0.52);
            var birth = BirthForAge(rng, level + 5);
            int person = NewPerson(rng, _w.Counties[county], birth, male, Names.RandomHan(rng, male, child: true), 0);
            var e = new Enrolment(person, county, PickSchool(rng, county, stage), stage, level);
            Projects(rng, e.Stage, e.Level, projects);
            AddAid(rng, e, projects[0].Project, projects[0].AmountJiao, Semester.Autumn);
        }

        // Other 家庭经济困难学生 (低保, 特困, 残疾 …): enrolled students outside the poverty register, paid
        // for both semesters, until the file has its size.
        var students = _w.Students.AsSpan();
        var taken = new bool[_w.People.Count];
        int guard = 0;
        while (_w.Aid.Count < budget && guard++ < 50_000_000)
        {
            ref var s = ref students[rng.Next(students.Length)];
            if (s.Person < _w.PovertyPersons || !Stages.IsEnrolled(s.Status) || _w.People.Document(s.Person) != 0 || taken[s.Person])
            {
                continue;
            }

            taken[s.Person] = true;
            var e = new Enrolment(s.Person, _w.Schools[s.School].County, s.School, s.Stage, s.Level);
            Projects(rng, e.Stage, e.Level, projects);
            foreach (var semester in (ReadOnlySpan<Semester>)[Semester.Autumn, Semester.Spring])
            {
                foreach (var (project, amount) in projects)
                {
                    if (_w.Aid.Count < budget)
                    {
                        AddAid(rng, e, project, amount, semester);
                    }
                }
            }
        }

        // The same payment entered twice.
        int paidRows = _w.Aid.Count;
        for (int i = 0; i < duplicates; i++)
        {
            var copy = _w.Aid[rng.Next(paidRows)];
            copy.PayDay = copy.PayDay < 0 ? copy.PayDay : Math.Min(copy.PayDay + rng.Between(0, 20), _today.DayNumber);
            _w.Aid.Add(copy);
        }

        SortAid(Rng.For(_o.Seed, "aid-order"));
    }

    private static int ProjectCount(Stage stage) => stage is Stage.High or Stage.Vocational ? 2 : 1;

    /// <summary>The projects a student of the stage is paid, with the amount per semester (in 角).</summary>
    private static void Projects(Rng rng, Stage stage, int level, List<(AidProject, int)> projects)
    {
        projects.Clear();
        switch (stage)
        {
            case Stage.Preschool:
                projects.Add((AidProject.PreschoolAid, 5000));
                break;
            case Stage.Primary:
                projects.Add((AidProject.CompulsoryLivingAllowance, rng.Chance(0.5) ? 5000 : 2500));
                break;
            case Stage.Middle:
                projects.Add((AidProject.CompulsoryLivingAllowance, rng.Chance(0.6) ? 6250 : 3125));
                break;
            case Stage.High:
                projects.Add((AidProject.HighSchoolGrant, rng.Pick([30.0, 50.0, 20.0]) switch { 0 => 7500, 1 => 10000, _ => 12500 }));
                projects.Add((AidProject.HighSchoolFeeWaiver, level == 10 ? 6000 : 5500));
                break;
            default:
                projects.Add((AidProject.VocationalGrant, 10000));
                projects.Add((AidProject.VocationalFeeWaiver, 10000));
                break;
        }
    }

    private void AddAid(Rng rng, Enrolment e, AidProject project, int amountJiao, Semester semester)
    {
        int year = _w.SchoolYearStart + (semester == Semester.Spring ? 1 : 0);
        var first = semester == Semester.Autumn ? new DateOnly(year, 9, 20) : new DateOnly(year, 3, 15);
        var day = first.AddDays(rng.Next(semester == Semester.Autumn ? 60 : 70));
        _w.Aid.Add(new AidRow
        {
            Person = e.Person,
            School = e.School,
            Level = (sbyte)e.Level,
            Project = project,
            Semester = semester,
            AmountJiao = amountJiao,
            PayDay = day <= _today ? day.DayNumber : -1,
            Kind = RowKind.Data,
        });
    }

    /// <summary>File order: semester, project, school, then at random.</summary>
    private void SortAid(Rng rng)
    {
        int n = _w.Aid.Count;
        var keys = new long[n];
        var rows = _w.Aid.Items;
        for (int i = 0; i < n; i++)
        {
            keys[i] = ((long)rows[i].Semester << 60) | ((long)rows[i].Project << 56) | ((long)rows[i].School << 32) | (uint)rng.NextU64();
        }

        Array.Sort(keys, rows, 0, n);
    }
}
