using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Bidui.Reports;

/// <summary>One level of one comparison of a linkage model, as the model report shows it.</summary>
public sealed record ModelLevelRow(string Comparison, string Level, double M, double U, double Weight);

/// <summary>What the model report says: the parameters and where they came from.</summary>
public sealed record ModelReport(IReadOnlyList<ModelLevelRow> Levels, IReadOnlyList<(string Name, string Value)> Facts);

/// <summary>
/// The model report of `bidui model` (issue 3): m and u of every comparison level and a chart of the
/// match weights, self-contained like the comparison report (ECharts inlined, no network).
/// </summary>
public static class ModelReportWriter
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static void Write(string path, ModelReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>匹配模型报告</title><style>")
          .Append("body{font:14px/1.6 \"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;margin:24px;color:#1d2733}")
          .Append("table{border-collapse:collapse;margin:12px 0}td,th{border:1px solid #d6dde6;padding:4px 10px}")
          .Append("td.n{text-align:right;font-variant-numeric:tabular-nums}h1{color:#1f4e79}</style></head><body>")
          .Append("<h1>匹配模型报告（Fellegi–Sunter）</h1><p>每个比较项各层级的 m（同一人时出现该层级的概率）与 u（不同人时出现该层级的概率），")
          .Append("匹配权重 = log<sub>2</sub>(m/u)；缺失值权重为 0。姓名完全一致时按该姓名的出现频率调整（常见姓名权重更低）。</p><table>");
        foreach (var (name, value) in report.Facts)
            sb.Append("<tr><th>").Append(Html.Encode(name)).Append("</th><td>").Append(Html.Encode(value)).Append("</td></tr>");
        sb.Append("</table><div id=\"chart\" style=\"height:520px;max-width:1000px\"></div><table><tr><th>比较项</th><th>层级</th><th>m</th><th>u</th><th>匹配权重</th></tr>");
        foreach (var row in report.Levels)
        {
            sb.Append("<tr><td>").Append(Html.Encode(row.Comparison)).Append("</td><td>").Append(Html.Encode(row.Level))
              .Append("</td><td class=\"n\">").Append(Number(row.M)).Append("</td><td class=\"n\">").Append(Number(row.U))
              .Append("</td><td class=\"n\">").Append(row.Weight.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)).Append("</td></tr>");
        }
        sb.Append("</table><script>").Append(HtmlReportWriter.EChartsScript).Append("</script><script>");
        var json = JsonSerializer.Serialize(new
        {
            labels = report.Levels.Select(l => l.Level).ToArray(),
            weights = report.Levels.Select(l => Math.Round(l.Weight, 2)).ToArray(),
        }, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
        sb.Append("var d=").Append(json).Append(';').Append(ChartScript).Append("</script></body></html>\n");
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    private const string ChartScript = """
        var c = echarts.init(document.getElementById('chart'), null, { renderer: 'svg' });
        c.setOption({ animation: false, title: { text: '各层级匹配权重（log2 m/u）' }, grid: { left: 220 }, tooltip: {},
          xAxis: { type: 'value' }, yAxis: { type: 'category', data: d.labels, inverse: true },
          series: [{ type: 'bar', data: d.weights.map(function (w) { return { value: w, itemStyle: { color: w >= 0 ? '#1f4e79' : '#b3261e' } }; }) }] });
        """;

    private static string Number(double v) => v.ToString(v is > 0 and < 0.001 ? "0.00E+0" : "0.0000", CultureInfo.InvariantCulture);
}
