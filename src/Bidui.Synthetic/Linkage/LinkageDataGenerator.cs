using System.Text;

namespace Bidui.Synthetic.Linkage;

/// <summary>The files made by <see cref="LinkageDataGenerator"/> and how many true pairs they hold.</summary>
public sealed record LinkageFiles(string PovertyPath, string StudentsPath, string PovertyTruthPath, string StudentTruthPath,
    int PovertyRows, int StudentRows, int TruePairs);

/// <summary>
/// Labelled data for measuring record linkage: a poverty register and a student registry (CSV, UTF-8
/// with BOM, header on line 1) whose every row carries, in a separate truth file, the number of the
/// person it is and the faults written into it (column 故障, e.g. <c>id:truncated000;away</c>). Like the
/// demo generator it shares no code with the engine. Hard cases are made on purpose: twins (same birth
/// date, same household), namesakes (a pupil of another family with a poverty child's name and birth
/// date, in the same county), children registered under a relative's number, children schooled in
/// another county, and faults on both sides of one pair.
/// </summary>
public static class LinkageDataGenerator
{
    private const string PovertyHeader = "县级代码,乡镇,村,户编号,姓名,证件号码,性别,出生日期,与户主关系,在校生状况,人员状态";
    private const string StudentHeader = "姓名,身份证件类型,身份证件号,全国学籍号,性别,出生日期,学校名称,学校标识码,学校所在地代码,学段,年级,学籍状态";

    private sealed record Person(int Entity, int Name, long Id17, bool Male, int HomeCounty, int Township);

    /// <summary>A registry row: the pupil, where they go to school, and (rarely) whose number the row carries.</summary>
    private sealed record Pupil(Person P, bool Poverty, int SchoolCounty, int SchoolTownship, Person? NumberOf, string Borrowed);

    // Township names as counties have them (桃洪镇, 石门乡): a first and a second character per county and index.
    private const string TownFirst = "桃石白花龙马金长新高东西南青黄江大枫杨梅";
    private const string TownSecond = "洪门田山溪塘坪桥湾口冲岭";

    private static string TownshipName(int county, int township)
    {
        int n = county % 97 * 13 + township * 7;
        return $"{TownFirst[n % TownFirst.Length]}{TownSecond[(n / TownFirst.Length + township) % TownSecond.Length]}{(township % 4 == 3 ? '乡' : '镇')}";
    }

    /// <summary>A school as the registry names it: village schools carry their township, secondary ones a number.</summary>
    private static string SchoolName(int county, int township, string stage, Rng rng)
    {
        var region = Regions.ByCode(county);
        string countyName = region.IsDistrict ? region.Prefecture + region.Name : region.Name;
        string town = TownshipName(county, township)[..^1];
        return stage switch
        {
            "学前" => $"{countyName}{town}中心幼儿园",
            "小学" => $"{countyName}{town}中心小学",
            "初中" when rng.Chance(0.6) => $"{countyName}{town}中学",
            _ => $"{countyName}第{1 + township % 5}中学",
        };
    }

