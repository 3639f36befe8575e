using System.Text;
using Bidui.Inputs;
using Bidui.Matching.Support;

namespace Bidui.Workflow.Tests;

/// <summary>Input files made from the demo's: the rows of some counties only, or a share of them (CSV, UTF-8).</summary>
public static class TestInputs
{
    /// <summary>
    /// Writes the rows of <paramref name="source"/> that <paramref name="keep"/> accepts (given the row's index
    /// and county), with the columns named in <paramref name="blank"/> emptied.
    /// </summary>
    public static string Filter(string source, DatasetSchema schema, string countyColumn, Func<int, int, bool> keep, string target, params string[] blank)
    {
        using var table = BoundTable.Open(source, schema);
        int at = table.Ordinal(countyColumn);
        var blanked = blank.Select(table.Ordinal).ToHashSet();
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", table.HeadersFound.Select(Quote)));
        var r = table.Reader;
        for (int i = 0; table.ReadRow(); i++)
        {
            if (r.IsBlank || !keep(i, CountyLocator.ParseCode(r.GetSpan(at)))) continue;
            text.AppendLine(string.Join(",", Enumerable.Range(0, r.FieldCount).Select(c => Quote(blanked.Contains(c) ? "" : r.GetString(c)))));
        }
        File.WriteAllText(target, text.ToString(), new UTF8Encoding(true));
        return target;
    }

    public static string Students(DemoRoundFixture f, string name, Func<int, int, bool> keep) =>
        Filter(f.Files.StudentsPath, DatasetSchema.Students, "学校所在地代码", keep, Path.Combine(f.Store.DataDirectory, name + ".csv"));

    private static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
