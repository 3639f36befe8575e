using System.Text;

namespace Bidui.Bench.Tests;

/// <summary>The benchmark is worthless if it compares different work: its list check must see every difference.</summary>
public sealed class ListCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bidui-bench-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Same_keys_in_another_order_and_case_are_the_same_list()
    {
        string[] duck = ["430522201305071234", "43052220130507123x "];
        var d = ListCheck.Compare("matched", ["43052220130507123X", "430522201305071234"], duck.Select(k => ListCheck.Normalise(k)).ToList());
        Assert.True(d.Same);
        Assert.Equal((2, 2), (d.Bidui, d.DuckDb));
    }

    [Fact]
    public void Keys_found_by_one_side_only_are_listed_on_that_side()
    {
        var d = ListCheck.Compare("aid_missing", ["a", "b", "c"], ["b", "c", "d", "e"]);
        Assert.False(d.Same);
        Assert.Equal(["a"], d.OnlyBidui);
        Assert.Equal(["d", "e"], d.OnlyDuckDb);
        Assert.Contains("1 only in Bidui, 2 only in DuckDB", ResultTable.Format(d), StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_are_read_from_the_id_column_of_either_contender_file()
    {
        // Bidui: UTF-8 with BOM, 证件号码 after provenance columns; DuckDB: plain UTF-8, 证件号码 third.
        string bidui = Path.Combine(_dir, "bidui.csv");
        File.WriteAllText(bidui, "乡村振兴行号,学籍行号,姓名,证件号码\r\n4,9,张伟,43052220130507123X\r\n", new UTF8Encoding(true));
        string duck = Path.Combine(_dir, "duck.csv");
        File.WriteAllText(duck, "乡村振兴数据行,姓名,证件号码\n2,张伟,43052220130507123X\n", new UTF8Encoding(false));
        Assert.Equal(ListCheck.Keys(bidui), ListCheck.Keys(duck));
        Assert.Equal(["43052220130507123X"], ListCheck.Keys(duck));
    }

    [Fact]
    public void A_list_file_without_an_id_column_is_an_error_not_an_empty_list()
    {
        string file = Path.Combine(_dir, "x.csv");
        File.WriteAllText(file, "姓名\n张伟\n");
        Assert.Throws<InvalidOperationException>(() => ListCheck.Keys(file));
    }

    [Fact]
    public void Gnu_time_report_gives_cpu_and_peak_memory()
    {
        string[] report =
        [
            "\tCommand being timed: \"dotnet bidui.dll compare\"",
            "\tUser time (seconds): 53.01",
            "\tSystem time (seconds): 2.50",
            "\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:49.51",
            "\tMaximum resident set size (kbytes): 2850000",
        ];
        var m = ChildRun.Parse("Bidui", TimeSpan.FromSeconds(49.5), report, 0);
        Assert.Equal(55.51, m.Cpu.TotalSeconds, 2);
        Assert.Equal(2850000L * 1024, m.PeakRssBytes);
    }

    [Fact]
    public void Options_parse_sizes_with_separators_and_refuse_xlsx_for_duckdb()
    {
        var o = BenchOptions.Parse(["--students", "5,000,000", "--runs", "2", "--keep"])!;
        Assert.Equal((5_000_000L, 2, true), (o.Students, o.Runs, o.Keep));
        Assert.EndsWith("s5000000", o.WorkDir, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--xlsx"]));
        Assert.Null(BenchOptions.Parse(["--help"]));
    }
}
