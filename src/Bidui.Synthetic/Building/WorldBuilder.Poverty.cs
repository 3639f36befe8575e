using Bidui.Synthetic.Model;

namespace Bidui.Synthetic.Building;

internal sealed partial class WorldBuilder
{
    private readonly List<Kid> _kids = [];

    /// <summary>Poverty children enrolled in the registry (for aid): person, school, stage, level.</summary>
    private readonly List<Enrolment> _povertyEnrolled = [];

    /// <summary>Poverty children of school age who are not enrolled although they may still be paid.</summary>
    private readonly List<Enrolment> _povertyNotEnrolled = [];

    /// <summary>Sort key of each poverty row (household order); parallel to the rows until layout.</summary>
    private readonly List<long> _povertyKeys = [];

    private int _povertyBlank;

    private enum Plan : byte
    {
        TooYoung,
        NotInKindergarten,
        Enrolled,
        Working,
        YoungAdult,
        OutOfProvince,
        Dropout,
        DeceasedKid,
        DeceasedEnrolled,
        StageMismatch,
        NotInSchoolStatement,
        Transfer,
        DuplicateEnrollment,
    }

    private struct Kid
    {
        public int Person;
        public int Row;
        public int Level;
        public int County;
        public bool Vocational;
        public Plan Plan;
    }

    private readonly record struct Enrolment(int Person, int County, int School, Stage Stage, int Level);

    private readonly record struct Member(Relation Relation, bool Male, int Age);

    private void BuildPoverty()
    {
        var rng = Rng.For(_o.Seed, "poverty");
        _povertyBlank = Count(_povertyTarget, 0.001, 2);
        int rejected = Count(_povertyTarget, 0.0005, 1);
        int duplicates = Count(_povertyTarget, 0.003, 2);
        int budget = _povertyTarget - _povertyBlank - rejected - duplicates;
        double[] sizes = [10, 22, 30, 24, 14];
        var members = new List<Member>(8);
        while (_w.Poverty.Count < budget)
        {
            int h = _w.Households.Count;
            int county = PickCounty(rng);
            var c = _w.Counties[county];
            int township = rng.Next(c.Townships.Length);
            var household = new Household
            {
                County = county,
                Township = (short)township,
                Village = (short)rng.Next(c.Villages[township].Length),
                PopulationType = (byte)rng.Pick(Catalog.PopulationTypeWeights),
            };
            if (household.PopulationType != 0)
            {
                household.RiskCleared = (byte)(rng.Chance(0.6) ? 1 : 2);
            }

            _w.Households.Add(household);
            int ethnic = h is 3 or 7 ? Catalog.Uyghur : rng.Pick(Catalog.EthnicWeights);
            MakeMembers(rng, 2 + rng.Pick(sizes), members);
            int take = Math.Min(members.Count, budget - _w.Poverty.Count);
            AddHousehold(rng, h, c, ethnic, members, take);
        }

        // Rows without name and ID but with the household's data (rejected), sorted into a household's block.
        for (int i = 0; i < rejected; i++)
        {
            int h = rng.Next(_w.Households.Count);
            _w.Poverty.Add(new PovertyRow { Person = -1, Household = h, Kind = RowKind.Rejected });
            _povertyKeys.Add(HouseholdKey(h, 14));
        }

        // The same person registered a second time in another household of the county.
        for (int i = 0; i < duplicates; i++)
        {
            int r;
            do
            {
                r = rng.Next(_w.Poverty.Count);
            }
            while (_w.Poverty[r].Kind != RowKind.Data);

            var copy = _w.Poverty[r];
            int county = _w.Households[copy.Household].County;
            int other = copy.Household;
            for (int tries = 0; tries < 50 && (other == copy.Household || _w.Households[other].County != county); tries++)
            {
                other = rng.Next(_w.Households.Count);
            }

            copy.Household = other;
            copy.Relation = Relation.Other;
            _w.Poverty.Add(copy);
            _povertyKeys.Add(HouseholdKey(other, 15));
        }

        _w.PovertyPersons = _w.People.Count;
        _w.HouseholdOf = new int[_w.PovertyPersons];
        foreach (ref var row in _w.Poverty.AsSpan())
        {
            if (row.Kind == RowKind.Data && row.Relation != Relation.Other)
            {
                _w.HouseholdOf[row.Person] = row.Household;
            }
        }

        PlanKids(rng);
    }

