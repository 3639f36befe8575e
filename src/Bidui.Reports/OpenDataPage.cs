using System.Net;
using System.Text;
using System.Text.Json;

namespace Bidui.Reports;

/// <summary>One table of the open-data page: a title, headers and rows of text (null: suppressed, shown as *).</summary>
public sealed record PageTable(string Title, string Note, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>A bar chart of the page: categories (regions) and series of numbers (null: suppressed, a gap).</summary>
public sealed record PageChart(string Title, IReadOnlyList<string> Categories, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> Series);

/// <summary>
/// The static page of the open-data package: self-contained (Apache ECharts inlined, no request leaves
/// the file), so it opens offline and can be put on any web server as it is.
/// </summary>
public static class OpenDataPage
{
    public static void Write(string path, string title, string subtitle, IReadOnlyList<string> notes, IReadOnlyList<PageChart> charts,
        IReadOnlyList<PageTable> tables)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(charts);
        ArgumentNullException.ThrowIfNull(tables);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(E(title)).Append("</title><style>").Append(Css).Append("</style></head><body>");
        html.Append("<header><h1>").Append(E(title)).Append("</h1><p>").Append(E(subtitle)).Append("</p></header><main>");
        html.Append("<section class=\"notes\"><ul>");
        foreach (var n in notes)
            html.Append("<li>").Append(E(n)).Append("</li>");
        html.Append("</ul></section>");
        for (int i = 0; i < charts.Count; i++)
            html.Append("<section><h2>").Append(E(charts[i].Title)).Append("</h2><div class=\"chart\" id=\"chart").Append(i).Append("\"></div></section>");
        foreach (var t in tables)
        {
            html.Append("<section><h2>").Append(E(t.Title)).Append("</h2><p class=\"note\">").Append(E(t.Note)).Append("</p><div class=\"scroll\"><table><thead><tr>");
            foreach (var h in t.Headers)
                html.Append("<th>").Append(E(h)).Append("</th>");
            html.Append("</tr></thead><tbody>");
            foreach (var row in t.Rows)
            {
                html.Append("<tr>");
                for (int c = 0; c < row.Count; c++)
                    html.Append(c == 0 ? "<th>" : "<td>").Append(row[c] is { } v ? E(v) : "<span class=\"hidden\" title=\"按统计披露控制规则隐藏\">*</span>").Append(c == 0 ? "</th>" : "</td>");
                html.Append("</tr>");
            }
            html.Append("</tbody></table></div></section>");
        }
        html.Append("</main><script>").Append(HtmlReportWriter.EscapeForScriptElement(EChartsAsset.Script())).Append("</script><script>");
        html.Append("var charts = ").Append(HtmlReportWriter.EscapeForScriptElement(JsonSerializer.Serialize(charts.Select(c => new
        {
            c.Categories,
            Series = c.Series.Select(s => new { s.Name, s.Values }),
        })))).Append(';');
        html.Append(Script).Append("</script></body></html>");
        File.WriteAllText(path, html.ToString(), new UTF8Encoding(false));
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private const string Script = """
        charts.forEach(function (c, i) {
          if (typeof echarts === 'undefined') { return; }
          var chart = echarts.init(document.getElementById('chart' + i), null, { renderer: 'svg' });
          chart.setOption({
            tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '*（已隐藏）' : v; } },
            legend: { top: 0 },
            grid: { left: 48, right: 16, top: 36, bottom: 64 },
            xAxis: { type: 'category', data: c.Categories, axisLabel: { interval: 0, rotate: c.Categories.length > 8 ? 40 : 0 } },
            yAxis: { type: 'value' },
            series: c.Series.map(function (s) { return { name: s.Name, type: 'bar', data: s.Values }; })
          });
          window.addEventListener('resize', function () { chart.resize(); });
        });
        """;

    private const string Css = """
        body { margin: 0; background: #f4f6f9; color: #1d2733; font: 14px/1.6 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", SimSun, sans-serif; }
        header { background: #1f4e79; color: #fff; border-bottom: 4px solid #b3261e; padding: 16px 24px; }
        header h1 { margin: 0; font-size: 22px; } header p { margin: 4px 0 0; opacity: .85; }
        main { max-width: 1200px; margin: 0 auto; padding: 8px 24px 40px; }
        section { background: #fff; border: 1px solid #d6dde6; border-radius: 4px; margin: 16px 0; padding: 12px 16px; }
        h2 { font-size: 16px; margin: 0 0 8px; color: #1f4e79; }
        .chart { height: 340px; } .note { color: #5f6b7a; margin: 0 0 8px; } .scroll { overflow-x: auto; }
        table { border-collapse: collapse; min-width: 100%; } th, td { border: 1px solid #d6dde6; padding: 4px 8px; white-space: nowrap; }
        td { text-align: right; font-variant-numeric: tabular-nums; } thead th { background: #eef2f7; }
        .hidden { color: #b3261e; cursor: help; }
        """;
}

/// <summary>Apache ECharts, embedded in this assembly (tools/echarts/update.sh).</summary>
internal static class EChartsAsset
{
    public static string Script()
    {
        using var stream = typeof(EChartsAsset).Assembly.GetManifestResourceStream("Bidui.Reports.Assets.echarts.min.js")
            ?? throw new InvalidOperationException("Embedded ECharts is missing; run tools/echarts/update.sh.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
