using System.Text;
using Bidui.Inputs;

namespace Bidui.Pipeline.Tests;

/// <summary>Reading on a second thread (<see cref="ReadAhead"/>) must change nothing but the time.</summary>
public sealed class ReadAheadTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bidui-readahead-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Rows_arrive_in_order_with_their_numbers_and_cells_and_a_long_cell_grows_the_batch()
    {
        var text = new StringBuilder("标题\n姓名,证件号码,备注,县级代码\n");
        for (int i = 0; i < 10_000; i++)
        {
            // Row 7000's 备注 is as long as a cell may be; rows 7001–7010 have long names, more than a batch holds at first.
            string person = i is > 7_000 and <= 7_010 ? "人" + new string('长', 30_000) : $"人{i}";
            text.Append(i % 1000 == 5 ? "\n" : $"{person},{i},{(i == 7_000 ? new string('长', InputLimits.MaxCellChars) : "x")},430521\n");
        }

        string path = Path.Combine(_dir, "p.csv");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(true));
        using var table = BoundTable.Open(path, DatasetSchema.Poverty);
        int name = table.Ordinal("姓名"), county = table.Ordinal("县级代码");
        var seen = new List<(int Row, bool Blank, string Name, string County, string NotCopied)>();
        ReadAhead.ForEachRow(table, [name, county, -1], r => seen.Add((r.RowNumber, r.IsBlank, r.GetString(name), r.GetString(county), r.GetString(1))));

        Assert.Equal(10_000, seen.Count);
        Assert.Equal(Enumerable.Range(3, 10_000), seen.Select(s => s.Row));
        Assert.Equal(10, seen.Count(s => s.Blank));
        Assert.Equal(("人9999", "430521"), (seen[^1].Name, seen[^1].County));
        Assert.Equal("人7000", seen[7_000].Name);
        Assert.All(seen.Skip(7_001).Take(10).Where(s => !s.Blank), s => Assert.Equal(30_001, s.Name.Length));
        Assert.All(seen, s => Assert.Equal("", s.NotCopied)); // 证件号码 was not asked for
    }

    [Fact]
    public void A_failure_in_the_consumer_stops_the_reader_and_surfaces_unchanged()
    {
        string path = Path.Combine(_dir, "p.csv");
        File.WriteAllText(path, "姓名,证件号码,县级代码\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"人{i},{i},430521\n")));
        using var table = BoundTable.Open(path, DatasetSchema.Poverty);
        int rows = 0;
        var ex = Assert.Throws<InvalidOperationException>(() => ReadAhead.ForEachRow(table, [0, 1], _ =>
        {
            if (++rows == 5_000) throw new InvalidOperationException("engine failed");
        }));
        Assert.Equal("engine failed", ex.Message);
        Assert.Equal(5_000, rows);
    }
}
