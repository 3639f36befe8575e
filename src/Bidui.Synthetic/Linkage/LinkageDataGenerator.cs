using System.Text;

namespace Bidui.Synthetic.Linkage;

/// <summary>The files made by <see cref="LinkageDataGenerator"/> and how many true pairs they hold.</summary>
public sealed record LinkageFiles(string PovertyPath, string StudentsPath, string PovertyTruthPath, string StudentTruthPath,
    int PovertyRows, int StudentRows, int TruePairs);

/// <summary>
/// Labelled data for measuring record linkage: a poverty register and a student registry (CSV, UTF-8
/// with BOM, header on line 1) whose every row carries, in a separate truth file, the number of the
/// person it is. Like the demo generator it shares no code with the engine. Hard cases are made on
/// purpose: twins (same birth date, same household), namesakes (a pupil of another family with a
/// poverty child's name and birth date, in the same county) and faults on both sides of one pair.
/// </summary>
public static class LinkageDataGenerator
{
    private const string PovertyHeader = "县级代码,乡镇,村,户编号,姓名,证件号码,性别,出生日期,与户主关系,在校生状况,人员状态";
    private const string StudentHeader = "姓名,身份证件类型,身份证件号,性别,出生日期,学校名称,学校标识码,学校所在地代码,学段,年级,学籍状态";

    private sealed record Person(int Entity, int Name, long Id17, bool Male, int HomeCounty, int Township);

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
        string countyName = Regions.ByCode(county).Name;
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
        var counties = Regions.InUse(43).Where(r => !r.IsDistrict).Take(options.Counties).ToArray();
        var sequences = new Dictionary<(int, DateOnly), int>();
        int entities = 0;

