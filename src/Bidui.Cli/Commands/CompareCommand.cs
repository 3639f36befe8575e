using System.ComponentModel;
using System.Globalization;
using Bidui.Core.Dates;
using Bidui.Core.Schooling;
using Bidui.Pipeline;
using Spectre.Console.Cli;

namespace Bidui.Cli.Commands;

internal sealed class CompareCommand : Command<CompareCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--students <FILE>"), Description("学籍数据（CSV/xlsx/xls）")]
        public string? Students { get; init; }

        [CommandOption("--poverty <FILE>"), Description("脱贫人口及防返贫监测对象数据（CSV/xlsx/xls）")]
        public string? Poverty { get; init; }

        [CommandOption("--aid <FILE>"), Description("资助发放数据（可选）")]
        public string? Aid { get; init; }

        [CommandOption("--register <LABEL=FILE>"), Description("其他困难群体名单，如 低保=低保名单.xlsx（可多次给出：特困、残疾人、孤儿 …）")]
        public string[] Registers { get; init; } = [];

        [CommandOption("--aid-projects <FILE>"), Description("资助项目目录（资助项目、学段、对象、标准、周期；CSV/xlsx/xls）")]
        public string? AidProjects { get; init; }

        [CommandOption("--key-counties <FILE>"), Description("重点帮扶县名单（县级代码或县名一列；CSV/xlsx/xls）")]
        public string? KeyCounties { get; init; }

        [CommandOption("--scorecard <FILE>"), Description("考核评分标准（JSON，见 docs/ASSESSMENT.md；默认用内置示例）：汇总工作簿和报告中的考核指标得分、排名")]
        public string? Scorecard { get; init; }

        [CommandOption("--reference-date <DATE>"), Description("年龄计算基准日 yyyy-MM-dd（默认：本学年开始年份的8月31日）")]
        public string? ReferenceDate { get; init; }

        [CommandOption("--deadline <DATE>"), Description("核查反馈截止日期 yyyy-MM-dd（写入各工作簿的“说明”）")]
        public string? Deadline { get; init; }

        [CommandOption("--sheet <NAME>"), Description("读取 xlsx/xls 的指定工作表（默认第一个），用于没有单独指定工作表的每个工作簿")]
        public string? Sheet { get; init; }

        [CommandOption("--students-sheet <NAME>"), Description("学籍工作簿中要读取的工作表")]
        public string? StudentsSheet { get; init; }

        [CommandOption("--poverty-sheet <NAME>"), Description("乡村振兴工作簿中要读取的工作表")]
        public string? PovertySheet { get; init; }

        [CommandOption("--aid-sheet <NAME>"), Description("资助工作簿中要读取的工作表")]
        public string? AidSheet { get; init; }

        [CommandOption("--out <DIR>"), Description("结果输出目录")]
        public string? Out { get; init; }

        [CommandOption("--compulsory-age <MIN-MAX>"), Description("义务教育年龄段（周岁，默认 6-15）")]
        public string? CompulsoryAge { get; init; }

        [CommandOption("--aid-stages <LIST>"), Description("应予资助的学段，逗号分隔（默认 学前,小学,初中,高中,中职）")]
        public string? AidStages { get; init; }

        [CommandOption("--exact-only"), Description("只做证件号码精确比对，不做概率匹配（无 review 清单）")]
        public bool ExactOnly { get; init; }

        [CommandOption("--model <FILE>"), Description("使用 bidui model 保存的匹配模型（默认按本次数据估计）")]
        public string? Model { get; init; }

        [CommandOption("--memory-limit <SIZE>"), Description("内存上限，如 4GB；数据放不下时按证件号码分区写入临时文件逐区比对（需 --exact-only）")]
        public string? MemoryLimit { get; init; }

        [CommandOption("--partitions <N>"), Description("指定分区数（测试与性能测量用；一般用 --memory-limit 自动决定）")]
        public int? Partitions { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var request = new CompareRequest(
            RequireFile(settings.Students, "--students"),
            RequireFile(settings.Poverty, "--poverty"),
            settings.Aid is null ? null : RequireFile(settings.Aid, "--aid"),
            settings.Out ?? throw new UsageException("缺少 --out：请指定结果输出目录。"))
        {
            ReferenceDate = ParseReferenceDate(settings.ReferenceDate),
            Deadline = ParseDate(settings.Deadline, "--deadline"),
            Registers = Bidui.Pipeline.Supervision.RegisterArguments.Parse(settings.Registers),
            AidProjectsPath = settings.AidProjects is null ? null : RequireFile(settings.AidProjects, "--aid-projects"),
            KeyCountiesPath = settings.KeyCounties is null ? null : RequireFile(settings.KeyCounties, "--key-counties"),
            Scorecard = settings.Scorecard is null ? null
                : Bidui.Assessment.Scoring.Scorecard.Parse(File.ReadAllText(RequireFile(settings.Scorecard, "--scorecard")), settings.Scorecard),
            SheetName = settings.Sheet,
            StudentsSheet = settings.StudentsSheet,
            PovertySheet = settings.PovertySheet,
            AidSheet = settings.AidSheet,
            CompulsoryAge = ParseAgeBand(settings.CompulsoryAge),
            AidStages = ParseStages(settings.AidStages),
            ExactOnly = settings.ExactOnly,
            CollectBeforeOutputs = true,
            Model = settings.Model is null ? null : LoadModel(RequireFile(settings.Model, "--model")),
            MemoryLimitBytes = ParseMemoryLimit(settings.MemoryLimit),
            Partitions = settings.Partitions is int n && (n < 1 || n > 999)
                ? throw new UsageException($"--partitions 的值 {n} 无效：请给 1 到 999 之间的整数。") : settings.Partitions,
        };
        if (request.MemoryLimitBytes is long limit)
            LimitHeap(limit);
        var outcome = SpectreProgress.Run(p => CompareJob.Run(request, p));
        SummaryTable.Show(outcome);
        return ExitCodes.Done;
    }

    internal static long? ParseMemoryLimit(string? text)
    {
        if (text is null)
            return null;
        long? bytes = PartitionPlan.ParseSize(text);
        if (bytes is not long b || b < 512L << 20)
            throw new UsageException($"--memory-limit 的值“{text}”无效：请写成 4GB、512MB 这样的大小（至少 512MB：运行时本身还需约 100MB）。");
        return b;
    }

    /// <summary>
    /// Makes the limit the garbage collector's too, so that the run keeps to it (the partitions are
    /// sized for it) instead of letting the heap grow while memory is free. Native buffers and code
    /// take the rest; a limit the heap has already passed is left to the partitioning alone.
    /// </summary>
    private static void LimitHeap(long limit)
    {
        AppContext.SetData("GCHeapHardLimit", (ulong)(limit * 0.85));
        try
        {
            GC.RefreshMemoryLimit();
        }
        catch (InvalidOperationException)
        {
        }
    }

    internal static Bidui.Matching.Probabilistic.LinkageModel LoadModel(string path)
    {
        try
        {
            return Bidui.Matching.Probabilistic.LinkageModel.FromJson(File.ReadAllText(path));
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"{path}（--model）：{e.Message}");
        }
    }

    internal static string RequireFile(string? path, string option)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new UsageException($"缺少 {option}：请指定输入文件。");
        if (Directory.Exists(path))
            throw new UsageException($"{option} 指定的“{path}”是一个文件夹，不是文件：请指定要读取的数据文件（CSV、xlsx 或 xls）。");
        if (!File.Exists(path))
            throw new UsageException($"找不到文件“{path}”（{option}）：请检查路径和文件名。");
        return path;
    }

    internal static AgeBand? ParseAgeBand(string? text)
    {
        if (text is null)
            return null;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out int min)
            && int.TryParse(parts[1], CultureInfo.InvariantCulture, out int max) && min >= 0 && min <= max && max < 30)
            return new AgeBand(min, max);
        throw new UsageException($"--compulsory-age 的值“{text}”无效：请写成“最小-最大”周岁，例如 6-15。");
    }

    internal static IReadOnlySet<SchoolStage>? ParseStages(string? text)
    {
        if (text is null)
            return null;
        var stages = new HashSet<SchoolStage>();
        foreach (var part in text.Split([',', '，', '、'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var stage = SchoolStages.FromStageCell(part);
            if (!stage.IsRegistryStage())
                throw new UsageException($"--aid-stages 中的“{part}”不是学段：可选 学前、小学、初中、高中、中职。");
            stages.Add(stage);
        }
        if (stages.Count == 0)
            throw new UsageException("--aid-stages 至少要列出一个学段，例如 小学,初中。");
        return stages;
    }

    /// <summary>
    /// A reference date a comparison can mean: from 1990 (before any register of this kind) to two years
    /// ahead of today (planning the next school year). 1800-01-01 is a typing slip, not a question.
    /// </summary>
    internal static DateOnly? ParseReferenceDate(string? text, DateOnly? today = null)
    {
        var date = ParseDate(text);
        var now = today ?? DateOnly.FromDateTime(DateTime.Now);
        var earliest = new DateOnly(1990, 1, 1);
        var latest = now.AddYears(2);
        if (date is DateOnly d && (d < earliest || d > latest))
            throw new UsageException($"--reference-date 的值 {d:yyyy-MM-dd} 不合理：基准日应在 {earliest:yyyy-MM-dd} 到 {latest:yyyy-MM-dd} 之间，通常是本学年开始那年的 8 月 31 日，例如 {Bidui.Core.Dates.ReferenceDates.Default(now):yyyy-MM-dd}。");
        return date;
    }

    internal static DateOnly? ParseDate(string? text, string option = "--reference-date")
    {
        if (text is null)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        throw new UsageException($"{option} 的值“{text}”不是 yyyy-MM-dd 格式的日期，例如 2026-08-31。");
    }
}