    private long HouseholdKey(int h, int member)
    {
        var hh = _w.Households[h];
        return ((long)hh.County << 52) | ((long)hh.Township << 44) | ((long)hh.Village << 36) | ((long)h << 4) | (long)member;
    }

    private static void MakeMembers(Rng rng, int size, List<Member> members)
    {
        members.Clear();
        if (!rng.Chance(0.28))
        {
            // Parents with their children, sometimes a grandparent.
            int head = rng.Between(28, 52);
            bool male = rng.Chance(0.85);
            members.Add(new Member(Relation.Head, male, head));
            int youngest = head;
            if (size >= 2 && rng.Chance(0.88))
            {
                int spouse = Math.Max(21, head + rng.Between(-4, 4));
                members.Add(new Member(Relation.Spouse, !male, spouse));
                youngest = Math.Min(youngest, spouse);
            }

            if (size >= 5 && rng.Chance(0.5))
            {
                bool father = rng.Chance(0.4);
                members.Add(new Member(father ? Relation.Father : Relation.Mother, father, Math.Min(92, head + rng.Between(22, 32))));
            }

            AddChildren(rng, members, size, Math.Clamp(youngest - 19, 0, 22), Relation.Son, Relation.Daughter);
        }
        else
        {
            // Grandparents raising grandchildren whose parents work away (留守儿童).
            int head = rng.Between(55, 76);
            bool male = rng.Chance(0.75);
            members.Add(new Member(Relation.Head, male, head));
            if (size >= 2 && rng.Chance(0.75))
            {
                members.Add(new Member(Relation.Spouse, !male, Math.Max(50, head + rng.Between(-4, 4))));
            }

            int parent = rng.Between(26, head - 21);
            if (size >= 4 && rng.Chance(0.45))
            {
                members.Add(new Member(Relation.Son, true, parent));
                if (size >= 5 && rng.Chance(0.6))
                {
                    members.Add(new Member(Relation.DaughterInLaw, false, Math.Max(22, parent + rng.Between(-3, 3))));
                }
            }

            AddChildren(rng, members, size, Math.Clamp(parent - 19, 0, 17), Relation.Grandson, Relation.Granddaughter);
        }
    }

    /// <summary>Children from the eldest down, one to four years apart (the household ends up smaller when the youngest would not be born yet).</summary>
    private static void AddChildren(Rng rng, List<Member> members, int size, int maxAge, Relation son, Relation daughter)
    {
        int count = size - members.Count;
        if (count <= 0)
        {
            return;
        }

        int age = rng.Between(Math.Min(maxAge, 2 * (count - 1)), maxAge);
        for (int i = 0; i < count && age >= 0; i++)
        {
            bool boy = rng.Chance(0.52);
            members.Add(new Member(boy ? son : daughter, boy, age));
            age -= rng.Between(1, 4);
        }
    }

    private void AddHousehold(Rng rng, int h, CountyInfo county, int ethnic, List<Member> members, int take)
    {
        bool uyghur = ethnic == Catalog.Uyghur;
        int familySurname = Names.RandomSurname(rng);
        int fatherOfKids = -1;
        int fatherOfGrandkids = -1;
        for (int i = 0; i < take; i++)
        {
            var m = members[i];
            bool child = m.Age < 20;
            int name;
            if (uyghur)
            {
                int father = m.Relation switch
                {
                    Relation.Son or Relation.Daughter => fatherOfKids,
                    Relation.Grandson or Relation.Granddaughter => fatherOfGrandkids >= 0 ? fatherOfGrandkids : fatherOfKids,
                    _ => -1,
                };
                name = Names.RandomUyghur(rng, m.Male, father);
            }
            else
            {
                bool patriline = m.Relation is Relation.Son or Relation.Daughter or Relation.Grandson or Relation.Granddaughter
                    || (m.Male && m.Relation is Relation.Head or Relation.Spouse or Relation.Father);
                int surname = patriline && rng.Chance(0.95) ? familySurname : -1;
                name = Names.RandomHan(rng, m.Male, child, surname);
            }

            var birth = BirthForAge(rng, m.Age);
            int person = NewPerson(rng, county, birth, m.Male, name, ethnic);
            if (uyghur && m.Male && m.Relation is Relation.Head or Relation.Spouse)
            {
                fatherOfKids = Names.UyghurOwnPart(name);
            }

            if (uyghur && m.Relation == Relation.Son)
            {
                fatherOfGrandkids = Names.UyghurOwnPart(name);
            }

            int age = AgeOf(_w.People.Birth(person));
            var row = new PovertyRow { Person = person, Household = h, Relation = m.Relation, Kind = RowKind.Data };
            bool kid = m.Relation is Relation.Son or Relation.Daughter or Relation.Grandson or Relation.Granddaughter && age <= 22;
            if (kid)
            {
                int level = age - 5;
                if (age >= 6)
                {
                    double x = rng.NextDouble();
                    level += x < 0.10 ? -1 : x < 0.15 ? 1 : 0;
                }

                _kids.Add(new Kid { Person = person, Row = _w.Poverty.Count, Level = level, County = county.Index, Vocational = level >= 10 && rng.Chance(0.4) });
            }
            else
            {
                row.Statement = rng.Chance(0.85) ? StatementKind.NotInSchool : StatementKind.Empty;
                row.Life = age >= 70 && rng.Chance(0.04) ? LifeStatus.Deceased
                    : rng.Chance(0.004) ? LifeStatus.Removed
                    : LifeStatus.Normal;
            }

            _w.Poverty.Add(row);
            _povertyKeys.Add(HouseholdKey(h, i));
        }
    }

