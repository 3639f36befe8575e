using Bidui.Core.Regions;
using Bidui.Inputs;
using Bidui.Matching.Support;

namespace Bidui.Workflow.Rounds;

/// <summary>
/// Rows per county of a round's inputs: the students by their school's county (学校所在地代码), the
/// register by the household's (县级代码, or 省/市/县 names), each as the county its work is dispatched
/// to (abolished codes go to their successor, as in the lists). Code 0 collects rows without a county.
/// A light second pass over the files, on the county columns only; the comparison does not report it.
/// </summary>
public static class InputCoverage
{
    public static Dictionary<int, int> Students(string path) =>
        Count(path, DatasetSchema.Students, (table, locator) =>
        {
            int at = table.Ordinal("学校所在地代码");
            return at < 0 ? _ => 0 : r => CountyLocator.ParseCode(r.GetSpan(at));
        });

    public static Dictionary<int, int> Poverty(string path) =>
        Count(path, DatasetSchema.Poverty, (table, locator) =>
        {
            int code = table.Ordinal("县级代码"), province = table.Ordinal("省"), prefecture = table.Ordinal("市"), county = table.Ordinal("县");
            return r =>
            {
                int c = code < 0 ? 0 : CountyLocator.ParseCode(r.GetSpan(code));
                if (c == 0 && county >= 0)
                    c = locator.FromNames(province < 0 ? default : r.GetSpan(province), prefecture < 0 ? default : r.GetSpan(prefecture), r.GetSpan(county));
                return c;
            };
        });

    private static Dictionary<int, int> Count(string path, DatasetSchema schema, Func<BoundTable, CountyLocator, Func<ITabularReader, int>> countyOf)
    {
        var locator = new CountyLocator(RegionTable.Default);
        using var table = BoundTable.Open(path, schema);
        var county = countyOf(table, locator);
        var counts = new Dictionary<int, int>();
        var reader = table.Reader;
        while (table.ReadRow())
        {
            if (reader.IsBlank) continue;
            int code = county(reader);
            code = code == 0 ? 0 : locator.Dispatch(code).Code;
            counts[code] = counts.GetValueOrDefault(code) + 1;
        }
        return counts;
    }
}
