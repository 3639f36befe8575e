using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bidui.Matching.Probabilistic;

/// <summary>
/// The model file (`bidui model` writes it, `compare --model` reads it), shaped like Splink's settings:
/// named comparisons, each with its named levels in order, each level with its label, m, u and the
/// match weight it gives. Parameters are found by name, never by position; a file that lacks a level
/// the comparisons have, or names one they do not, is refused with the name (it was made by another
/// version). The weights and the prior's weight are written for the reader and ignored when read:
/// they follow from m, u and the prior.
/// </summary>
/// <remarks>
/// Files of the first format (arrays "M" and "U" indexed by position) are refused with a message to
/// run `bidui model` again: their levels cannot be mapped onto the comparisons of this version.
/// </remarks>
internal static class LinkageModelFile
{
    public const string Format = "bidui-linkage-model";
    public const int Version = 2;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record FileModel
    {
        public string? Format { get; init; }
        public int FormatVersion { get; init; }
        public double ProbabilityTwoRandomRecordsMatch { get; init; }
        public double? PriorMatchWeight { get; init; }
        public double AcceptAtProbability { get; init; } = LinkageModel.DefaultAcceptAt;
        public double ReviewAtProbability { get; init; } = LinkageModel.DefaultReviewAt;
        public double RivalMarginBits { get; init; } = LinkageModel.DefaultRivalMargin;
        public List<FileComparison>? Comparisons { get; init; }
        public ModelProvenance? Training { get; init; }
        // The first format's position-indexed arrays: only to recognise such a file.
        [JsonPropertyName("M")]
        public JsonElement? OldM { get; init; }
    }

    private sealed record FileComparison
    {
        public string? OutputColumnName { get; init; }
        public string? ComparisonDescription { get; init; }
        public string? TfAdjustmentColumn { get; init; }
        public List<FileLevel>? ComparisonLevels { get; init; }
    }

    private sealed record FileLevel
    {
        public string? Name { get; init; }
        public string? LabelForCharts { get; init; }
        public bool IsNullLevel { get; init; }
        public double? MProbability { get; init; }
        public double? UProbability { get; init; }
        public double? MatchWeight { get; init; }
    }

    public static string Write(LinkageModel model)
    {
        var comparisons = new List<FileComparison>();
        for (int c = 0; c < Comparison.Count; c++)
        {
            var d = Comparison.Definitions[c];
            comparisons.Add(new FileComparison
            {
                OutputColumnName = d.Name,
                ComparisonDescription = d.Label,
                TfAdjustmentColumn = d.TermFrequency ? d.Name : null,
                ComparisonLevels = [.. d.Levels.Select((l, level) => level == Comparison.Missing
                    ? new FileLevel { Name = l.Name, LabelForCharts = l.Label, IsNullLevel = true }
                    : new FileLevel
                    {
                        Name = l.Name, LabelForCharts = l.Label, MProbability = model.M[c][level], UProbability = model.U[c][level],
                        MatchWeight = Math.Round(model.LevelWeight(c, level), 3),
                    })],
            });
        }
        return JsonSerializer.Serialize(new FileModel
        {
            Format = Format,
            FormatVersion = Version,
            ProbabilityTwoRandomRecordsMatch = model.Prior,
            PriorMatchWeight = Math.Round(model.PriorWeight, 3),
            AcceptAtProbability = model.AcceptAt,
            ReviewAtProbability = model.ReviewAt,
            RivalMarginBits = model.RivalMargin,
            Comparisons = comparisons,
            Training = model.Provenance,
        }, Json);
    }

    public static LinkageModel Read(string json)
    {
        FileModel? file;
        try
        {
            file = JsonSerializer.Deserialize<FileModel>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"模型文件不是有效的 JSON：{e.Message}", e);
        }
        if (file is null)
            throw new InvalidDataException("模型文件为空");
        if (file.OldM is not null)
            throw new InvalidDataException("模型文件是旧版格式（参数按位置排列），本版本的比较项已改变，无法沿用：请用 bidui model 重新生成模型");
        if (file.Format != Format || file.FormatVersion != Version)
            throw new InvalidDataException($"不是本版本的模型文件（应有 \"format\": \"{Format}\", \"format_version\": {Version}）：请用 bidui model 重新生成模型");

        var byName = new Dictionary<string, FileComparison>(StringComparer.Ordinal);
        foreach (var fc in file.Comparisons ?? [])
        {
            if (fc.OutputColumnName is not { } name || Comparison.Definitions.All(d => d.Name != name))
                throw new InvalidDataException($"模型文件中的比较项“{fc.OutputColumnName}”不属于本版本：请用 bidui model 重新生成模型");
            if (!byName.TryAdd(name, fc))
                throw new InvalidDataException($"模型文件中的比较项“{name}”出现了两次");
        }
        var m = new double[Comparison.Count][];
        var u = new double[Comparison.Count][];
        for (int c = 0; c < Comparison.Count; c++)
        {
            var d = Comparison.Definitions[c];
            if (!byName.TryGetValue(d.Name, out var fc))
                throw new InvalidDataException($"模型文件缺少比较项“{d.Name}”（{d.Label}）：请用 bidui model 重新生成模型");
            m[c] = new double[d.Levels.Count];
            u[c] = new double[d.Levels.Count];
            m[c][Comparison.Missing] = u[c][Comparison.Missing] = 1;
            var levels = new Dictionary<string, FileLevel>(StringComparer.Ordinal);
            foreach (var fl in fc.ComparisonLevels ?? [])
            {
                if (fl.Name is not { } levelName || d.Levels.All(l => l.Name != levelName))
                    throw new InvalidDataException($"模型文件中比较项“{d.Name}”的层级“{fl.Name}”不属于本版本：请用 bidui model 重新生成模型");
                if (!levels.TryAdd(levelName, fl))
                    throw new InvalidDataException($"模型文件中比较项“{d.Name}”的层级“{levelName}”出现了两次");
            }
            for (int level = 1; level < d.Levels.Count; level++)
            {
                var def = d.Levels[level];
                if (!levels.TryGetValue(def.Name, out var fl))
                    throw new InvalidDataException($"模型文件缺少比较项“{d.Name}”的层级“{def.Name}”（{def.Label}）：请用 bidui model 重新生成模型");
                if (fl.MProbability is not (> 0 and <= 1) || fl.UProbability is not (> 0 and <= 1))
                    throw new InvalidDataException($"模型文件中“{d.Name}”的层级“{def.Name}”的 m_probability 和 u_probability 应在 0 与 1 之间（不含 0）");
                m[c][level] = fl.MProbability.Value;
                u[c][level] = fl.UProbability.Value;
            }
        }
        if (file.ProbabilityTwoRandomRecordsMatch is <= 0 or >= 1)
            throw new InvalidDataException("模型文件的先验概率（probability_two_random_records_match）应在 0 与 1 之间");
        if (file.AcceptAtProbability is <= 0 or > 1 || file.ReviewAtProbability is <= 0 or > 1 || file.ReviewAtProbability > file.AcceptAtProbability)
            throw new InvalidDataException("模型文件的阈值应满足 0 < review_at_probability ≤ accept_at_probability ≤ 1");
        return new LinkageModel
        {
            M = m,
            U = u,
            Prior = file.ProbabilityTwoRandomRecordsMatch,
            AcceptAt = file.AcceptAtProbability,
            ReviewAt = file.ReviewAtProbability,
            RivalMargin = file.RivalMarginBits,
            Provenance = file.Training ?? new ModelProvenance(),
        };
    }
}
