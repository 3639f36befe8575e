using System.ComponentModel;
using System.Globalization;
using Bidui.Pipeline.Publish;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bidui.Cli.Commands;

/// <summary>
/// `bidui publish --results DIR --out DIR`: the open-data package of a comparison (counts and rates per county,
/// prefecture and province, with statistical disclosure control; docs/PUBLISH.md).
/// </summary>
internal sealed class PublishCommand : Command<PublishCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--results <DIR>"), Description("bidui compare 的输出目录（含 summary.json）")]
        public string? Results { get; init; }

        [CommandOption("--out <DIR>"), Description("公开数据包的输出目录")]
        public string? Out { get; init; }

        [CommandOption("--min-count <N>"), Description("最小计数阈值：不足 N 人的数字隐藏（默认 10）")]
        public int K { get; init; } = 10;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string results = settings.Results ?? throw new UsageException("缺少 --results：请指定 bidui compare 的输出目录。");
        string outDir = settings.Out ?? throw new UsageException("缺少 --out：请指定公开数据包的输出目录。");
        if (settings.K < 2)
            throw new UsageException($"--min-count 的值 {settings.K} 无效：最小计数阈值至少为 2（默认 10）。");
        var o = PublishJob.Run(results, outDir, settings.K);
        var table = new Table().Title($"公开数据包（最小计数阈值 k = {settings.K}）").AddColumn("项目").AddColumn(new TableColumn("数量").RightAligned());
        table.AddRow("数字单元格", o.Cells.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("公开", o.Published.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("隐藏：不足 k（原始隐藏）", o.Primary.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("隐藏：防推算（补充隐藏）", o.Secondary.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("比率：公开 / 隐藏", $"{o.RatesPublished:N0} / {o.RatesSuppressed:N0}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"已写入 [green]{Markup.Escape(o.Folder)}[/]（{PublishJob.Page}、{PublishJob.CountyCsv}、{PublishJob.PrefectureCsv}、{PublishJob.ProvinceCsv}、{PublishJob.Json}）");
        return ExitCodes.Done;
    }
}
