using Bidui.Core.Regions;
using Bidui.Workflow.Store;

namespace Bidui.Workflow.Rounds;

/// <summary>Region rows (with their prefecture and province) for the county codes in use.</summary>
public static class RegionSeeder
{
    public static IEnumerable<Region> WithAncestors(IEnumerable<int> countyCodes)
    {
        var table = RegionTable.Default;
        var seen = new HashSet<int>();
        foreach (int county in countyCodes.Order())
        {
            int province = county / 10000 * 10000, prefecture = county / 100 * 100;
            if (seen.Add(province)) yield return new Region { Code = province, Name = table.ProvinceName(province), Level = 1 };
            if (prefecture != province && seen.Add(prefecture))
                yield return new Region { Code = prefecture, Name = Name(table, prefecture), ParentCode = province, Level = 2 };
            if (county != prefecture && county != province && seen.Add(county))
                yield return new Region { Code = county, Name = Name(table, county), ParentCode = prefecture, Level = 3 };
        }
    }

    public static string Name(RegionTable table, int code)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Find(code)?.Name ?? code.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
