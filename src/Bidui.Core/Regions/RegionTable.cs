using System.Globalization;
using Bidui.Core.Text;

namespace Bidui.Core.Regions;

/// <summary>
/// GB/T 2260 division codes with their history (see Regions/Data/README.md). Immutable after loading,
/// so one instance serves all threads.
/// </summary>
public sealed class RegionTable
{
    private static readonly Lazy<RegionTable> DefaultTable = new(LoadEmbedded);

    private readonly Dictionary<int, RegionInfo> _byCode;
    private readonly Dictionary<int, DispatchCounty> _dispatch;
    private readonly Dictionary<int, string> _fullNames;
    private readonly Dictionary<int, RegionInfo[]> _countiesInUse;

    private RegionTable(List<RegionInfo> rows)
    {
        _byCode = PreferredRows(rows);
        _dispatch = new Dictionary<int, DispatchCounty>(_byCode.Count);
        _fullNames = new Dictionary<int, string>(_byCode.Count);
        foreach (RegionInfo info in _byCode.Values)
        {
            _dispatch[info.Code] = DispatchResolver.Resolve(info.Code, _byCode);
            _fullNames[info.Code] = ComposeFullName(info);
        }
        _countiesInUse = GroupCountyLevelUnits(_byCode.Values);
    }

    /// <summary>The table embedded in this assembly, parsed on first use.</summary>
    public static RegionTable Default => DefaultTable.Value;

    public static RegionTable Load(TextReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return new RegionTable(RegionCsv.Read(csv));
    }

    /// <summary>The row of a code: the in-use row when there is one, else the most recently changed.</summary>
    public RegionInfo? Find(int code) => _byCode.GetValueOrDefault(code);

    /// <summary>
    /// The in-use county to send work for <paramref name="code"/> to. Known prefecture and province
    /// codes come back as given with no note.
    /// </summary>
    public DispatchCounty ResolveForDispatch(int code) =>
        _dispatch.TryGetValue(code, out DispatchCounty dispatch) ? dispatch : new DispatchCounty(0, RegionNote.Unknown, code);

    /// <summary>"湖南省 长沙市 芙蓉区"; no prefecture part under 直辖; "" when unknown.</summary>
    public string FullName(int code) => _fullNames.GetValueOrDefault(code) ?? "";

    public string CountyName(int code) =>
        Find(code) is { Level: RegionLevel.County } info ? info.Name : "";

    /// <summary>The province of a code; an unknown code still gets its province from the first two digits.</summary>
    public string ProvinceName(int code) =>
        Find(code)?.Province ?? Find(code / 10000 * 10000)?.Name ?? "";

    /// <summary>The prefecture of a code; an unknown county code still gets it from the first four digits.</summary>
    public string PrefectureName(int code) => Find(code) switch
    {
        { Level: RegionLevel.Prefecture } info => info.Name,
        { Level: RegionLevel.County } info => info.Prefecture ?? "",
        { } => "",
        null => Find(code / 100 * 100) is { Level: RegionLevel.Prefecture } prefecture ? prefecture.Name : "",
    };

    /// <summary>
    /// The in-use county-level units of a province (two-digit code), by code: its counties, plus the
    /// prefecture-level cities that have no counties (东莞市, 中山市, 儋州市, 嘉峪关市), which do a county's work.
    /// </summary>
    public IReadOnlyList<RegionInfo> CountiesInUse(int provinceCode2Digits) =>
        _countiesInUse.TryGetValue(provinceCode2Digits, out RegionInfo[]? list) ? list : [];

    /// <summary>The note shown next to a dispatched row; "" for <see cref="RegionNote.None"/>.</summary>
    public static string NoteText(RegionNote note, int original, int successor) => note switch
    {
        RegionNote.Abolished when successor != 0 =>
            string.Create(CultureInfo.InvariantCulture, $"区划代码{original:D6}已撤销，按新代码{successor:D6}派发"),
        RegionNote.Abolished =>
            string.Create(CultureInfo.InvariantCulture, $"区划代码{original:D6}已撤销，未找到在用的新代码"),
        RegionNote.Unknown =>
            string.Create(CultureInfo.InvariantCulture, $"区划代码{original:D6}不在GB/T 2260代码表中"),
        _ => "",
    };

    private static RegionTable LoadEmbedded()
    {
        using StreamReader reader = EmbeddedData.Open("Bidui.Core.Regions.areacodes.csv");
        return Load(reader);
    }

    private static Dictionary<int, RegionInfo> PreferredRows(List<RegionInfo> rows)
    {
        var byCode = new Dictionary<int, RegionInfo>(rows.Count);
        foreach (RegionInfo row in rows)
        {
            if (!byCode.TryGetValue(row.Code, out RegionInfo? kept) || Prefer(row, kept))
                byCode[row.Code] = row;
        }
        return byCode;
    }

    private static bool Prefer(RegionInfo candidate, RegionInfo kept)
    {
        if (candidate.InUse != kept.InUse)
            return candidate.InUse;
        int byChange = (candidate.ChangedYear ?? int.MaxValue).CompareTo(kept.ChangedYear ?? int.MaxValue);
        return byChange != 0 ? byChange > 0 : candidate.StartYear > kept.StartYear;
    }

    private static Dictionary<int, RegionInfo[]> GroupCountyLevelUnits(IEnumerable<RegionInfo> rows)
    {
        var prefecturesWithCounties = new HashSet<int>();
        foreach (RegionInfo info in rows)
        {
            if (info is { InUse: true, Level: RegionLevel.County })
                prefecturesWithCounties.Add(info.Code / 100);
        }
        var byProvince = new Dictionary<int, List<RegionInfo>>();
        foreach (RegionInfo info in rows)
        {
            bool unit = info.InUse && (info.Level == RegionLevel.County
                || (info.Level == RegionLevel.Prefecture && !prefecturesWithCounties.Contains(info.Code / 100)));
            if (!unit)
                continue;
            if (!byProvince.TryGetValue(info.Code / 10000, out List<RegionInfo>? list))
                byProvince[info.Code / 10000] = list = [];
            list.Add(info);
        }
        var result = new Dictionary<int, RegionInfo[]>(byProvince.Count);
        foreach ((int province, List<RegionInfo> list) in byProvince)
        {
            list.Sort(static (a, b) => a.Code.CompareTo(b.Code));
            result[province] = [.. list];
        }
        return result;
    }

    private static string ComposeFullName(RegionInfo info) => info.Level switch
    {
        RegionLevel.Province => info.Name,
        RegionLevel.Prefecture => $"{info.Province} {info.Name}",
        _ when info.Prefecture is null => $"{info.Province} {info.Name}",
        _ => $"{info.Province} {info.Prefecture} {info.Name}",
    };
}
