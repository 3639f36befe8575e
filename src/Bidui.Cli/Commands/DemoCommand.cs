using System.ComponentModel;
using Bidui.Core.Dates;
using Bidui.Pipeline;
using Bidui.Synthetic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bidui.Cli.Commands;

/// <summary>
/// Writes realistic synthetic inputs with their known truth, then runs compare on them: the
/// quickest way to see what Bidui does, and the data behind the end-to-end tests and benchmark.
/// </summary>
internal sealed class DemoCommand : Command<DemoCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--out <DIR>"), Description("输出目录：inputs/ 模拟数据（inputs/truth/ 为已知结果），results/ 比对结果")]
        public string? Out { get; init; }

        [CommandOption("--size <SCALE>"), Description("small | county | province（默认 small）")]
        public string Size { get; init; } = "small";

        [CommandOption("--seed <N>"), Description("随机种子（默认 1）")]
        public int Seed { get; init; } = 1;

        [CommandOption("--reference-date <DATE>"), Description("年龄计算基准日 yyyy-MM-dd")]
        public string? ReferenceDate { get; init; }

        [CommandOption("--exact-only"), Description("只做精确比对（已知结果 inputs/truth/ 即此模式的结果）")]
        public bool ExactOnly { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string outDir = settings.Out ?? throw new UsageException("缺少 --out：请指定输出目录。");
        var size = settings.Size.ToLowerInvariant() switch
        {
            "small" => DemoSize.Small,
            "county" => DemoSize.County,
            "province" => DemoSize.Province,
            _ => throw new UsageException($"--size 的值“{settings.Size}”无效：可选 small、county、province。"),
        };
        var today = DateOnly.FromDateTime(DateTime.Now);
        var referenceDate = CompareCommand.ParseReferenceDate(settings.ReferenceDate) ?? ReferenceDates.Default(today);

        var outcome = SpectreProgress.Run(progress =>
        {
            DemoFiles files;
            using (var step = progress.Start($"生成模拟数据（{settings.Size}，种子 {settings.Seed}）", 1000))
                files = DemoGenerator.Generate(Path.Combine(outDir, "inputs"), new DemoOptions(size, settings.Seed, referenceDate, today),
                    new Progress<double>(f => step.Report((long)(f * 1000))));
            var request = new CompareRequest(files.StudentsPath, files.PovertyPath, files.AidPath, Path.Combine(outDir, "results"))
            {
                ReferenceDate = referenceDate,
                Today = today,
                ExactOnly = settings.ExactOnly,
                CollectBeforeOutputs = true,
                Registers = [.. files.Registers.Select(r => new Bidui.Pipeline.Supervision.RegisterInput(r.Label, r.Path))],
                AidProjectsPath = files.AidProjectsPath,
                KeyCountiesPath = files.KeyCountiesPath,
            };
            return (Files: files, Result: CompareJob.Run(request, progress));
        });
        SummaryTable.Show(outcome.Result);
        AnsiConsole.MarkupLine($"模拟数据：[green]{Markup.Escape(Path.GetDirectoryName(outcome.Files.StudentsPath) ?? outDir)}[/]，已知结果：[green]{Markup.Escape(outcome.Files.TruthDirectory)}[/]");
        return ExitCodes.Done;
    }
}