    /// <summary>
    /// Decides each child's schooling: the natural course by age, then fixed numbers of the cases the
    /// lists are about (out of province, dropouts, deceased, stale register statements, transfers, duplicates).
    /// </summary>
    private void PlanKids(Rng rng)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_kids);
        var schoolable = new List<int>();
        for (int i = 0; i < span.Length; i++)
        {
            ref var k = ref span[i];
            int age = AgeOf(_w.People.Birth(k.Person));
            k.Plan = k.Level switch
            {
                < -2 => Plan.TooYoung,
                <= 0 => rng.Chance(0.75) ? Plan.Enrolled : Plan.NotInKindergarten,
                <= 12 => age >= 16 && rng.Chance(0.10) ? Plan.Working : Plan.Enrolled,
                _ => Plan.YoungAdult,
            };
            if (k.Plan == Plan.Enrolled && k.Level >= 1)
            {
                schoolable.Add(i);
            }
        }

        var order = schoolable.ToArray();
        rng.Shuffle(order.AsSpan());
        int n = order.Length;
        int next = 0;
        foreach (var (plan, rate, min) in KidPlanRates)
        {
            for (int i = 0, count = Count(n, rate, min); i < count && next < n; i++)
            {
                span[order[next++]].Plan = plan;
            }
        }

        foreach (ref var k in span)
        {
            EmitKid(rng, ref k);
        }
    }

    /// <summary>Cases forced among the poverty children who would be enrolled in school (grades 1–12): rate and least number.</summary>
    private static readonly (Plan Plan, double Rate, int Min)[] KidPlanRates =
    [
        (Plan.OutOfProvince, 0.025, 2),
        (Plan.Dropout, 0.01, 2),
        (Plan.DeceasedKid, 0.002, 1),
        (Plan.DeceasedEnrolled, 0.001, 1),
        (Plan.StageMismatch, 0.02, 2),
        (Plan.NotInSchoolStatement, 0.01, 2),
        (Plan.Transfer, 0.01, 2),
        (Plan.DuplicateEnrollment, 0.008, 2),
    ];

    private void EmitKid(Rng rng, ref Kid k)
    {
        ref var row = ref _w.Poverty[k.Row];
        var stage = k.Level is >= -2 and <= 12 ? Stages.OfLevel(k.Level, k.Vocational) : Stage.None;
        row.StatementLevel = (sbyte)k.Level;
        row.Life = LifeStatus.Normal;
        switch (k.Plan)
        {
            case Plan.TooYoung:
            case Plan.NotInKindergarten:
                row.Statement = StatementKind.PreschoolChild;
                break;
            case Plan.Working:
                row.Statement = StatementKind.NotInSchool;
                if (rng.Chance(0.5))
                {
                    AddStudent(k.Person, PickSchool(rng, k.County, Stage.Middle), 9, Stage.Middle, EnrolStatus.Graduated);
                }

                break;
            case Plan.YoungAdult:
                (row.Statement, row.StatementStage) = rng.NextDouble() switch
                {
                    < 0.2 => (StatementKind.InSchool, Stage.HigherVocational),
                    < 0.4 => (StatementKind.InSchool, Stage.Higher),
                    _ => (StatementKind.NotInSchool, Stage.None),
                };
                row.StatementLevel = (sbyte)Math.Min(k.Level, 15);
                break;
            case Plan.OutOfProvince:
                SayInSchool(ref row, stage);
                _povertyNotEnrolled.Add(new Enrolment(k.Person, k.County, PickSchool(rng, k.County, stage), stage, k.Level));
                break;
            case Plan.Dropout:
                if (rng.Chance(0.6))
                {
                    row.Statement = StatementKind.Dropout;
                }
                else
                {
                    SayInSchool(ref row, stage);
                }

                int school = PickSchool(rng, k.County, stage);
                if (rng.Chance(0.5))
                {
                    AddStudent(k.Person, school, k.Level, stage, EnrolStatus.DroppedOut);
                }

                _povertyNotEnrolled.Add(new Enrolment(k.Person, k.County, school, stage, k.Level));
                break;
            case Plan.DeceasedKid:
                row.Life = LifeStatus.Deceased;
                SayInSchool(ref row, stage);
                if (rng.Chance(0.4))
                {
                    AddStudent(k.Person, PickSchool(rng, k.County, stage), k.Level, stage, EnrolStatus.Deceased);
                }

                break;
            case Plan.DeceasedEnrolled:
                row.Life = rng.Chance(0.5) ? LifeStatus.Deceased : LifeStatus.Removed;
                SayInSchool(ref row, stage);
                Enrol(rng, ref k, stage);
                break;
            case Plan.StageMismatch:
                Enrol(rng, ref k, stage);
                row.Statement = StatementKind.InSchool;
                (row.StatementStage, row.StatementLevel) = stage switch
                {
                    Stage.Primary when k.Level <= 2 => (Stage.Preschool, (sbyte)0),
                    Stage.Primary => (Stage.Middle, (sbyte)7),
                    Stage.Middle => (Stage.Primary, (sbyte)6),
                    Stage.High when k.Level == 12 && rng.Chance(0.5) => (Stage.Higher, (sbyte)13),
                    Stage.High => (Stage.Vocational, (sbyte)k.Level),
                    _ => (Stage.High, (sbyte)k.Level),
                };
                break;
            case Plan.NotInSchoolStatement:
                Enrol(rng, ref k, stage);
                row.Statement = StatementKind.NotInSchool;
                break;
            case Plan.Transfer:
            {
                int to = Enrol(rng, ref k, stage);
                AddStudent(k.Person, PickSchool(rng, k.County, stage, to), k.Level, stage, EnrolStatus.TransferredOut);
                SayInSchool(ref row, stage);
                break;
            }

            case Plan.DuplicateEnrollment:
            {
                int at = Enrol(rng, ref k, stage);
                AddStudent(k.Person, PickSchool(rng, k.County, stage, at), k.Level, stage, EnrolStatus.Reading);
                SayInSchool(ref row, stage);
                break;
            }

            default:
                Enrol(rng, ref k, stage);
                if (stage == Stage.Preschool && rng.Chance(0.08))
                {
                    row.Statement = StatementKind.PreschoolChild;
                }
                else
                {
                    SayInSchool(ref row, stage);
                }

                break;
        }
    }

    private static void SayInSchool(ref PovertyRow row, Stage stage)
    {
        row.Statement = StatementKind.InSchool;
        row.StatementStage = stage;
    }

    /// <summary>The child's enrolled row at a school of its stage; returns the school.</summary>
    private int Enrol(Rng rng, ref Kid k, Stage stage)
    {
        int school = PickSchool(rng, k.County, stage);
        AddStudent(k.Person, school, k.Level, stage, NaturalStatus(rng));
        _povertyEnrolled.Add(new Enrolment(k.Person, k.County, school, stage, k.Level));
        return school;
    }

    /// <summary>学籍状态 of an enrolled student: mostly 在读, a few 在籍/在校/休学 or empty.</summary>
    private static EnrolStatus NaturalStatus(Rng rng) => rng.NextDouble() switch
    {
        < 0.95 => EnrolStatus.Reading,
        < 0.965 => EnrolStatus.Registered,
        < 0.975 => EnrolStatus.AtSchool,
        < 0.985 => EnrolStatus.Suspended,
        _ => EnrolStatus.Blank,
    };

    private void AddStudent(int person, int school, int level, Stage stage, EnrolStatus status)
        => _w.Students.Add(new StudentRow { Person = person, School = school, Level = (sbyte)level, Stage = stage, Status = status, Kind = RowKind.Data });
}
