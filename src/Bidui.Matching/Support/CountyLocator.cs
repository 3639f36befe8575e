using Bidui.Core.Regions;

namespace Bidui.Matching.Support;

/// <summary>
/// Finds the county a row belongs to, from a code cell (6-digit county code, or a 9/12-digit
/// township/village code whose first six digits are the county) or from 省/市/县 names, and the
/// in-use county its work goes to (SPEC §1.2, issue: abolished codes dispatch to their successor).
/// </summary>
public sealed class CountyLocator(RegionTable regions)
{
    private readonly Dictionary<int, DispatchCounty> _byCode = [];
    private readonly Dictionary<string, int> _byNames = new(StringComparer.Ordinal);
    private Dictionary<string, List<RegionInfo>>? _countiesByName;

    /// <summary>The code in the cell, or 0 when the cell holds no code.</summary>
    public static int ParseCode(ReadOnlySpan<char> cell)
    {
        cell = cell.Trim();
        if (cell.Length is not (6 or 9 or 12))
            return 0;
        int code = 0;
        for (int i = 0; i < cell.Length; i++)
        {
            int d = cell[i] - '0';
            if ((uint)d > 9)
                return 0;
            if (i < 6)
                code = code * 10 + d;
        }
        return code;
    }

    public DispatchCounty Dispatch(int code)
    {
        if (code == 0)
            return default;
        if (!_byCode.TryGetValue(code, out var d))
            _byCode[code] = d = regions.ResolveForDispatch(code);
        return d;
    }

    /// <summary>The county code named by 省/市/县 cells; 0 when the names do not identify one county.</summary>
    public int FromNames(ReadOnlySpan<char> province, ReadOnlySpan<char> prefecture, ReadOnlySpan<char> county)
    {
        county = county.Trim();
        if (county.IsEmpty)
            return 0;
        string cacheKey = $"{province.Trim()}|{prefecture.Trim()}|{county}";
        if (_byNames.TryGetValue(cacheKey, out int cached))
            return cached;
        int code = Lookup(province.Trim().ToString(), prefecture.Trim().ToString(), county.ToString());
        _byNames[cacheKey] = code;
        return code;
    }

    private int Lookup(string province, string prefecture, string county)
    {
        _countiesByName ??= BuildNameIndex();
        if (!_countiesByName.TryGetValue(county, out var candidates))
            return 0;
        var narrowed = candidates
            .Where(c => province.Length == 0 || c.Province.StartsWith(province, StringComparison.Ordinal) || province.StartsWith(c.Province, StringComparison.Ordinal))
            .Where(c => prefecture.Length == 0 || (c.Prefecture ?? string.Empty).StartsWith(prefecture, StringComparison.Ordinal) || prefecture.StartsWith(c.Prefecture ?? "\u0000", StringComparison.Ordinal))
            .ToList();
        return narrowed.Count == 1 ? narrowed[0].Code : 0;
    }

    private Dictionary<string, List<RegionInfo>> BuildNameIndex()
    {
        var index = new Dictionary<string, List<RegionInfo>>(StringComparer.Ordinal);
        for (int p = 11; p <= 82; p++)
        {
            if (!Bidui.Core.Identity.ResidentId.IsProvinceCode(p))
                continue;
            foreach (var c in regions.CountiesInUse(p))
            {
                if (!index.TryGetValue(c.Name, out var list))
                    index[c.Name] = list = [];
                list.Add(c);
            }
        }
        return index;
    }
}
