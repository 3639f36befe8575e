using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Bidui.Assessment.Indicators;

namespace Bidui.Assessment.Scoring;

/// <summary>How one indicator is scored: weight, the values for full and for no marks, and the traffic-light thresholds.</summary>
public sealed record IndicatorRule(Indicator Indicator, double Weight, double Target, double Zero, double Green, double Amber)
{
    public IndicatorInfo Info => IndicatorInfo.Of(Indicator);

    /// <summary>0–100: full marks at or beyond the target, none at or beyond zero, a straight line between.</summary>
    public double Score(double value)
    {
        double t = (value - Zero) / (Target - Zero); // works for both directions: Target − Zero carries the sign
        return Math.Clamp(t, 0, 1) * 100;
    }

    public Rag RagOf(double value) =>
        AtLeastAsGood(value, Green) ? Rag.Green : AtLeastAsGood(value, Amber) ? Rag.Amber : Rag.Red;

    private bool AtLeastAsGood(double value, double threshold) => Info.HigherIsBetter ? value >= threshold : value <= threshold;
}

/// <summary>红黄绿灯.</summary>
public enum Rag
{
    /// <summary>No value (nothing to measure): neither scored nor lit.</summary>
    None,
    Green,
    Amber,
    Red,
}

/// <summary>
/// The province's scorecard (考核评分标准): a JSON file it edits (comments allowed), validated field by field.
/// Indicators the file leaves out are shown but not scored.
/// </summary>
public sealed record Scorecard(string Name, IReadOnlyList<IndicatorRule> Rules, double OverallGreen, double OverallAmber)
{
    public const string DefaultFileName = "default-scorecard.json";

    public IndicatorRule? RuleOf(Indicator indicator) => Rules.FirstOrDefault(r => r.Indicator == indicator);

    /// <summary>The documented default (src/Bidui.Assessment/Scoring/default-scorecard.json).</summary>
    public static Scorecard Default { get; } = Parse(DefaultText(), DefaultFileName);

    /// <summary>The text of the default file, so that a province can start from a copy.</summary>
    public static string DefaultText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Bidui.Assessment.default-scorecard.json")
            ?? throw new InvalidOperationException("The embedded default scorecard is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public Rag OverallRag(double total) => total >= OverallGreen ? Rag.Green : total >= OverallAmber ? Rag.Amber : Rag.Red;

    /// <summary>Reads and checks a scorecard; <see cref="ScorecardException"/> names the file and the field that is wrong.</summary>
    public static Scorecard Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ScorecardException(fileName, "",
                $"不是有效的 JSON（第 {(e.LineNumber ?? 0) + 1} 行附近）：请检查括号、引号和逗号");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new ScorecardException(fileName, "", "最外层应为 { … } 对象");
            string name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "考核评分标准";
            var overall = Required(root, "overall", JsonValueKind.Object, fileName, "");
            double green = Number(overall, "green", fileName, "overall"), amber = Number(overall, "amber", fileName, "overall");
            if (green is < 0 or > 100 || amber is < 0 or > 100)
                throw new ScorecardException(fileName, "overall", "green 和 amber 是总分（0–100）");
            if (amber > green)
                throw new ScorecardException(fileName, "overall.amber", $"黄灯分数线 {F(amber)} 高于绿灯分数线 {F(green)}");

            var indicators = Required(root, "indicators", JsonValueKind.Object, fileName, "");
            var rules = new List<IndicatorRule>();
            foreach (var p in indicators.EnumerateObject())
            {
                string path = "indicators." + p.Name;
                var info = IndicatorInfo.FromCode(p.Name)
                    ?? throw new ScorecardException(fileName, path,
                        $"没有这个指标。可用的指标：{string.Join("、", IndicatorInfo.All.Select(i => $"{i.Code}（{i.Name}）"))}");
                if (p.Value.ValueKind != JsonValueKind.Object)
                    throw new ScorecardException(fileName, path, "应为 { \"weight\": …, \"target\": …, \"zero\": …, \"green\": …, \"amber\": … }");
                rules.Add(Rule(info, p.Value, fileName, path));
            }
            if (rules.Count == 0 || rules.Sum(r => r.Weight) <= 0)
                throw new ScorecardException(fileName, "indicators", "至少要有一个权重大于 0 的指标");
            rules.Sort((a, b) => a.Indicator.CompareTo(b.Indicator));
            return new Scorecard(name, rules, green, amber);
        }
    }

    private static IndicatorRule Rule(IndicatorInfo info, JsonElement e, string file, string path)
    {
        foreach (var p in e.EnumerateObject())
        {
            if (p.Name is not ("weight" or "target" or "zero" or "green" or "amber"))
                throw new ScorecardException(file, $"{path}.{p.Name}", "没有这个字段：可用 weight、target、zero、green、amber");
        }
        double weight = Number(e, "weight", file, path), target = Number(e, "target", file, path), zero = Number(e, "zero", file, path);
        double green = Number(e, "green", file, path), amber = Number(e, "amber", file, path);
        if (weight < 0)
            throw new ScorecardException(file, path + ".weight", "权重不能为负数");
        double max = info.Unit == "%" ? 100 : double.MaxValue;
        foreach (var (field, v) in new[] { ("target", target), ("zero", zero), ("green", green), ("amber", amber) })
        {
            if (v < 0 || v > max)
                throw new ScorecardException(file, $"{path}.{field}", $"{info.Name}的取值范围是 0–{(max == 100 ? "100（百分数）" : "不限")}，现为 {F(v)}");
        }
        bool higher = info.HigherIsBetter;
        string better = higher ? "大于" : "小于";
        if (higher ? target <= zero : target >= zero)
            throw new ScorecardException(file, path + ".target", $"{info.Name}{(higher ? "越大越好" : "越小越好")}：满分值 target（{F(target)}）应{better}零分值 zero（{F(zero)}）");
        if (higher ? green < amber : green > amber)
            throw new ScorecardException(file, path + ".green", $"{info.Name}{(higher ? "越大越好" : "越小越好")}：绿灯值 green（{F(green)}）不应{(higher ? "小于" : "大于")}黄灯值 amber（{F(amber)}）");
        return new IndicatorRule(info.Indicator, weight, target, zero, green, amber);
    }

    private static JsonElement Required(JsonElement e, string name, JsonValueKind kind, string file, string path)
    {
        string full = path.Length == 0 ? name : $"{path}.{name}";
        if (!e.TryGetProperty(name, out var v))
            throw new ScorecardException(file, full, "缺少此项");
        if (v.ValueKind != kind)
            throw new ScorecardException(file, full, kind == JsonValueKind.Object ? "应为 { … } 对象" : "类型不对");
        return v;
    }

    private static double Number(JsonElement e, string name, string file, string path)
    {
        string full = $"{path}.{name}";
        if (!e.TryGetProperty(name, out var v))
            throw new ScorecardException(file, full, "缺少此项");
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double d) || !double.IsFinite(d))
            throw new ScorecardException(file, full, $"应为数字，现为 {v.GetRawText()}");
        return d;
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>A scorecard file that cannot be used: the message is Chinese and names the file and the field.</summary>
public sealed class ScorecardException(string file, string field, string problem)
    : Exception(field.Length == 0 ? $"考核评分标准文件“{file}”有误：{problem}。" : $"考核评分标准文件“{file}”中“{field}”有误：{problem}。")
{
    public string File { get; } = file;
    public string Field { get; } = field;
}
