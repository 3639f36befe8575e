using System.Text;
using Bidui.Matching.Categories;
using Bidui.Synthetic;
using ExcelDataReader;

namespace Bidui.Pipeline.Tests;

/// <summary>
/// Issue 13: the workbooks say what to do. A county workbook opens on 说明 (reference date, deadline, each
/// list, who acts, how to record), the lists that ask for action follow, 比对成功 comes last, and every
/// action list ends with 核查结果 and 备注; every list is also a workbook of its own.
/// </summary>
public sealed class WorkbookLayoutTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bidui-workbooks-").FullName;
    private static readonly DateOnly Reference = new(2026, 8, 31);
    private static readonly DateOnly Today = new(2026, 11, 29);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static List<(string Name, List<string?[]> Rows)> Read(string path)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var sheets = new List<(string, List<string?[]>)>();
        do
        {
            var rows = new List<string?[]>();
            while (reader.Read())
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())]);
            sheets.Add((reader.Name, rows));
        }
        while (reader.NextResult());
        return sheets;
    }

    [Fact]
    public void County_workbooks_open_on_a_guide_put_action_lists_first_and_matched_last()
    {
        var files = DemoGenerator.Generate(Path.Combine(_dir, "inputs"), new DemoOptions(DemoSize.Small, 3, Reference, Today));
        var outcome = CompareJob.Run(new CompareRequest(files.StudentsPath, files.PovertyPath, files.AidPath, Path.Combine(_dir, "out"))
        {
            ReferenceDate = Reference, Today = Today, ExactOnly = true, Deadline = new DateOnly(2026, 10, 15),
        });

        string shaodong = Directory.GetFiles(Path.Combine(outcome.OutputDirectory, ResultFiles.CountyFolder), "430582_*.xlsx").Single();
        var sheets = Read(shaodong);
        Assert.Equal("说明", sheets[0].Name);
        Assert.Equal(CategoryInfo.Of(Category.Matched).ChineseName, sheets[^1].Name);
        var listSheets = sheets.Select(s => s.Name).Where(n => CategoryInfo.All.Any(i => i.ChineseName == n)).ToList();
        Assert.Equal(CategoryInfo.All.Where(i => listSheets.Contains(i.ChineseName) && i.Category != Category.Matched).Select(i => i.ChineseName)
            .Append(CategoryInfo.Of(Category.Matched).ChineseName), listSheets);

        string guide = string.Join("\n", sheets[0].Rows.Select(r => string.Join(" ", r)));
        Assert.Contains("2026年8月31日", guide, StringComparison.Ordinal);
        Assert.Contains("2026年10月15日", guide, StringComparison.Ordinal);
        Assert.Contains("湖南省 邵阳市 邵东市（430582）", guide, StringComparison.Ordinal);
        Assert.Contains("核查结果", guide, StringComparison.Ordinal);
        foreach (var name in listSheets.SkipLast(1))
        {
            var info = CategoryInfo.All.Single(i => i.ChineseName == name);
            Assert.Contains($"{name}（", guide, StringComparison.Ordinal);
            Assert.Contains(info.WhoActs, guide, StringComparison.Ordinal);
            var header = sheets.Single(s => s.Name == name).Rows[0];
            Assert.Equal(["核查结果", "备注"], header[^2..].Select(h => h ?? ""));
        }
        Assert.DoesNotContain("核查结果", sheets[^1].Rows[0]);

        // Every list is a workbook too: a guide, then the list with the same rows as its CSV.
        foreach (var (category, count) in outcome.Counts)
        {
            var book = Read(Path.Combine(outcome.OutputDirectory, ResultFiles.ListXlsx(category)));
            Assert.Equal(["说明", CategoryInfo.Of(category).ChineseName], book.Select(s => s.Name));
            Assert.Equal(count, book[1].Rows.Count - 1);
        }
    }

    [Fact]
    public void Every_list_s_results_fit_an_excel_drop_down()
    {
        foreach (var info in CategoryInfo.All)
        {
            var choices = VerificationResults.For(info.Category);
            Assert.Equal(VerificationResults.Other, choices[^1]);
            Assert.True(string.Join(',', choices).Length <= 255, info.Code);
            Assert.All(choices, c => Assert.DoesNotContain(',', c));
        }
    }
}
