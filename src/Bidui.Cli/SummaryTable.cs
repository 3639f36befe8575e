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
        var inputs = new Table().Title("数据读取").AddColumns("数据", "文件", "格式", "读取", "空行", "拒收", "载入");
        foreach (var a in outcome.Inputs)
            inputs.AddRow(Markup.Escape(a.Name), Markup.Escape(Path.GetFileName(a.File)), Markup.Escape(a.Format),
                N(a.RowsRead), N(a.RowsBlank), N(a.RowsRejected), N(a.RowsLoaded));
        AnsiConsole.Write(inputs);

        var lists = new Table().Title($"比对结果（基准日 {outcome.ReferenceDate:yyyy-MM-dd}）").AddColumns("清单", "名称", "责任单位", "行数");
        foreach (var (category, count) in outcome.Counts.OrderBy(kv => kv.Key))
        {
            var info = CategoryInfo.Of(category);
            lists.AddRow(info.Code, info.ChineseName, info.WhoActs, N(count));
        }
        AnsiConsole.Write(lists);
        foreach (var note in outcome.Notes)
            AnsiConsole.MarkupLine($"[yellow]注意：[/]{Markup.Escape(note)}");
        AnsiConsole.MarkupLine("用时：" + string.Join("，", outcome.Steps.Select(s => $"{Markup.Escape(s.Step)} {s.Elapsed.TotalSeconds:F1} 秒")));
        if (Environment.GetEnvironmentVariable("BIDUI_DEBUG") == "1")
            foreach (var s in outcome.Steps)
                AnsiConsole.MarkupLine($"内存：{Markup.Escape(s.Step)} 之后 托管堆 {s.ManagedBytes / 1048576.0:F0} MB，进程峰值 {s.PeakWorkingSetBytes / 1048576.0:F0} MB");
        AnsiConsole.MarkupLine($"结果已写入 [green]{Markup.Escape(outcome.OutputDirectory)}[/]（用时 {outcome.Elapsed.TotalSeconds:F1} 秒）");
    }

    private static string N(long v) => v.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
