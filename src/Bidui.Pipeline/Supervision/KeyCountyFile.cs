using Bidui.Core.Regions;
using Bidui.Inputs;
using Bidui.Matching.Support;

namespace Bidui.Pipeline.Supervision;

/// <summary>
/// Reads the province's key counties (重点帮扶县, `--key-counties`, SPEC §4.6): a column 县级代码 (6 digits,
/// or a longer code whose first six digits are the county) or 县 (names, with 省 and 市 when a name is not
/// unique). Codes are returned as in-use counties (an abolished code as its successor), the form the
/// household counties of the comparison take. Shared by the CLI, the web workflow and county assessment.
/// </summary>
public static class KeyCountyFile
{
    public static IReadOnlySet<int> Read(string path, RegionTable? regions = null)
    {
        regions ??= RegionTable.Default;
        var locator = new CountyLocator(regions);
        using var table = BoundTable.Open(path, DatasetSchema.KeyCounties);
        int code = table.Ordinal("县级代码"), province = table.Ordinal("省"), prefecture = table.Ordinal("市"), county = table.Ordinal("县");
        var r = table.Reader;
        ReadOnlySpan<char> Cell(int ordinal) => ordinal < 0 ? [] : r.GetSpan(ordinal);
        var counties = new HashSet<int>();
        while (table.ReadRow())
        {
            if (r.IsBlank)
                continue;
            int found = CountyLocator.ParseCode(Cell(code));
            if (found == 0 && !Cell(county).IsWhiteSpace())
                found = locator.FromNames(Cell(province), Cell(prefecture), Cell(county));
            var dispatch = locator.Dispatch(found);
            if (dispatch.Code == 0)
            {
                string column = code >= 0 && !Cell(code).IsWhiteSpace() ? "县级代码" : "县";
                string given = code >= 0 && !Cell(code).IsWhiteSpace() ? Cell(code).Trim().ToString() : Cell(county).Trim().ToString();
                throw new InputFileException(
                    $"重点帮扶县名单“{path}”第{r.RowNumber}行“{column}”列的“{given}”不是可识别的县级行政区：请填写 6 位县级代码（如 430582），" +
                    "或填写县名（同名县须同时填写省、市），改正后再运行。", path, r.RowNumber, column);
            }
            counties.Add(dispatch.Code);
        }
        if (counties.Count == 0)
            throw new InputFileException($"重点帮扶县名单“{path}”中没有任何县（表头在第{table.HeaderRowNumber}行，其下没有数据行）。请每行填写一个县的县级代码或县名后再运行，或不使用 --key-counties。", path);
        return counties;
    }
}
