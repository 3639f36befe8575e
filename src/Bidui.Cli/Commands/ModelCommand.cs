using System.ComponentModel;
using System.Globalization;
using Bidui.Matching.Probabilistic;
using Bidui.Pipeline;
using Bidui.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bidui.Cli.Commands;

/// <summary>
/// `bidui model`: estimates the linkage model from a pair of files and saves it (model.json, for
/// `compare --model`) with a report of m, u and the match weight of every comparison level.
/// </summary>
internal sealed class ModelCommand : Command<ModelCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--students <FILE>"), Description("学籍数据（CSV/xlsx/xls）")]
        public string? Students { get; init; }

        [CommandOption("--poverty <FILE>"), Description("脱贫人口及防返贫监测对象数据（CSV/xlsx/xls）")]
        public string? Poverty { get; init; }

        [CommandOption("--reference-date <DATE>"), Description("年龄计算基准日 yyyy-MM-dd")]
        public string? ReferenceDate { get; init; }

        [CommandOption("--sheet <NAME>"), Description("读取 xlsx/xls 的指定工作表（默认第一个）")]
        public string? Sheet { get; init; }

        [CommandOption("--out <DIR>"), Description("模型输出目录（写出 model.json 和 模型报告.html）")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string outDir = settings.Out ?? throw new UsageException("缺少 --out：请指定模型输出目录。");
        // The model is estimated by the comparison itself; its lists go to a scratch folder.
        string scratch = Path.Combine(Path.GetTempPath(), $"bidui-model-{Environment.ProcessId}");
        try
        {
            var request = new CompareRequest(
                CompareCommand.RequireFile(settings.Students, "--students"),
                CompareCommand.RequireFile(settings.Poverty, "--poverty"), null, scratch)
            {
                ReferenceDate = CompareCommand.ParseReferenceDate(settings.ReferenceDate),
                SheetName = settings.Sheet,
            };
            var outcome = SpectreProgress.Run(p => CompareJob.Run(request, p));
            var model = outcome.Model ?? throw new InvalidOperationException("The comparison ran without its probabilistic tier.");
            Directory.CreateDirectory(outDir);
            File.WriteAllText(Path.Combine(outDir, "model.json"), model.ToJson());
            ModelReportWriter.Write(Path.Combine(outDir, "模型报告.html"), ToReport(model));
            AnsiConsole.MarkupLineInterpolated($"模型已写入 {Path.GetFullPath(outDir)}（model.json、模型报告.html）");
            return ExitCodes.Done;
        }
        finally
        {
            if (Directory.Exists(scratch))
                Directory.Delete(scratch, recursive: true);
        }
    }

    internal static ModelReport ToReport(LinkageModel model)
    {
        var rows = new List<ModelLevelRow>();
        for (int c = 0; c < Comparison.Count; c++)
            for (int level = 1; level < Comparison.LevelCount(c); level++)
                rows.Add(new ModelLevelRow(Comparison.ComparisonNames[c], Comparison.LevelNames[c][level], model.M[c][level], model.U[c][level],
                    model.LevelWeight(c, level)));
        var p = model.Provenance;
        string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
        return new ModelReport(rows,
        [
            ("先验：任意两条记录为同一人的概率", model.Prior.ToString("0.000E+0", CultureInfo.InvariantCulture)),
            ("先验权重", model.PriorWeight.ToString("0.00", CultureInfo.InvariantCulture)),
            ("接受阈值（匹配概率）", model.AcceptAt.ToString("0.###", CultureInfo.InvariantCulture)),
            ("人工核对阈值（匹配概率）", model.ReviewAt.ToString("0.###", CultureInfo.InvariantCulture)),
            ("与次优候选须相差（权重）", model.RivalMargin.ToString("0.#", CultureInfo.InvariantCulture)),
            ("估计 u 的随机记录对", N(p.RandomPairs)),
            ("估计 m 的证件号码一致记录对", N(p.TrainingPairs)),
            ("概率匹配候选记录对（EM）", N(p.CandidatePairs)),
            ("EM 迭代次数", N(p.EmIterations)),
            ("姓名频率统计人数", N(p.NamePopulation)),
        ]);
    }
}
