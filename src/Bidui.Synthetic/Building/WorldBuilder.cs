using Bidui.Synthetic.Model;

namespace Bidui.Synthetic.Building;

/// <summary>
/// Builds the world: places and schools, the poverty register's households, the student registry,
/// the aid payments, then the injected faults and the row layout of each file. Every random choice
/// comes from a phase's own <see cref="Rng"/>, so a seed always gives the same world.
/// </summary>
internal sealed partial class WorldBuilder
{
    private readonly World _w;
    private readonly DemoOptions _o;
    private readonly IdAllocator _ids;
    private readonly DateOnly _ref;
    private readonly DateOnly _today;
    private readonly int _studentTarget;
    private readonly int _povertyTarget;
    private readonly int _aidTarget;
    private readonly Action<double> _progress;
    private IReadOnlyList<Region> _hunan = [];
    private IReadOnlyList<Region> _guangdong = [];
    private IReadOnlyList<Region> _guizhou = [];
    private double[] _countyWeights = [];

    private WorldBuilder(DemoOptions options, Action<double> progress)
    {
        _o = options;
        (_studentTarget, _povertyTarget, _aidTarget) = Targets(options);

        // Every store is allocated once at its final size: ten million rows must not be copied while growing.
        _w = new World
        {
            Options = options,
            People = new People(_studentTarget + _povertyTarget + _aidTarget / 100 + 1_024),
            Students = new RowBuffer<StudentRow>(_studentTarget + 16),
            Poverty = new RowBuffer<PovertyRow>(_povertyTarget + 16),
            Aid = new RowBuffer<AidRow>(_aidTarget + 16),
        };
        _ids = new IdAllocator(options.Today, options.Seed);
        _ref = options.ReferenceDate;
        _today = options.Today;
        _progress = progress;
    }

    /// <summary>Rows read (data, blank and rejected rows) of the three files.</summary>
    public static (int Students, int Poverty, int Aid) Targets(DemoOptions options)
    {
        var (s, p, a) = options.Size switch
        {
            DemoSize.Small => (3_000, 1_200, 900),
            DemoSize.County => (120_000, 25_000, 36_000),
            _ => (10_000_000, 2_000_000, 3_000_000),
        };
        return (Scaled(s, 400), Scaled(p, 200), Scaled(a, 150));

        int Scaled(int n, int min) => (int)Math.Clamp(Math.Round(n * options.Scale), min, 200_000_000);
    }

    public static World Build(DemoOptions options, Action<double> progress)
    {
        var b = new WorldBuilder(options, progress);
        b.BuildPlaces();
        progress(0.01);
        b.BuildPoverty();
        progress(0.04);
        b.BuildStudents();
        progress(0.14);
        b.BuildAid();
        progress(0.18);
        b.Layout();
        b.LayoutRegisters();
        b.PickKeyCounties();
        b.InjectFaults();
        progress(0.2);
        return b._w;
    }

    /// <summary>A count of <paramref name="rate"/> × <paramref name="n"/>, at least <paramref name="min"/>.</summary>
    private static int Count(int n, double rate, int min) => Math.Max(min, (int)Math.Round(n * rate));

    private DateOnly BirthForAge(Rng rng, int age)
    {
        // Born on one of the 365 days that make the person `age` on the reference date.
        var latest = _ref.AddYears(-age);
        var birth = latest.AddDays(-rng.Next(365));
        if (birth > _today)
        {
            birth = _today.AddDays(-rng.Next(30));
        }

        return birth;
    }

    /// <summary>Whole years completed on the reference date.</summary>
    private int AgeOf(DateOnly birth)
    {
        int age = _ref.Year - birth.Year;
        if (_ref.Month < birth.Month || (_ref.Month == birth.Month && _ref.Day < birth.Day))
        {
            age--;
        }

        return age;
    }

    /// <summary>Where a person was born: mostly the home county (under its old code before it was abolished), else elsewhere in 湖南, 广东 or 贵州.</summary>
    private int BirthRegion(Rng rng, CountyInfo home, DateOnly birth)
    {
        double x = rng.NextDouble();
        Region r = x < 0.90 ? home.Region
            : x < 0.95 ? rng.Pick(_hunan)
            : x < 0.985 ? rng.Pick(_guangdong)
            : rng.Pick(_guizhou);
        if (Regions.Predecessor(r.Code) is { } old && birth.Year < old.AbolishedYear)
        {
            return old.Code;
        }

        return r.Code;
    }

    private int NewPerson(Rng rng, CountyInfo home, DateOnly birth, bool male, int name, int ethnic)
    {
        long id17 = _ids.Allocate(BirthRegion(rng, home, birth), birth, male);
        return _w.People.Add(id17, name, ethnic);
    }

    private int PickCounty(Rng rng) => rng.Pick(_countyWeights);

