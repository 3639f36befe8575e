using Bidui.Matching.Categories;
using Bidui.Matching.Records;
using Bidui.Pipeline;
using Spectre.Console;

namespace Bidui.Cli;

/// <summary>The summary a user reads at the end of a run: what was read, what each list holds, where the files are.</summary>
internal static class SummaryTable
{
    public static void Show(CompareOutcome outcome)
    {
        string[] inputHeaders = ["数据", "文件", "格式", "读取", "空行", "拒收", "载入"];
        var inputRows = outcome.Inputs.Select(a => new[]
        {
            a.Name, Path.GetFileName(a.File), a.Format, N(a.RowsRead), N(a.RowsBlank), N(a.RowsRejected), N(a.RowsLoaded),
        }).ToList();
        string[] listHeaders = ["清单", "名称", "责任单位", "行数"];
        var listRows = outcome.Counts.OrderBy(kv => kv.Key).Select(kv => (Info: CategoryInfo.Of(kv.Key), Count: kv.Value))
            .Select(x => new[] { x.Info.Code, x.Info.ChineseName, x.Info.WhoActs, N(x.Count) }).ToList();
        string listTitle = $"比对结果（基准日 {outcome.ReferenceDate:yyyy-MM-dd}）";
        string times = string.Join("，", outcome.Steps.Select(s => $"{s.Step} {s.Elapsed.TotalSeconds:F1} 秒"));
        string where = $"结果已写入 {outcome.OutputDirectory}（用时 {outcome.Elapsed.TotalSeconds:F1} 秒）";

        if (!Terminal.Interactive)
        {
            // Plain lines for logs and pipes: one row a line, cells separated by two spaces.
            Console.Out.WriteLine("数据读取：" + string.Join("  ", inputHeaders));
            foreach (var row in inputRows)
                Console.Out.WriteLine("  " + string.Join("  ", row));
            Console.Out.WriteLine(listTitle + "：" + string.Join("  ", listHeaders));
            foreach (var row in listRows)
                Console.Out.WriteLine("  " + string.Join("  ", row));
            foreach (var note in outcome.Notes)
                Console.Out.WriteLine("注意：" + note);
            Console.Out.WriteLine("用时：" + times);
            foreach (var line in MemoryLines(outcome))
                Console.Out.WriteLine(line);
            Console.Out.WriteLine(where);
            return;
        }

        var inputs = new Table().Title("数据读取").AddColumns(inputHeaders);
        foreach (var row in inputRows)
            inputs.AddRow(row.Select(Markup.Escape).ToArray());
        AnsiConsole.Write(inputs);
        var lists = new Table().Title(Markup.Escape(listTitle)).AddColumns(listHeaders);
        foreach (var row in listRows)
            lists.AddRow(row.Select(Markup.Escape).ToArray());
        AnsiConsole.Write(lists);
        foreach (var note in outcome.Notes)
            AnsiConsole.MarkupLine($"[yellow]注意：[/]{Markup.Escape(note)}");
        AnsiConsole.MarkupLine("用时：" + Markup.Escape(times));
        foreach (var line in MemoryLines(outcome))
            AnsiConsole.MarkupLine(Markup.Escape(line));
        AnsiConsole.MarkupLine($"结果已写入 [green]{Markup.Escape(outcome.OutputDirectory)}[/]（用时 {outcome.Elapsed.TotalSeconds:F1} 秒）");
    }

    private static IEnumerable<string> MemoryLines(CompareOutcome outcome) =>
        Environment.GetEnvironmentVariable("BIDUI_DEBUG") == "1"
            ? outcome.Steps.Select(s => $"内存：{s.Step} 之后 托管堆 {s.ManagedBytes / 1048576.0:F0} MB，进程峰值 {s.PeakWorkingSetBytes / 1048576.0:F0} MB")
            : [];

    private static string N(long v) => v.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
