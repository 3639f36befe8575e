using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Bidui.Reports;

/// <summary>
/// Writes the HTML report: one self-contained file (styles, data and Apache ECharts inlined) that opens
/// offline, since government intranets have no internet. The tables carry every number, so the report
/// stays complete where scripts are blocked; the charts only add a picture.
/// </summary>
public static partial class HtmlReportWriter
{
    /// <summary>How many counties the stacked chart shows; the table below it lists all.</summary>
    internal const int TopCounties = 30;

    private const string EChartsResource = "Bidui.Reports.Assets.echarts.min.js";
    private const string EChartsVersionResource = "Bidui.Reports.Assets.echarts.VERSION";

    // Letters and CJK stay readable in the file; <, >, &, quotes and the like are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    // The JSON goes into a <script> element: this encoder escapes <, > and & as \u003C etc., so no
    // value can close the element.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly Lazy<string> ECharts = new(() => EscapeForScriptElement(ReadResource(EChartsResource)));
    private static readonly Lazy<string> EChartsVersion = new(() => ReadResource(EChartsVersionResource).Trim());

    private static readonly Dictionary<string, string> DatasetNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["students"] = "学籍",
        ["poverty"] = "乡村振兴（脱贫人口）",
        ["aid"] = "资助发放",
    };

    internal static string EChartsVersionText => EChartsVersion.Value;

    /// <summary>Apache ECharts, ready to inline into a &lt;script&gt; element.</summary>
    internal static string EChartsScript => ECharts.Value;

    public static void Write(string path, ReportModel model)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(model);

        // Move into place only when complete: a broken run must not leave a report that looks whole.
        var partial = path + ".partial";
        try
        {
            using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
            {
                writer.NewLine = "\n";
                WriteDocument(writer, model);
            }

            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(partial);
            }
            catch (IOException)
            {
            }

            throw;
        }
    }

    private static void WriteDocument(TextWriter w, ReportModel model)
    {
        var categories = model.Categories;
        var actionCategories = categories.Where(IsAction).ToList();
        var countyCodes = CountyColumns(model);
        var actionCodes = actionCategories.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var actionTotal = actionCategories.Sum(c => c.Count);

        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"zh-CN\">");
        w.WriteLine("<head>");
        w.WriteLine("<meta charset=\"utf-8\">");
        w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.WriteLine("<meta name=\"generator\" content=\"Bidui\">");
        w.WriteLine($"<title>{E(model.Title)}</title>");
        w.WriteLine("<style>");
        w.WriteLine(Css);
        w.WriteLine("</style>");
        w.WriteLine("</head>");
        w.WriteLine("<body>");

        // Header
        w.WriteLine("<header class=\"banner\"><div class=\"wrap\">");
        w.WriteLine($"<h1>{E(model.Title)}</h1>");
        w.WriteLine($"<p class=\"meta\"><span>基准日期：{E(FormatDate(model.ReferenceDate))}</span><span>生成时间：{FormatTime(model.GeneratedAt)}</span></p>");
        w.WriteLine("</div></header>");
        w.WriteLine("<main class=\"wrap\">");

        // Summary cards
        w.WriteLine("<section class=\"cards\">");
        foreach (var info in categories.Where(c => !IsAction(c)))
        {
            Card(w, info.ChineseName, N(info.Count), "条");
        }

        Card(w, "结果名单", N(categories.Count), "份");
        Card(w, "需处理记录合计", N(actionTotal), "条");
        Card(w, "涉及县（市、区）", N(model.Counties.Count(c => Total(c, actionCodes) > 0)), "个");
        w.WriteLine("</section>");
        w.WriteLine("<noscript><p class=\"warn\">浏览器未启用脚本，图表无法显示；下列表格包含全部数据。</p></noscript>");

        WriteInputs(w, model.Inputs);
        WriteCategories(w, categories);
        WriteCounties(w, model, countyCodes, actionCodes);
        if (model.Funds is { } funds)
            WriteFunds(w, funds);
        string[] numbers = ["四", "五", "六"];
        int next = model.Funds is null ? 0 : 1;
        if (model.Assessment is { } assessment)
            WriteAssessment(w, assessment, numbers[next++]);
        WriteNotes(w, model.Notes, numbers[next]);

        w.WriteLine("</main>");
        w.WriteLine("<footer class=\"wrap\">");
        w.WriteLine($"<p>本报告由 Bidui 比对系统生成，为单一文件，可离线打开。图表使用 Apache ECharts {E(EChartsVersionText)}（Apache License 2.0）。</p>");
        w.WriteLine("</footer>");

        // Data for the charts, as JSON; the tables above already hold the same numbers.
        w.Write("<script id=\"report-data\" type=\"application/json\">");
        w.Write(BuildChartJson(model, actionCategories, actionCodes));
        w.WriteLine("</script>");

        w.Write("<script>");
        w.Write(ECharts.Value);
        w.WriteLine("</script>");
        w.Write("<script>");
        w.Write(ChartScript);
        w.WriteLine("</script>");
        if (model.Funds is { } fundsData)
        {
            w.Write("<script id=\"funds-data\" type=\"application/json\">");
            w.Write(BuildFundsJson(fundsData));
            w.WriteLine("</script>");
            w.Write("<script>");
            w.Write(FundsChartScript);
            w.WriteLine("</script>");
        }
        w.WriteLine("</body>");
        w.WriteLine("</html>");
    }

    private static void WriteInputs(TextWriter w, IReadOnlyList<ReportInput> inputs)
    {
        w.WriteLine("<section id=\"inputs\">");
        w.WriteLine("<h2>一、数据读取情况</h2>");
        w.WriteLine("<p class=\"hint\">读取行数 = 空行 + 拒收行 + 载入行。拒收行（姓名与证件号码均为空的非空行）列于 rejects.csv。</p>");
        w.WriteLine("<div class=\"scroll\"><table>");
        w.WriteLine("<thead><tr><th>数据</th><th>文件</th><th>格式</th><th class=\"num\">读取行数</th><th class=\"num\">空行</th><th class=\"num\">拒收行</th><th class=\"num\">载入行</th><th>核对</th></tr></thead>");
        w.WriteLine("<tbody>");
        foreach (var input in inputs)
        {
            var difference = input.RowsRead - input.RowsBlank - input.RowsRejected - input.RowsLoaded;
            var check = difference == 0
                ? "<span class=\"ok\">✓ 相符</span>"
                : $"<span class=\"bad\">✗ 不符（相差 {E(N(difference))} 行）</span>";
            w.WriteLine(
                $"<tr><td>{E(DatasetName(input.Dataset))}</td><td class=\"file\">{E(input.File)}</td><td>{E(input.Format)}</td>" +
                $"<td class=\"num\">{E(N(input.RowsRead))}</td><td class=\"num\">{E(N(input.RowsBlank))}</td>" +
                $"<td class=\"num\">{E(N(input.RowsRejected))}</td><td class=\"num\">{E(N(input.RowsLoaded))}</td><td>{check}</td></tr>");
        }

        if (inputs.Count == 0)
        {
            w.WriteLine("<tr><td colspan=\"8\" class=\"empty\">无</td></tr>");
        }

        w.WriteLine("</tbody></table></div>");
        w.WriteLine("</section>");
    }

    private static void WriteCategories(TextWriter w, IReadOnlyList<ReportCategory> categories)
    {
        w.WriteLine("<section id=\"lists\">");
        w.WriteLine("<h2>二、比对结果名单</h2>");
        // The chart compares the lists somebody acts on; an informational list such as matched is
        // usually far larger and would squash every other bar.
        var charted = categories.Count(IsAction);
        if (charted > 0)
        {
            w.WriteLine($"<div id=\"chart-lists\" class=\"chart\" style=\"height:{ListChartHeight(charted).ToString(CultureInfo.InvariantCulture)}px\" role=\"img\" aria-label=\"各需处理名单记录数条形图\"></div>");
        }

        w.WriteLine("<div class=\"scroll\"><table>");
        w.WriteLine("<thead><tr><th>代码</th><th>名单</th><th>处理方</th><th class=\"num\">记录数</th><th>文件</th></tr></thead>");
        w.WriteLine("<tbody>");
        foreach (var c in categories)
        {
            var rowClass = IsAction(c) ? string.Empty : " class=\"info\"";
            w.WriteLine(
                $"<tr{rowClass}><td><code>{E(c.Code)}</code></td><td>{E(c.ChineseName)}</td><td>{E(c.WhoActs)}</td>" +
                $"<td class=\"num\">{E(N(c.Count))}</td><td class=\"file\">{E(c.Code + ".csv")}</td></tr>");
        }

        if (categories.Count == 0)
        {
            w.WriteLine("<tr><td colspan=\"5\" class=\"empty\">无</td></tr>");
        }

        w.WriteLine("</tbody></table></div>");
        if (categories.Any(c => !IsAction(c)))
        {
            w.WriteLine("<p class=\"hint\">灰底的名单仅作记录，不计入需处理记录合计，也不列入上图。</p>");
        }

        w.WriteLine("</section>");
    }

    private static void WriteCounties(TextWriter w, ReportModel model, IReadOnlyList<(string Code, string Name)> columns, HashSet<string> actionCodes)
    {
        w.WriteLine("<section id=\"counties\">");
        w.WriteLine("<h2>三、各县（市、区）需处理名单</h2>");
        var shown = Math.Min(TopCounties, model.Counties.Count(c => Total(c, actionCodes) > 0));
        if (shown > 0)
        {
            var caption = model.Counties.Count > shown
                ? $"需处理记录最多的 {N(shown)} 个县（市、区），按名单分色；全部县（市、区）见下表。"
                : "各县（市、区）需处理记录，按名单分色。";
            w.WriteLine($"<p class=\"hint\">{E(caption)}</p>");
            w.WriteLine($"<div id=\"chart-counties\" class=\"chart\" style=\"height:{CountyChartHeight(shown).ToString(CultureInfo.InvariantCulture)}px\" role=\"img\" aria-label=\"各县需处理名单堆叠条形图\"></div>");
        }

        w.WriteLine("<div class=\"scroll\"><table class=\"counties\">");
        w.Write("<thead><tr><th>县级代码</th><th>县（市、区）</th>");
        foreach (var (code, name) in columns)
        {
            w.Write($"<th class=\"num{(actionCodes.Contains(code) ? string.Empty : " muted")}\">{E(name)}</th>");
        }

        w.WriteLine("<th class=\"num\">需处理合计</th></tr></thead>");
        w.WriteLine("<tbody>");
        foreach (var county in model.Counties)
        {
            w.Write($"<tr><td><code>{E(county.CountyCode)}</code></td><td>{E(county.CountyName)}</td>");
            foreach (var (code, _) in columns)
            {
                var count = county.CountsByCategory.TryGetValue(code, out var value) ? value : 0;
                var cls = count == 0 ? "num zero" : actionCodes.Contains(code) ? "num" : "num muted";
                w.Write($"<td class=\"{cls}\">{E(N(count))}</td>");
            }

            w.WriteLine($"<td class=\"num total\">{E(N(Total(county, actionCodes)))}</td></tr>");
        }

        if (model.Counties.Count == 0)
        {
            w.WriteLine($"<tr><td colspan=\"{(columns.Count + 3).ToString(CultureInfo.InvariantCulture)}\" class=\"empty\">无</td></tr>");
        }

        w.WriteLine("</tbody></table></div>");
        w.WriteLine("</section>");
    }

    private static void WriteNotes(TextWriter w, IReadOnlyList<string> notes, string number)
    {
        w.WriteLine("<section id=\"notes\">");
        w.WriteLine($"<h2>{number}、说明</h2>");
        if (notes.Count == 0)
        {
            w.WriteLine("<p class=\"empty\">无</p>");
        }
        else
        {
            w.WriteLine("<ol class=\"notes\">");
            foreach (var note in notes)
            {
                w.WriteLine($"<li>{E(note)}</li>");
            }

            w.WriteLine("</ol>");
        }

        w.WriteLine("</section>");
    }

    private static void Card(TextWriter w, string label, string value, string? unit)
    {
        var unitHtml = unit is null ? string.Empty : $"<span class=\"unit\">{E(unit)}</span>";
        w.WriteLine($"<div class=\"card\"><div class=\"label\">{E(label)}</div><div class=\"value\">{E(value)}{unitHtml}</div></div>");
    }

    /// <summary>Columns of the county table: categories that occur in county rows, in the order of the list table.</summary>
    private static List<(string Code, string Name)> CountyColumns(ReportModel model)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var county in model.Counties)
        {
            present.UnionWith(county.CountsByCategory.Keys);
        }

        var columns = new List<(string, string)>();
        foreach (var c in model.Categories)
        {
            if (present.Remove(c.Code))
            {
                columns.Add((c.Code, c.ChineseName));
            }
        }

        // Codes without a category entry still get a column, under their code.
        columns.AddRange(present.Order(StringComparer.Ordinal).Select(code => (code, code)));
        return columns;
    }

    internal static string BuildChartJson(ReportModel model, IReadOnlyList<ReportCategory> actionCategories, HashSet<string> actionCodes)
    {
        var top = model.Counties
            .Select(c => (County: c, Total: Total(c, actionCodes)))
            .Where(x => x.Total > 0)
            .OrderByDescending(x => x.Total)
            .ThenBy(x => x.County.CountyCode, StringComparer.Ordinal)
            .Take(TopCounties)
            .Select(x => x.County)
            .ToList();

        // County names repeat across a province (城区, 城关…): add the code where a name is not unique.
        var nameCounts = top.GroupBy(CountyLabel, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var labels = top.Select(c => nameCounts[CountyLabel(c)] > 1 ? $"{CountyLabel(c)}（{c.CountyCode}）" : CountyLabel(c)).ToList();

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("lists");
            foreach (var c in model.Categories)
            {
                json.WriteStartObject();
                json.WriteString("code", c.Code);
                json.WriteString("name", c.ChineseName);
                json.WriteString("whoActs", c.WhoActs);
                json.WriteNumber("count", c.Count);
                json.WriteBoolean("action", IsAction(c));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("counties");
            json.WriteStartArray("labels");
            foreach (var label in labels)
            {
                json.WriteStringValue(label);
            }

            json.WriteEndArray();
            json.WriteStartArray("series");
            foreach (var c in actionCategories)
            {
                if (!top.Any(county => county.CountsByCategory.TryGetValue(c.Code, out var v) && v > 0))
                {
                    continue;
                }

                json.WriteStartObject();
                json.WriteString("code", c.Code);
                json.WriteString("name", c.ChineseName);
                json.WriteStartArray("data");
                foreach (var county in top)
                {
                    json.WriteNumberValue(county.CountsByCategory.TryGetValue(c.Code, out var v) ? v : 0);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string CountyLabel(ReportCountyRow county)
        => string.IsNullOrWhiteSpace(county.CountyName) ? county.CountyCode : county.CountyName;

    private static bool IsAction(ReportCategory category) => category.AsksForAction;

    private static long Total(ReportCountyRow county, HashSet<string> actionCodes)
    {
        long total = 0;
        foreach (var (code, count) in county.CountsByCategory)
        {
            if (actionCodes.Contains(code))
            {
                total += count;
            }
        }

        return total;
    }

    private static int ListChartHeight(int lists) => Math.Max(220, 60 + (lists * 34));

    private static int CountyChartHeight(int counties) => Math.Max(260, 110 + (counties * 28));

    private static string DatasetName(string dataset) => DatasetNames.TryGetValue(dataset, out var name) ? name : dataset;

    private static string FormatDate(DateOnly date)
        => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    // Digits, '-', ':', '+' and CJK only: safe in HTML as is ('+' would otherwise be encoded).
    private static string FormatTime(DateTimeOffset time)
        => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + $"（UTC{time.ToString("zzz", CultureInfo.InvariantCulture)}）";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string E(string? value) => value is null ? string.Empty : Html.Encode(value);

    /// <summary>
    /// Makes script text safe inside a &lt;script&gt; element: "&lt;/script" would end the element and
    /// "&lt;!--" can switch the HTML parser into a state where the real end tag is missed.
    /// Both rewrites mean the same inside JS strings, regular expressions and comments.
    /// </summary>
    internal static string EscapeForScriptElement(string script)
    {
        var escaped = ScriptEndTag().Replace(script, m => "<\\/" + m.Value[2..]);
        return escaped.Replace("<!--", "\\x3C!--", StringComparison.Ordinal);
    }

    [GeneratedRegex("</script", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptEndTag();

    private static string ReadResource(string name)
    {
        using var stream = typeof(HtmlReportWriter).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing; run tools/echarts/update.sh.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private const string Css = """
        :root { --blue: #1f4e79; --red: #b3261e; --line: #d6dde6; --muted: #5f6b7a; --bg: #f4f6f9; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: #1d2733; font: 14px/1.6 "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", SimSun, sans-serif; }
        .wrap { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
        .banner { background: var(--blue); color: #fff; border-bottom: 4px solid var(--red); }
        .banner h1 { margin: 0; padding: 22px 0 6px; font-size: 24px; font-weight: 600; letter-spacing: 1px; }
        .banner .meta { margin: 0; padding-bottom: 16px; color: #d7e3f0; }
        .banner .meta span + span { margin-left: 2em; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 16px; margin: 20px 0 8px; }
        .card { background: #fff; border: 1px solid var(--line); border-top: 3px solid var(--blue); padding: 12px 16px; }
        .card .label { color: var(--muted); font-size: 13px; }
        .card .value { font-size: 24px; font-weight: 600; color: var(--blue); }
        .card .unit { font-size: 14px; font-weight: 400; margin-left: 4px; color: var(--muted); }
        section { background: #fff; border: 1px solid var(--line); margin: 16px 0; padding: 4px 20px 16px; }
        h2 { font-size: 18px; color: var(--blue); border-left: 4px solid var(--red); padding-left: 10px; margin: 16px 0 12px; }
        .hint { color: var(--muted); margin: 6px 0 10px; }
        h3 { font-size: 15px; color: #1d2733; margin: 18px 0 8px; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid var(--line); padding: 6px 10px; text-align: left; vertical-align: top; }
        thead th { background: #e8eef5; color: #1d2733; font-weight: 600; white-space: nowrap; position: sticky; top: 0; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        tr.info td { background: #f0f1f3; color: var(--muted); }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .zero { color: #b0b8c2; }
        .muted { color: var(--muted); background: #f6f7f9; }
        .total { font-weight: 600; }
        .file { word-break: break-all; color: var(--muted); }
        code { font-family: Consolas, "Courier New", monospace; }
        .ok { color: #1e7b34; }
        .bad { color: var(--red); font-weight: 600; }
        .empty { color: var(--muted); text-align: center; }
        .warn { background: #fff4e5; border: 1px solid #f0c36d; padding: 8px 12px; }
        .chart { width: 100%; margin: 8px 0 16px; }
        .notes li { margin: 4px 0; white-space: pre-line; }
        footer { color: var(--muted); font-size: 12px; padding-bottom: 24px; }
        @page { size: A4 landscape; margin: 10mm; }
        @media print {
          body { background: #fff; font-size: 10pt; }
          .wrap { max-width: none; padding: 0; }
          .banner { background: #fff; color: #000; }
          .banner .meta { color: #333; }
          section { border: 0; padding: 0; margin: 8px 0; }
          .cards, .chart, tr, h2, h3 { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
          /* Nothing is scrolled away on paper: the county table wraps its headers and shrinks instead. */
          .scroll { overflow: visible; }
          table { font-size: 8pt; }
          th, td { padding: 2px 4px; }
          thead { display: table-header-group; }
          thead th { position: static; white-space: normal; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """;

    // Plain ES5 so that older browsers on office machines still run it.
    private const string ChartScript = """
        (function () {
          'use strict';
          if (typeof echarts === 'undefined') { return; }
          var data = JSON.parse(document.getElementById('report-data').textContent);
          var charts = [];
          var font = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
          // Tooltips are HTML: every value from the data is encoded before it goes in.
          var esc = echarts.format.encodeHTML;
          function num(v) { return Number(v).toLocaleString('zh-CN'); }
          var palette = ['#1f4e79', '#c0392b', '#e67e22', '#2e86c1', '#27ae60', '#8e44ad', '#d4ac0d', '#16a085', '#7f8c8d', '#a93226', '#5d6d7e', '#f1948a', '#48c9b0'];

          function make(id) {
            var el = document.getElementById(id);
            if (!el) { return null; }
            var chart = echarts.init(el, null, { renderer: 'svg' });
            charts.push(chart);
            return chart;
          }

          var actionLists = data.lists.filter(function (d) { return d.action; });
          var lists = make('chart-lists');
          if (lists) {
            lists.setOption({
              animation: false,
              textStyle: { fontFamily: font },
              grid: { left: 16, right: 72, top: 16, bottom: 16, containLabel: true },
              tooltip: { trigger: 'item', formatter: function (p) { var d = actionLists[p.dataIndex]; return esc(d.name) + '（' + esc(d.code) + '）<br>处理方：' + esc(d.whoActs) + '<br>记录数：' + num(d.count); } },
              xAxis: { type: 'value', splitLine: { lineStyle: { color: '#e5e9ef' } } },
              yAxis: { type: 'category', inverse: true, data: actionLists.map(function (d) { return d.name; }), axisTick: { show: false } },
              series: [{
                type: 'bar', barMaxWidth: 22,
                data: actionLists.map(function (d) { return d.count; }), itemStyle: { color: '#1f4e79' },
                label: { show: true, position: 'right', formatter: function (p) { return num(p.value); } }
              }]
            });
          }

          var counties = make('chart-counties');
          if (counties) {
            counties.setOption({
              animation: false,
              color: palette,
              textStyle: { fontFamily: font },
              legend: { type: 'scroll', top: 0, left: 'center' },
              grid: { left: 16, right: 32, top: 48, bottom: 16, containLabel: true },
              tooltip: {
                trigger: 'axis', axisPointer: { type: 'shadow' },
                formatter: function (items) {
                  var total = 0, lines = [];
                  items.forEach(function (p) {
                    if (!p.value) { return; }
                    total += p.value;
                    lines.push(p.marker + esc(p.seriesName) + '：' + num(p.value));
                  });
                  return '<b>' + esc(items.length ? items[0].name : '') + '</b>　合计 ' + num(total) + '<br>' + lines.join('<br>');
                }
              },
              xAxis: { type: 'value', splitLine: { lineStyle: { color: '#e5e9ef' } } },
              yAxis: { type: 'category', inverse: true, data: data.counties.labels, axisTick: { show: false } },
              series: data.counties.series.map(function (s) {
                return { name: s.name, type: 'bar', stack: 'total', barMaxWidth: 20, emphasis: { focus: 'series' }, data: s.data };
              })
            });
          }

          window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
          // The page is narrower on paper than on screen: redraw the charts for it, and back after.
          window.addEventListener('beforeprint', function () { charts.forEach(function (c) { c.resize(); }); });
          window.addEventListener('afterprint', function () { charts.forEach(function (c) { c.resize(); }); });
        })();
        """;
}