    private void BuildPlaces()
    {
        var rng = Rng.For(_o.Seed, "places");
        _hunan = Regions.InUse(43);
        _guangdong = Regions.InUse(44);
        _guizhou = Regions.InUse(52);
        int[] codes = _o.Size switch
        {
            DemoSize.Small => [430582, 430524, 430522],
            DemoSize.County => [430582],
            _ => [.. _hunan.Select(r => r.Code)],
        };

        int styleCounter = 0;
        double[] styleWeights = [35, 20, 12, 8, 15, 10];
        foreach (var code in codes)
        {
            var region = Regions.ByCode(code);
            int townships = _o.Size switch
            {
                DemoSize.Small => rng.Between(4, 6),
                DemoSize.County => 22,
                _ => rng.Between(8, 22),
            };
            var stems = Catalog.TownStems.ToArray();
            rng.Shuffle(stems.AsSpan());
            var towns = new string[townships];
            var villages = new string[townships][];
            var styles = new int[townships];
            for (int t = 0; t < townships; t++)
            {
                towns[t] = stems[t] + (rng.Chance(0.7) ? "镇" : "乡");
                int n = _o.Size switch
                {
                    DemoSize.Small => rng.Between(3, 6),
                    DemoSize.County => rng.Between(8, 16),
                    _ => rng.Between(6, 14),
                };
                var vs = Catalog.VillageStems.ToArray();
                rng.Shuffle(vs.AsSpan());
                villages[t] = [.. vs.Take(n).Select(v => v + (rng.Chance(0.06) ? "社区" : "村"))];
                styles[t] = styleCounter < Catalog.StatementStyles ? styleCounter++ : rng.Pick(styleWeights);
            }

            _w.Counties.Add(new CountyInfo
            {
                Index = _w.Counties.Count,
                Region = region,
                Predecessor = Regions.Predecessor(code),
                Townships = towns,
                Villages = villages,
                TownshipStatementStyle = styles,
                Weight = _o.Size == DemoSize.Province ? rng.Between(40, 160) / 100.0 : 1.0,
            });
        }

        _countyWeights = [.. _w.Counties.Select(c => c.Weight)];
        double totalWeight = _countyWeights.Sum();
        int schoolNumber = 2_143_000_000 + rng.Between(100, 5_000);
        foreach (var county in _w.Counties)
        {
            double students = _studentTarget * county.Weight / totalWeight;
            string p = county.SchoolPrefix;
            var names = new List<(string Name, Stage Stage)>
            {
                (p + "机关幼儿园", Stage.Preschool),
                (p + "实验幼儿园", Stage.Preschool),
            };
            names.AddRange(county.Townships.Select(t => (p + t + "中心幼儿园", Stage.Preschool)));
            names.Add((p + "实验小学", Stage.Primary));
            int primaries = Math.Clamp((int)(students / 15_000), 2, 8);
            for (int i = 1; i <= primaries; i++)
            {
                names.Add((p + "第" + Chinese(i) + "完全小学", Stage.Primary));
            }

            names.AddRange(county.Townships.Select(t => (p + t + "中心小学", Stage.Primary)));
            names.Add((p + "城关中学", Stage.Middle));
            names.Add((p + "实验中学", Stage.Middle));
            for (int t = 0; t < county.Townships.Length; t += 2)
            {
                names.Add((p + county.Townships[t] + "中学", Stage.Middle));
            }

            int highs = Math.Clamp(1 + (int)(students / 30_000), 2, 5);
            for (int i = 1; i <= highs; i++)
            {
                names.Add((p + "第" + Chinese(i) + "中学", Stage.High));
            }

            names.Add((p + "职业中专学校", Stage.Vocational));
            names.Add((p + "职业技术学校", Stage.Vocational));
            foreach (var (name, stage) in names)
            {
                schoolNumber += rng.Between(1, 40);
                int gradeStyle = stage switch
                {
                    Stage.Primary or Stage.High => rng.Chance(0.15) ? 2 : 0,
                    Stage.Middle => rng.Pick([55.0, 35.0, 10.0]),
                    _ => 0,
                };
                var school = new School(_w.Schools.Count, county.Index, name, schoolNumber.ToString(CultureInfo.InvariantCulture), stage, gradeStyle, rng.Chance(0.25));
                _w.Schools.Add(school);
                county.SchoolsByStage[(int)stage].Add(school.Index);
            }
        }
    }

    private static string Chinese(int n) => n switch
    {
        1 => "一",
        2 => "二",
        3 => "三",
        4 => "四",
        5 => "五",
        6 => "六",
        7 => "七",
        _ => "八",
    };

    /// <summary>A school of the stage in the county, other than <paramref name="not"/> when there is another.</summary>
    private int PickSchool(Rng rng, int county, Stage stage, int not = -1)
    {
        var list = _w.Counties[county].SchoolsByStage[(int)stage];
        int s = list[rng.Next(list.Count)];
        if (s == not && list.Count > 1)
        {
            s = list[(list.IndexOf(s) + 1 + rng.Next(list.Count - 1)) % list.Count];
        }

        return s;
    }
}
