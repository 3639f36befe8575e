using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Bidui.Cli.Tests;

/// <summary>Issue 13: files that used to lose rows silently or produce something dangerous to open.</summary>
public class HostileInputTests
{
    private static readonly string[] Ids = [.. Enumerable.Range(1, 9).Select(i => Core.Identity.ResidentId.Format(43012120150301000 + i))];

    private static string[] Args(TempDir dir) =>
        ["compare", "--students", dir.File("s.csv"), "--poverty", dir.File("p.csv"), "--reference-date", "2026-08-31", "--out", dir.File("out")];

    private static void WritePoverty(TempDir dir) =>
        File.WriteAllText(dir.File("p.csv"), "姓名,证件号码,县级代码\n" + string.Concat(Ids.Select((id, i) => $"童{i},{id},430121\n")), new UTF8Encoding(true));

    private static JsonElement Summary(TempDir dir) => JsonDocument.Parse(File.ReadAllText(dir.File("out/summary.json"))).RootElement;

    [Fact]
    public void A_registry_whose_lines_end_in_crlf_lf_and_cr_mixed_loses_no_child_to_the_dropout_list()
    {
        using var dir = new TempDir();
        WritePoverty(dir);
        string[] ends = ["\r\n", "\n", "\r"];
        File.WriteAllText(dir.File("s.csv"), "姓名,身份证件号,学校所在地代码,学段\r\n" + string.Concat(Ids.Select((id, i) => $"童{i},{id},430121,小学{ends[i % 3]}")),
            new UTF8Encoding(true));
        var run = CliRunner.Invoke(Args(dir));
        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        var summary = Summary(dir);
        Assert.Equal(9, summary.GetProperty("inputs").GetProperty("students").GetProperty("rows_loaded").GetInt32());
        Assert.Equal(9, summary.GetProperty("categories").GetProperty("matched").GetInt32());
        Assert.Equal(0, summary.GetProperty("categories").GetProperty("dropout_suspect").GetInt32());
    }

    [Fact]
    public void A_registry_with_only_a_header_is_status_2_not_every_child_a_dropout()
    {
        using var dir = new TempDir();
        WritePoverty(dir);
        File.WriteAllText(dir.File("s.csv"), "姓名,身份证件号,学校所在地代码,学段\r\n\r\n", new UTF8Encoding(true));
        var run = CliRunner.Invoke(Args(dir));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("s.csv", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("没有可用的学籍数据行", run.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out/summary.json")));
    }

    [Fact]
    public void Names_that_are_formulas_stay_text_in_the_csv_lists_and_the_workbooks()
    {
        using var dir = new TempDir();
        string[] names = ["=HYPERLINK(\"http://example.com\",\"点我\")", "=1+1", "@SUM(1)", "\t=1+2", "+1-2", "-3+3", "=CMD|' /C calc'!A0", "=2+2", "=3+3"];
        File.WriteAllText(dir.File("p.csv"), "姓名,证件号码,县级代码\n" + string.Concat(Ids.Select((id, i) => $"\"{names[i].Replace("\"", "\"\"", StringComparison.Ordinal)}\",{id},430121\n")),
            new UTF8Encoding(true));
        File.WriteAllText(dir.File("s.csv"), $"姓名,身份证件号,学校所在地代码,学段\n童,{Ids[0]},430121,小学\n", new UTF8Encoding(true));
        var run = CliRunner.Invoke(Args(dir));
        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);

        string dropouts = File.ReadAllText(dir.File("out/dropout_suspect.csv"));
        // The engine trims names, so "\t=1+2" is listed as "=1+2": marked like the rest.
        foreach (var name in names.Skip(1).Select(n => n.Trim()))
        {
            string cell = name.Contains('"', StringComparison.Ordinal) || name.Contains(',', StringComparison.Ordinal) ? $"\"'{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : "'" + name;
            Assert.Contains("," + cell + ",", dropouts, StringComparison.Ordinal);
        }
        Assert.Contains(",'=HYPERLINK(", File.ReadAllText(dir.File("out/matched.csv")).Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // Workbooks keep every value as a text cell: no formula element anywhere.
        foreach (var book in Directory.EnumerateFiles(dir.File("out"), "*.xlsx", SearchOption.AllDirectories))
        {
            using var zip = ZipFile.OpenRead(book);
            foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(sheet.Open());
                Assert.DoesNotContain("<f>", reader.ReadToEnd(), StringComparison.Ordinal);
            }
        }
    }
}
