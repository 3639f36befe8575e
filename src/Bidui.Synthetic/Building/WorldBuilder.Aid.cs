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
        // The cases of the aid supervision rules (SPEC 4.5-4.7), each at least twice whatever the size.
        int stageMismatch = Count(_aidTarget, 0.0005, 2);
        int rainDewOthers = Count(_aidTarget, 0.0003, 2);
        int listViolations = Count(_aidTarget, 0.0003, 2);
        int supplements = Count(_aidTarget, 0.0003, 2);
        int deceasedPaid = 2;
        int special = notEnrolledPoverty + leavers + strangers + stageMismatch + rainDewOthers + listViolations + 3 * supplements + deceasedPaid;

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
            autumn += ProjectCount(e);
        }

        int povertyBudget = (int)((budget - special) * 0.88);
        while (autumn > povertyBudget && paid.Length > 0)
        {
            autumn -= ProjectCount(paid[^1]);
            paid = paid[..^1];
        }

        double springRate = autumn == 0 ? 0 : Math.Clamp((povertyBudget - autumn) / (double)autumn, 0, 1);
        foreach (var e in paid)
        {
            Projects(rng, e, projects, poverty: true);
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
            Projects(rng, e, projects, poverty: false);
            AddAid(rng, e, projects[0].Project, projects[0].AmountJiao, Semester.Autumn);
        }

        for (int i = 0; i < leavers; i++)
        {
            var e = _leavers[i];
            Projects(rng, e, projects, poverty: false);
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
            Projects(rng, e, projects, poverty: false);
            AddAid(rng, e, projects[0].Project, projects[0].AmountJiao, Semester.Autumn);
        }

        PaySupervisionCases(rng, aided, stageMismatch, deceasedPaid);

        // Other 家庭经济困难学生: enrolled students outside the poverty register, paid for both semesters until the
        // file has its size. Civil affairs or the disabled persons' federation list almost all of them (低保, 特困,
        // 残疾人, 孤儿); one in thirty is in no list (aid_ineligible: 不在脱贫人口及困难群体名单).
        BuildRegisters((int)((budget - _w.Aid.Count) / 2.2 * 1.15) + 8);
        var needy = _needy.ToArray();
        PayRegisterCases(rng, needy, rainDewOthers, listViolations, supplements);
        var students = _w.Students.AsSpan();
        var taken = new bool[_w.People.Count];
        foreach (ref readonly var row in _w.Aid.AsSpan())
        {
            taken[row.Person] = true;
        }

        int next = 0;
        int guard = 0;
        while (_w.Aid.Count < budget && guard++ < 50_000_000)
        {
            Enrolment e;
            if (next < needy.Length && !rng.Chance(1 / 30.0))
            {
                e = needy[next++];
                if (taken[e.Person])
                {
                    continue;
                }
            }
            else
            {
                ref var s = ref students[rng.Next(students.Length)];
                if (s.Person < _w.PovertyPersons || !Stages.IsEnrolled(s.Status) || _w.People.Document(s.Person) != 0 || taken[s.Person]
                    || _registersOf[s.Person] != 0)
                {
                    continue;
                }

                e = new Enrolment(s.Person, _w.Schools[s.School].County, s.School, s.Stage, s.Level);
            }

            taken[e.Person] = true;
            Projects(rng, e, projects, poverty: false);
            foreach (var semester in (ReadOnlySpan<Semester>)[Semester.Autumn, Semester.Spring])
            {
                foreach (var (project, amount) in projects)
                {
                    // A project with a yearly standard is paid once a year.
                    if (_w.Aid.Count < budget && (semester == Semester.Autumn || !DemoCatalog.Of(project).Yearly))
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

        SpoilAmounts(Rng.For(_o.Seed, "aid-amounts"));
        SortAid(Rng.For(_o.Seed, "aid-order"));
    }

    /// <summary>Projects a poverty student is paid in a semester (see <see cref="Projects"/>).</summary>
    private static int ProjectCount(Enrolment e) => e.Stage switch
    {
        Stage.Vocational => 3,
        Stage.High => 2,
        Stage.Primary or Stage.Middle => GetsNutrition(e.Person) ? 2 : 1,
        _ => 1,
    };

    /// <summary>Three pupils in ten of compulsory age are in the 营养膳食补助 scheme (全体: whoever their family).</summary>
    private static bool GetsNutrition(int person) => person % 10 < 3;

    /// <summary>
    /// The projects a student is paid each semester, with the amount (in 角): the stage's grants, 营养膳食补助
    /// for some pupils, 雨露计划 for poverty families' 中职 students, 残疾学生资助 (once a year) for those the
    /// 残疾人 or 孤儿 register lists.
    /// </summary>
    private void Projects(Rng rng, Enrolment e, List<(AidProject, int)> projects, bool poverty)
    {
        projects.Clear();
        var stage = e.Stage;
        int level = e.Level;
        if (stage is Stage.Primary or Stage.Middle && GetsNutrition(e.Person))
        {
            projects.Add((AidProject.Nutrition, 5000));
        }

        if (poverty && stage == Stage.Vocational)
        {
            projects.Add((AidProject.RainDew, 15000));
        }

        if (!poverty && (InRegister(e.Person, 2) || InRegister(e.Person, 3)) && stage != Stage.Preschool)
        {
            projects.Add((AidProject.DisabilityAid, 10000));
        }

        switch (stage)
        {
            case Stage.Preschool:
                projects.Add((AidProject.PreschoolAid, 5000));
                break;
            case Stage.Primary when projects.Count > 0 && projects[0].Item1 == AidProject.Nutrition && !poverty && rng.Chance(0.5):
                break; // a pupil in the scheme whose family is not 困难: nutrition only
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

    /// <summary>
    /// Payments that break a project's stages (a 中职 grant to a pupil of 小学 or 初中) and payments to
    /// persons the register lists as deceased.
    /// </summary>
    private void PaySupervisionCases(Rng rng, Enrolment[] aided, int stageMismatch, int deceasedPaid)
    {
        foreach (var e in aided.Where(e => e.Stage is Stage.Primary or Stage.Middle).Take(stageMismatch))
        {
            AddAid(rng, e, AidProject.VocationalGrant, 10000, Semester.Autumn);
        }

        var poverty = _w.Poverty.AsSpan();
        for (int i = 0; i < poverty.Length && deceasedPaid > 0; i++)
        {
            if (poverty[i].Kind == RowKind.Data && poverty[i].Life != LifeStatus.Normal && _w.People.Document(poverty[i].Person) == 0)
            {
                int county = _w.Households[poverty[i].Household].County;
                var e = new Enrolment(poverty[i].Person, county, PickSchool(rng, county, Stage.Primary), Stage.Primary, 3);
                AddAid(rng, e, AidProject.CompulsoryLivingAllowance, 5000, Semester.Autumn);
                deceasedPaid--;
            }
        }
    }

    /// <summary>
    /// 雨露计划 (脱贫 only) paid to 低保 students; 残疾学生资助 (残疾人、孤儿) paid to a 低保 student; and a 中职
    /// grant paid for both semesters and again as 补发 (the year's sum above twice the standard).
    /// </summary>
    private void PayRegisterCases(Rng rng, Enrolment[] needy, int rainDew, int listViolations, int supplements)
    {
        var dibao = needy.Where(e => InRegister(e.Person, 0) && !InRegister(e.Person, 2) && !InRegister(e.Person, 3)).ToList();
        var vocational = dibao.Where(e => e.Stage == Stage.Vocational).Concat(dibao.Where(e => e.Stage != Stage.Vocational)).ToList();
        foreach (var e in vocational.Take(rainDew))
        {
            AddAid(rng, e, AidProject.RainDew, 15000, Semester.Autumn);
        }

        foreach (var e in dibao.Where(e => e.Stage is Stage.Primary or Stage.Middle).Skip(rainDew).Take(listViolations))
        {
            AddAid(rng, e, AidProject.DisabilityAid, 10000, Semester.Autumn);
        }

        foreach (var e in needy.Where(e => e.Stage == Stage.Vocational && !InRegister(e.Person, 0)).Take(supplements))
        {
            foreach (var semester in (ReadOnlySpan<Semester>)[Semester.Autumn, Semester.Spring, Semester.Supplement])
            {
                AddAid(rng, e, AidProject.VocationalGrant, 10000, semester);
            }
        }
    }

    /// <summary>金额 cells that are 0, empty, text or negative, ten times the standard, or a tenth of it (SPEC 4.7).</summary>
    private void SpoilAmounts(Rng rng)
    {
        var items = _w.Aid.Items;
        int n = _w.Aid.Count;
        void Spoil(int count, Action<int> change)
        {
            for (int tries = 0; count > 0 && tries < 1000 * count; tries++)
            {
                int i = rng.Next(n);
                if (items[i].AmountFault == AmountFault.None && items[i].AmountJiao == DemoCatalog.Of(items[i].Project).MaxJiao)
                {
                    change(i);
                    count--;
                }
            }
        }

        Spoil(1, i => items[i].AmountJiao = 0);
        Spoil(1, i => items[i].AmountFault = AmountFault.Empty);
        Spoil(1, i => items[i].AmountFault = AmountFault.Text);
        Spoil(1, i => items[i].AmountFault = AmountFault.Negative);
        Spoil(Count(n, 0.0003, 2), i => items[i].AmountJiao *= 10);
        Spoil(Count(n, 0.0003, 2), i => items[i].AmountJiao = DemoCatalog.Of(items[i].Project).MinJiao / 10);
    }

    private void AddAid(Rng rng, Enrolment e, AidProject project, int amountJiao, Semester semester)
    {
        int year = _w.SchoolYearStart + (semester == Semester.Autumn ? 0 : 1);
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