        long NewId(int region, DateOnly birth, bool male)
        {
            int n = sequences.GetValueOrDefault((region, birth));
            sequences[(region, birth)] = n + 1;
            return ResidentIds.Compose(region, birth, n * 2 % 1000 + (male ? 1 : 0));
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

        // 1. Households of the register: parents, children (2 % twins), a grandparent now and then.
        var register = new List<(Person P, string Relation, string Household)>();
        var children = new List<Person>();
        for (int h = 0; h < options.Households; h++)
        {
            var county = counties[rng.Next(counties.Length)];
            int township = rng.Next(12);
            string household = string.Create(CultureInfo.InvariantCulture, $"{county.Code}{township:D3}{h:D7}");
            int surname = Names.RandomSurname(rng);
            var father = NewPerson(county.Code, township, Names.RandomHan(rng, true, false, surname), Birth(28, 50), true);
            var mother = NewPerson(county.Code, township, Names.RandomHan(rng, false, false), Birth(26, 48), false);
            register.Add((father, "户主", household));
            register.Add((mother, "配偶", household));
            if (rng.Chance(0.2))
                register.Add((NewPerson(county.Code, township, Names.RandomHan(rng, rng.Chance(0.5), false), Birth(55, 80), rng.Chance(0.5)), "祖父母", household));
            int kids = 1 + rng.Next(3);
            for (int k = 0; k < kids; k++)
            {
                bool male = rng.Chance(0.52);
                var birth = Birth(3, 17);
                var child = NewPerson(county.Code, township, Names.RandomHan(rng, male, true, surname), birth, male);
                register.Add((child, "子女", household));
                children.Add(child);
                if (rng.Chance(0.02))
                {
                    bool twinMale = rng.Chance(0.5) ? male : !male;
                    var twin = NewPerson(county.Code, township, Names.RandomHan(rng, twinMale, true, surname), birth, twinMale,
                        ResidentIds.Region(child.Id17));
                    register.Add((twin, "子女", household));
                    children.Add(twin);
                }
            }
        }

        // 2. The registry: most poverty children, many other pupils, and namesakes of poverty children.
        var pupils = new List<(Person P, bool Poverty)>();
        foreach (var child in children)
        {
            int age = Age(child);
            double enrolled = age <= 5 ? 0.75 : age <= 15 ? 0.96 : 0.85;
            if (rng.Chance(enrolled))
                pupils.Add((child, true));
        }
        int others = (int)(children.Count * options.OtherStudentsPerChild);
        int namesakes = (int)Math.Round(children.Count * options.NamesakeShare);
        for (int i = 0; i < others; i++)
        {
            var county = counties[rng.Next(counties.Length)];
            bool male = rng.Chance(0.52);
            pupils.Add((NewPerson(county.Code, rng.Next(12), Names.RandomHan(rng, male, true), Birth(3, 17), male), false));
        }
        for (int i = 0; i < namesakes && children.Count > 0; i++)
        {
            // A namesake: another family's child with a poverty child's name, sex and birth date.
            var model = children[rng.Next(children.Count)];
            var birth = ResidentIds.BirthDate(model.Id17);
            pupils.Add((NewPerson(model.HomeCounty, rng.Next(12), model.Name, birth, model.Male, ResidentIds.Region(model.Id17)), false));
        }
        Shuffle(pupils, rng);

        // 3. Write both files with their faults, and the truth.
        var faults = options.Faults;
        string povertyPath = Path.Combine(directory, "脱贫人口.csv"), studentsPath = Path.Combine(directory, "学籍.csv");
        string truthDir = Path.Combine(directory, "truth");
        Directory.CreateDirectory(truthDir);
        string povertyTruth = Path.Combine(truthDir, "poverty_entities.csv"), studentTruth = Path.Combine(truthDir, "student_entities.csv");
        var utf8Bom = new UTF8Encoding(true);

        using (var file = new StreamWriter(povertyPath, false, utf8Bom))
        using (var truth = new StreamWriter(povertyTruth, false, new UTF8Encoding(false)))
        {
            file.WriteLine(PovertyHeader);
            truth.WriteLine("乡村振兴行号,entity");
            int row = 1;
            foreach (var (p, relation, household) in register)
            {
                row++;
                var birth = ResidentIds.BirthDate(p.Id17);
                string schooling = relation == "子女" ? "在校生" : "非在校生";
                file.WriteLine(string.Join(',', p.HomeCounty.ToString(CultureInfo.InvariantCulture), TownshipName(p.HomeCounty, p.Township), "", household,
                    NameCell(p.Name, faults, rng, homophones: false), IdCell(p.Id17, faults, rng, allowOther: false, out _),
                    SexCell(p.Male, faults, rng), BirthCell(birth, faults, rng), relation, schooling, "正常"));
                truth.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row},{p.Entity}"));
            }
        }
        var inRegister = children.Select(c => c.Entity).ToHashSet();
        int truePairs = 0;
        using (var file = new StreamWriter(studentsPath, false, utf8Bom))
        using (var truth = new StreamWriter(studentTruth, false, new UTF8Encoding(false)))
        {
            file.WriteLine(StudentHeader);
            truth.WriteLine("学籍行号,entity");
            int row = 1;
            foreach (var (p, poverty) in pupils)
            {
                row++;
                truePairs += poverty && inRegister.Contains(p.Entity) ? 1 : 0;
                int age = Age(p);
                var (stage, grade) = age <= 5 ? ("学前", "大班") : age <= 11 ? ("小学", $"{age - 5}年级") : age <= 14 ? ("初中", $"{age - 5}年级") : ("高中", $"高{age - 14}");
                string id = IdCell(p.Id17, faults, rng, allowOther: true, out bool other);
                // Most children go to school in their own township; some to a neighbouring one.
                string school = SchoolName(p.HomeCounty, rng.Chance(0.85) ? p.Township : rng.Next(12), stage, rng);
                file.WriteLine(string.Join(',', NameCell(p.Name, faults, rng, homophones: true), other ? "港澳居民来往内地通行证" : "居民身份证", id,
                    SexCell(p.Male, faults, rng), BirthCell(ResidentIds.BirthDate(p.Id17), faults, rng), school,
                    string.Create(CultureInfo.InvariantCulture, $"43{p.HomeCounty % 10000:D4}{p.Township:D4}"),
                    p.HomeCounty.ToString(CultureInfo.InvariantCulture), stage, grade, "在读"));
                truth.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row},{p.Entity}"));
            }
        }
        return new LinkageFiles(povertyPath, studentsPath, povertyTruth, studentTruth, register.Count, pupils.Count, truePairs);

        int Age(Person p)
        {
            var b = ResidentIds.BirthDate(p.Id17);
            int age = options.ReferenceDate.Year - b.Year;
            return options.ReferenceDate < b.AddYears(age) ? age - 1 : age;
        }
    }

    private static string IdCell(long id17, LinkageFaults f, Rng rng, bool allowOther, out bool otherDocument)
    {
        otherDocument = false;
        string id = ResidentIds.Format(id17);
        double x = rng.NextDouble();
        if ((x -= f.DigitSubstituted) < 0)
        {
            int i = rng.Next(17);
            char c = (char)('0' + (id[i] - '0' + 1 + rng.Next(9)) % 10);
            return id[..i] + c + id[(i + 1)..];
        }
        if ((x -= f.DigitsTransposed) < 0)
        {
            for (int tries = 0; tries < 20; tries++)
            {
                int i = rng.Next(16);
                if (id[i] != id[i + 1])
                    return id[..i] + id[i + 1] + id[i] + id[(i + 2)..];
            }
            return id;
        }
        if ((x -= f.ScientificNotation) < 0)
            return $"{id[0]}.{id.Substring(1, 4)}E+17";
        if ((x -= f.Empty) < 0)
            return "";
        if ((x -= f.DigitLostOrDoubled) < 0)
        {
            int i = rng.Next(17);
            return rng.Chance(0.5) ? id.Remove(i, 1) : id.Insert(i, id[i].ToString());
        }
        if ((x -= f.WrongCheckCharacter) < 0)
            return id[..17] + (id[17] == '0' ? '1' : '0');
        if ((x -= f.Masked) < 0)
            return id[..6] + "********" + id[14..];
        if (allowOther && (x -= f.OtherDocument) < 0)
        {
            otherDocument = true;
            return string.Create(CultureInfo.InvariantCulture, $"H{rng.Next(100_000_000):D8}");
        }
        return id;
    }

    private static string NameCell(int name, LinkageFaults f, Rng rng, bool homophones)
    {
        string text = Names.ToText(name);
        double x = rng.NextDouble();
        if ((x -= f.Traditional) < 0)
        {
            var chars = text.ToCharArray();
            Names.MakeTraditional(chars);
            return new string(chars);
        }
        if (homophones && (x -= f.Homophone) < 0)
            return Names.ToText(Names.Alternative(name));
        if ((x -= f.SpaceInName) < 0 && text.Length >= 2)
            return text[..1] + " " + text[1..];
        return text;
    }

    private static string BirthCell(DateOnly birth, LinkageFaults f, Rng rng)
    {
        double x = rng.NextDouble();
        if ((x -= f.BirthMissing) < 0)
            return "";
        if ((x -= f.BirthDayMonthSwapped) < 0 && birth.Day <= 12 && birth.Day != birth.Month)
            birth = new DateOnly(birth.Year, birth.Day, birth.Month);
        else if ((x -= f.BirthFieldOff) < 0)
            birth = birth.Day < 28 ? birth.AddDays(1) : birth.AddDays(-1);
        return birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static string SexCell(bool male, LinkageFaults f, Rng rng) =>
        rng.Chance(f.SexMissing) ? "" : male ? "男" : "女";

    private static void Shuffle<T>(List<T> list, Rng rng)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