    public static LinkageFiles Generate(string directory, LinkageOptions options)
    {
        Directory.CreateDirectory(directory);
        var rng = new Rng((ulong)options.Seed * 0x9E3779B97F4A7C15UL + 3);
        var province = Regions.InUse(43);
        var counties = province.Where(r => !r.IsDistrict).Take(options.Counties).ToArray();
        var faults = options.Faults;
        var sequences = new Dictionary<(int, DateOnly), int>();
        int entities = 0;

        long NewId(int region, DateOnly birth, bool male)
        {
            int n = sequences.GetValueOrDefault((region, birth));
            sequences[(region, birth)] = n + 1;
            // 顺序码 from 001 (men odd, women even); 000 is not issued.
            return ResidentIds.Compose(region, birth, (n * 2 + (male ? 1 : 2)) % 1000);
        }

        DateOnly Birth(int minAge, int maxAge)
        {
            var latest = options.ReferenceDate.AddYears(-minAge);
            int span = latest.DayNumber - options.ReferenceDate.AddYears(-maxAge - 1).AddDays(1).DayNumber;
            return DateOnly.FromDayNumber(latest.DayNumber - rng.Next(span));
        }

        Person NewPerson(int county, int township, int name, DateOnly birth, bool male, int region = 0) =>
            new(++entities, name, NewId(region != 0 ? region : (rng.Chance(0.9) ? county : counties[rng.Next(counties.Length)].Code), birth, male),
                male, county, township);

        int Age(Person p)
        {
            var b = ResidentIds.BirthDate(p.Id17);
            int age = options.ReferenceDate.Year - b.Year;
            return options.ReferenceDate < b.AddYears(age) ? age - 1 : age;
        }

        // 1. Households of the register: parents, children (2 % twins), a grandparent now and then.
        var register = new List<(Person P, string Relation, string Household)>();
        var children = new List<Person>();
        var householdOf = new Dictionary<int, List<(Person P, string Relation)>>();
        for (int h = 0; h < options.Households; h++)
        {
            var county = counties[rng.Next(counties.Length)];
            int township = rng.Next(12);
            string household = string.Create(CultureInfo.InvariantCulture, $"{county.Code}{township:D3}{h:D7}");
            var members = new List<(Person P, string Relation)>();
            bool uyghur = rng.Chance(options.UyghurHouseholdShare);
            int surname = Names.RandomSurname(rng);
            var father = NewPerson(county.Code, township, uyghur ? Names.RandomUyghur(rng, true) : Names.RandomHan(rng, true, false, surname), Birth(28, 50), true);
            var mother = NewPerson(county.Code, township, uyghur ? Names.RandomUyghur(rng, false) : Names.RandomHan(rng, false, false), Birth(26, 48), false);
            members.Add((father, "户主"));
            members.Add((mother, "配偶"));
            if (rng.Chance(0.2))
            {
                bool male = rng.Chance(0.5);
                members.Add((NewPerson(county.Code, township, uyghur ? Names.RandomUyghur(rng, male) : Names.RandomHan(rng, male, false), Birth(55, 80), male), "祖父母"));
            }
            int ChildName(bool male) => uyghur ? Names.RandomUyghur(rng, male, Names.UyghurOwnPart(father.Name)) : Names.RandomHan(rng, male, true, surname);
            int kids = 1 + rng.Next(3);
            for (int k = 0; k < kids; k++)
            {
                bool male = rng.Chance(0.52);
                var birth = Birth(3, 17);
                var child = NewPerson(county.Code, township, ChildName(male), birth, male);
                members.Add((child, "子女"));
                children.Add(child);
                if (rng.Chance(0.02))
                {
                    bool twinMale = rng.Chance(0.5) ? male : !male;
                    var twin = NewPerson(county.Code, township, ChildName(twinMale), birth, twinMale, ResidentIds.Region(child.Id17));
                    members.Add((twin, "子女"));
                    children.Add(twin);
                }
            }
            foreach (var (p, relation) in members)
            {
                register.Add((p, relation, household));
                householdOf[p.Entity] = members;
            }
        }

        // 2. The registry: most poverty children, many other pupils, and namesakes of poverty children.
        var pupils = new List<Pupil>();
        foreach (var child in children)
        {
            int age = Age(child);
            double enrolled = age <= 5 ? 0.75 : age <= 15 ? 0.96 : 0.85;
            if (!rng.Chance(enrolled))
                continue;
            var (schoolCounty, schoolTownship) = School(child, age);
            var (numberOf, borrowed) = Borrowed(child, householdOf[child.Entity]);
            pupils.Add(new Pupil(child, true, schoolCounty, schoolTownship, numberOf, borrowed));
        }
        int others = (int)(children.Count * options.OtherStudentsPerChild);
        int namesakes = (int)Math.Round(children.Count * options.NamesakeShare);
        for (int i = 0; i < others; i++)
        {
            var county = counties[rng.Next(counties.Length)];
            bool male = rng.Chance(0.52);
            var p = NewPerson(county.Code, rng.Next(12), Names.RandomHan(rng, male, true), Birth(3, 17), male);
            var (c, t) = School(p, Age(p));
            pupils.Add(new Pupil(p, false, c, t, null, ""));
        }
        for (int i = 0; i < namesakes && children.Count > 0; i++)
        {
            // A namesake: another family's child with a poverty child's name, sex and birth date.
            var model = children[rng.Next(children.Count)];
            var birth = ResidentIds.BirthDate(model.Id17);
            var p = NewPerson(model.HomeCounty, rng.Next(12), model.Name, birth, model.Male, ResidentIds.Region(model.Id17));
            pupils.Add(new Pupil(p, false, p.HomeCounty, p.Township, null, ""));
        }
        Shuffle(pupils, rng);

        // 3. Write both files with their faults, and the truth.
        string povertyPath = Path.Combine(directory, "脱贫人口.csv"), studentsPath = Path.Combine(directory, "学籍.csv");
        string truthDir = Path.Combine(directory, "truth");
        Directory.CreateDirectory(truthDir);
        string povertyTruth = Path.Combine(truthDir, "poverty_entities.csv"), studentTruth = Path.Combine(truthDir, "student_entities.csv");
        var utf8Bom = new UTF8Encoding(true);
        var rowFaults = new List<string>();

        // Files passed through Excel: some townships' register rows, some schools' registry rows.
        var batches = new Dictionary<string, ExcelDamage>(StringComparer.Ordinal);
        ExcelDamage BatchOf(string unit)
        {
            if (!batches.TryGetValue(unit, out var damage))
                batches[unit] = damage = !rng.Chance(faults.ExcelBatch) ? ExcelDamage.None : rng.Chance(0.5) ? ExcelDamage.Exponent : ExcelDamage.Truncated;
            return damage;
        }

        using (var file = new StreamWriter(povertyPath, false, utf8Bom))
        using (var truth = new StreamWriter(povertyTruth, false, new UTF8Encoding(false)))
        {
            file.WriteLine(PovertyHeader);
            truth.WriteLine("乡村振兴行号,entity,故障");
            int row = 1;
            foreach (var (p, relation, household) in register)
            {
                row++;
                rowFaults.Clear();
                var birth = ResidentIds.BirthDate(p.Id17);
                string schooling = relation == "子女" ? "在校生" : "非在校生";
                string town = TownshipName(p.HomeCounty, p.Township);
                string id = LinkageCells.Id(p.Id17, faults, rng, allowOther: false, BatchOf($"{p.HomeCounty}{town}"), rowFaults, out _);
                file.WriteLine(string.Join(',', p.HomeCounty.ToString(CultureInfo.InvariantCulture), town, "", options.HouseholdIds ? household : "",
                    LinkageCells.Name(p.Name, faults, rng, registry: false, rowFaults), id,
                    LinkageCells.Sex(p.Male, faults, rng), LinkageCells.Birth(birth, faults, rng, rowFaults), relation, schooling, "正常"));
                truth.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row},{p.Entity},{string.Join(';', rowFaults)}"));
            }
        }
        var inRegister = children.Select(c => c.Entity).ToHashSet();
        int truePairs = 0;
        using (var file = new StreamWriter(studentsPath, false, utf8Bom))
        using (var truth = new StreamWriter(studentTruth, false, new UTF8Encoding(false)))
        {
            file.WriteLine(StudentHeader);
            truth.WriteLine("学籍行号,entity,故障");
            int row = 1;
            foreach (var pupil in pupils)
            {
                row++;
                rowFaults.Clear();
                var p = pupil.P;
                truePairs += pupil.Poverty && inRegister.Contains(p.Entity) ? 1 : 0;
                int age = Age(p);
                var (stage, grade) = age <= 5 ? ("学前", age <= 3 ? "小班" : age == 4 ? "中班" : "大班") : age <= 11 ? ("小学", $"{age - 5}年级")
                    : age <= 14 ? ("初中", $"{age - 5}年级") : ("高中", $"高{age - 14}");
                string school = SchoolName(pupil.SchoolCounty, pupil.SchoolTownship, stage, rng);
                if (pupil.SchoolCounty != p.HomeCounty)
                    rowFaults.Add("away");
                string id, studentNumber, sex, birth;
                bool other = false;
                if (pupil.NumberOf is { } owner)
                {
                    // The row carries a relative's valid number; its 出生日期 and 性别 are the child's own,
                    // or were filled in from the number, or left empty.
                    rowFaults.Add("id:borrowed_" + pupil.Borrowed);
                    id = ResidentIds.Format(owner.Id17);
                    double x = rng.NextDouble();
                    var shown = x < 0.55 ? p : x < 0.85 ? owner : null;
                    birth = shown is null ? "" : LinkageCells.Birth(ResidentIds.BirthDate(shown.Id17), faults, rng, rowFaults);
                    sex = shown is null ? "" : LinkageCells.Sex(shown.Male, faults, rng);
                    if (shown == owner)
                        rowFaults.Add("borrowed_columns_from_number");
                    // The 学籍号 was made from the number first entered: the child's own, or already the relative's.
                    studentNumber = rng.Chance(0.5) ? LinkageCells.StudentNumber(p.Id17, faults, rng, rowFaults)
                        : rng.Chance(0.7) ? "G" + ResidentIds.Format(owner.Id17) : "";
                }
                else
                {
                    id = LinkageCells.Id(p.Id17, faults, rng, allowOther: true, BatchOf(school), rowFaults, out other);
                    studentNumber = other ? "" : LinkageCells.StudentNumber(p.Id17, faults, rng, rowFaults);
                    sex = LinkageCells.Sex(p.Male, faults, rng);
                    birth = LinkageCells.Birth(ResidentIds.BirthDate(p.Id17), faults, rng, rowFaults);
                }
                file.WriteLine(string.Join(',', LinkageCells.Name(p.Name, faults, rng, registry: true, rowFaults), other ? "港澳居民来往内地通行证" : "居民身份证", id,
                    studentNumber, sex, birth, school,
                    string.Create(CultureInfo.InvariantCulture, $"43{pupil.SchoolCounty % 10000:D4}{pupil.SchoolTownship:D4}"),
                    pupil.SchoolCounty.ToString(CultureInfo.InvariantCulture), stage, grade, "在读"));
                truth.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row},{p.Entity},{string.Join(';', rowFaults)}"));
            }
        }
        return new LinkageFiles(povertyPath, studentsPath, povertyTruth, studentTruth, register.Count, pupils.Count, truePairs);

        // Most children go to school in their own township or a neighbouring one; some in another county
        // (most of those in the same prefecture), senior high pupils far more often.
        (int County, int Township) School(Person p, int age)
        {
            double away = age <= 5 ? faults.AwayPreschool : age <= 11 ? faults.AwayPrimary : age <= 14 ? faults.AwayJunior : faults.AwaySenior;
            if (!rng.Chance(away))
                return (p.HomeCounty, rng.Chance(0.85) ? p.Township : rng.Next(12));
            var home = Regions.ByCode(p.HomeCounty);
            var near = province.Where(r => r.Code != home.Code && r.Prefecture == home.Prefecture).ToArray();
            var pool = near.Length > 0 && rng.Chance(0.75) ? near : [.. province.Where(r => r.Code != home.Code)];
            return (pool[rng.Next(pool.Length)].Code, rng.Next(12));
        }

        // A poverty child registered under a relative's number: the 户主's most often, a parent's or a
        // sibling's otherwise; twins under each other's far more often than other children.
        (Person? Owner, string Kind) Borrowed(Person child, List<(Person P, string Relation)> household)
        {
            var twin = household.FirstOrDefault(m => m.Relation == "子女" && m.P != child
                && ResidentIds.BirthDate(m.P.Id17) == ResidentIds.BirthDate(child.Id17)).P;
            if (twin is not null && rng.Chance(faults.TwinNumberSwapped))
                return (twin, "twin");
            if (!rng.Chance(faults.BorrowedNumber))
                return (null, "");
            double x = rng.NextDouble();
            var siblings = household.Where(m => m.Relation == "子女" && m.P != child).Select(m => m.P).ToArray();
            if (x < 0.3 && siblings.Length > 0)
                return (siblings[rng.Next(siblings.Length)], "sibling");
            if (x < 0.45)
                return (household.First(m => m.Relation == "配偶").P, "parent");
            return (household.First(m => m.Relation == "户主").P, "head");
        }
    }

    private static void Shuffle<T>(List<T> list, Rng rng)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
