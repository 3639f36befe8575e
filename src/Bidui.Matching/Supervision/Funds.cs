using Bidui.Matching.Categories;

namespace Bidui.Matching.Supervision;

/// <summary>
/// Money figures of one group of aid rows (SPEC §4.6): paid (rows with a valid 金额), at risk (each row
/// of any aid list but aid_missing counted once; for aid_duplicate every row of a group but the first),
/// and the amount of each aid-row list.
/// </summary>
public sealed class FundsFigures
{
    private readonly decimal[] _byList = new decimal[CategoryInfo.All.Count];

    public long RowsPaid { get; private set; }
    public decimal Paid { get; private set; }
    public long RowsAtRisk { get; private set; }
    public decimal AtRisk { get; private set; }

    public decimal ByList(Category category) => _byList[(int)category];

    internal void AddPaid(decimal amount)
    {
        RowsPaid++;
        Paid += amount;
    }

    internal void AddAtRisk(decimal amount)
    {
        RowsAtRisk++;
        AtRisk += amount;
    }

    internal void AddToList(Category category, decimal amount) => _byList[(int)category] += amount;

    public void Add(FundsFigures other)
    {
        RowsPaid += other.RowsPaid;
        Paid += other.Paid;
        RowsAtRisk += other.RowsAtRisk;
        AtRisk += other.AtRisk;
        for (int i = 0; i < _byList.Length; i++)
            _byList[i] += other._byList[i];
    }
}

/// <summary>
/// What the key-county comparison (SPEC §4.6) needs of one household county: poverty persons, those
/// matched, the aid paid to them (valid amounts of the aid rows that are theirs) and aid_missing.
/// </summary>
public sealed class CountyCoverage
{
    public long PovertyPersons { get; internal set; }
    public long Matched { get; internal set; }
    public decimal AidToMatched { get; internal set; }
    public long AidMissing { get; internal set; }

    public void Add(CountyCoverage other)
    {
        PovertyPersons += other.PovertyPersons;
        Matched += other.Matched;
        AidToMatched += other.AidToMatched;
        AidMissing += other.AidMissing;
    }
}

/// <summary>
/// Aid coverage of one eligibility register (SPEC §1.4) in one county: its keys enrolled in an aid stage, and
/// those of them with at least one aid row (docs/SPEC-DECISIONS.md).
/// </summary>
public sealed class RegisterCoverage
{
    public long Enrolled { get; internal set; }
    public long Aided { get; internal set; }

    public void Add(RegisterCoverage other)
    {
        Enrolled += other.Enrolled;
        Aided += other.Aided;
    }
}

/// <summary>
/// The funds of one comparison: per responsible county (the aid row's, as its lists are sent) and
/// 资助项目, and per household county for the key-county comparison. Additive, so that engines that
/// each saw some of the keys add up to one engine's figures (every aid row is in exactly one).
/// </summary>
public sealed class FundsTally
{
    /// <summary>(responsible county, project key) → figures; the project key is the name without white space.</summary>
    public Dictionary<(int County, string Project), FundsFigures> Cells { get; } = [];

    /// <summary>Household county → coverage of its poverty persons.</summary>
    public Dictionary<int, CountyCoverage> Coverage { get; } = [];

    /// <summary>(county of the enrolment's school, register index) → the register's aid coverage there.</summary>
    public Dictionary<(int County, int Register), RegisterCoverage> Registers { get; } = [];

    /// <summary>Project key → the name shown (the catalogue's, else the first aid row's).</summary>
    public Dictionary<string, string> ProjectNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The aid-row lists that were computed (by_list holds exactly these).</summary>
    public List<Category> Lists { get; } = [];

    public FundsFigures Cell(int county, string projectKey, string projectName)
    {
        ProjectNames.TryAdd(projectKey, projectName);
        if (!Cells.TryGetValue((county, projectKey), out var f))
            Cells[(county, projectKey)] = f = new FundsFigures();
        return f;
    }

    public CountyCoverage CoverageOf(int county)
    {
        if (!Coverage.TryGetValue(county, out var c))
            Coverage[county] = c = new CountyCoverage();
        return c;
    }

    public RegisterCoverage RegisterCoverageOf(int county, int register)
    {
        if (!Registers.TryGetValue((county, register), out var c))
            Registers[(county, register)] = c = new RegisterCoverage();
        return c;
    }

    public FundsFigures Total() => Sum(Cells.Values);

    public SortedDictionary<int, FundsFigures> ByCounty() => Group(k => k.County, Comparer<int>.Default);

    public SortedDictionary<string, FundsFigures> ByProject() => Group(k => k.Project, StringComparer.Ordinal);

    /// <summary>The figures of one responsible county, by project.</summary>
    public SortedDictionary<string, FundsFigures> ProjectsOf(int county)
    {
        var result = new SortedDictionary<string, FundsFigures>(StringComparer.Ordinal);
        foreach (var (key, f) in Cells)
        {
            if (key.County == county)
                result[key.Project] = f;
        }
        return result;
    }

    public string NameOf(string projectKey) => ProjectNames.GetValueOrDefault(projectKey) ?? projectKey;

    /// <summary>Key counties against the rest: the coverage of each group added up.</summary>
    public (CountyCoverage Key, CountyCoverage Other) Compare(IReadOnlySet<int> keyCounties)
    {
        var (key, other) = (new CountyCoverage(), new CountyCoverage());
        foreach (var (county, c) in Coverage)
            (keyCounties.Contains(county) ? key : other).Add(c);
        return (key, other);
    }

    public static FundsTally Merge(IEnumerable<FundsTally> parts)
    {
        var merged = new FundsTally();
        foreach (var part in parts)
        {
            foreach (var (key, f) in part.Cells)
                merged.Cell(key.County, key.Project, part.NameOf(key.Project)).Add(f);
            foreach (var (county, c) in part.Coverage)
                merged.CoverageOf(county).Add(c);
            foreach (var (key, c) in part.Registers)
                merged.RegisterCoverageOf(key.County, key.Register).Add(c);
            foreach (var c in part.Lists)
            {
                if (!merged.Lists.Contains(c))
                    merged.Lists.Add(c);
            }
        }
        return merged;
    }

    private static FundsFigures Sum(IEnumerable<FundsFigures> figures)
    {
        var total = new FundsFigures();
        foreach (var f in figures)
            total.Add(f);
        return total;
    }

    private SortedDictionary<T, FundsFigures> Group<T>(Func<(int County, string Project), T> by, IComparer<T> comparer)
        where T : notnull
    {
        var result = new SortedDictionary<T, FundsFigures>(comparer);
        foreach (var (key, f) in Cells)
        {
            var k = by(key);
            if (!result.TryGetValue(k, out var sum))
                result[k] = sum = new FundsFigures();
            sum.Add(f);
        }
        return result;
    }
}
