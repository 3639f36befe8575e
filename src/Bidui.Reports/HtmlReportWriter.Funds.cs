using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bidui.Reports;

// The funds section (SPEC §4.6): money paid and at risk, by list, by responsible county and by project,
// and the key counties against the rest. Tables hold every figure; the charts only add a picture.
public static partial class HtmlReportWriter
{
    private static string Y(decimal v) => v.ToString("N2", CultureInfo.InvariantCulture);

    private static void WriteFunds(TextWriter w, ReportFunds funds)
    {
        w.WriteLine("<section id=\"funds\">");
        w.WriteLine("<h2>四、资金监管</h2>");
        w.WriteLine("<p class=\"hint\">风险金额：出现在任一资助清单（应助未助除外）中的资助行的金额，每行只计一次；重复资助只计每组中第一行以外的行。金额无效的行不计金额。</p>");
        w.WriteLine("<section class=\"cards\">");
        Card(w, "资助发放金额", Y(funds.Total), "元");
        Card(w, "风险金额", Y(funds.AtRisk), "元");
        Card(w, "风险金额占比", funds.Total == 0 ? "—" : (funds.AtRisk * 100 / funds.Total).ToString("0.00", CultureInfo.InvariantCulture), "%");
        w.WriteLine("</section>");
        w.WriteLine("<div class=\"scroll\"><table><thead><tr><th>清单</th><th>代码</th><th class=\"num\">金额（元）</th></tr></thead><tbody>");
        foreach (var (code, name, amount) in funds.ByList)
            w.WriteLine($"<tr><td>{E(name)}</td><td><code>{E(code)}</code></td><td class=\"num\">{E(Y(amount))}</td></tr>");
        w.WriteLine("</tbody></table></div>");

        int counties = Math.Min(TopCounties, funds.Counties.Count(c => c.AtRisk > 0));
        w.WriteLine("<h3>各责任县风险金额</h3>");
        if (counties > 0)
            w.WriteLine($"<div id=\"chart-funds-counties\" class=\"chart\" style=\"height:{CountyChartHeight(counties).ToString(CultureInfo.InvariantCulture)}px\" role=\"img\" aria-label=\"各县风险金额条形图\"></div>");
        MoneyTable(w, "县（市、区）", funds.Counties, funds.ByList, withCode: true);

        int projects = funds.Projects.Count(p => p.AtRisk > 0);
        w.WriteLine("<h3>各资助项目风险金额</h3>");
        if (projects > 0)
            w.WriteLine($"<div id=\"chart-funds-projects\" class=\"chart\" style=\"height:{ListChartHeight(projects).ToString(CultureInfo.InvariantCulture)}px\" role=\"img\" aria-label=\"各资助项目风险金额条形图\"></div>");
        MoneyTable(w, "资助项目", funds.Projects, funds.ByList, withCode: false);

        if (funds.KeyCounties is { } groups)
        {
            w.WriteLine("<h3>重点帮扶县与其他县对比</h3>");
            w.WriteLine("<p class=\"hint\">按脱贫人口户籍所在县分组。生均资助 = 向比对成功的脱贫家庭学生发放的资助金额 ÷ 比对成功学生数。</p>");
            w.WriteLine("<div id=\"chart-funds-key\" class=\"chart\" style=\"height:280px\" role=\"img\" aria-label=\"重点帮扶县与其他县对比图\"></div>");
            w.WriteLine("<div class=\"scroll\"><table><thead><tr><th>分组</th><th class=\"num\">县数</th><th class=\"num\">脱贫人口</th><th class=\"num\">比对成功学生</th><th class=\"num\">向其发放资助（元）</th><th class=\"num\">生均资助（元）</th><th class=\"num\">应助未助</th><th class=\"num\">每百名比对成功学生中应助未助</th></tr></thead><tbody>");
            foreach (var g in groups)
            {
                w.WriteLine($"<tr><td>{E(g.Name)}</td><td class=\"num\">{E(N(g.Counties))}</td><td class=\"num\">{E(N(g.PovertyPersons))}</td><td class=\"num\">{E(N(g.Matched))}</td>" +
                    $"<td class=\"num\">{E(Y(g.AidToMatched))}</td><td class=\"num\">{E(Y(g.AidPerMatched))}</td><td class=\"num\">{E(N(g.AidMissing))}</td><td class=\"num\">{E(g.AidMissingPer100.ToString("0.00", CultureInfo.InvariantCulture))}</td></tr>");
            }
            w.WriteLine("</tbody></table></div>");
        }
        w.WriteLine("</section>");
    }

    private static void MoneyTable(TextWriter w, string what, IReadOnlyList<ReportMoneyRow> rows, IReadOnlyList<(string Code, string Name, decimal Amount)> lists, bool withCode)
    {
        w.Write($"<div class=\"scroll\"><table><thead><tr>{(withCode ? "<th>县级代码</th>" : "")}<th>{E(what)}</th><th class=\"num\">发放金额（元）</th><th class=\"num\">风险金额（元）</th>");
        foreach (var (_, name, _) in lists)
            w.Write($"<th class=\"num\">{E(name)}</th>");
        w.WriteLine("</tr></thead><tbody>");
        foreach (var r in rows)
        {
            w.Write($"<tr>{(withCode ? $"<td><code>{E(r.Code)}</code></td>" : "")}<td>{E(r.Name)}</td><td class=\"num\">{E(Y(r.Paid))}</td><td class=\"num total\">{E(Y(r.AtRisk))}</td>");
            foreach (var (code, _, _) in lists)
            {
                decimal v = r.ByList.TryGetValue(code, out var x) ? x : 0;
                w.Write($"<td class=\"num{(v == 0 ? " zero" : "")}\">{E(Y(v))}</td>");
            }
            w.WriteLine("</tr>");
        }
        if (rows.Count == 0)
            w.WriteLine($"<tr><td colspan=\"{(lists.Count + (withCode ? 4 : 3)).ToString(CultureInfo.InvariantCulture)}\" class=\"empty\">无</td></tr>");
        w.WriteLine("</tbody></table></div>");
    }

    /// <summary>The charts' data: the top counties and the projects by money at risk, split by list; the two county groups.</summary>
    internal static string BuildFundsJson(ReportFunds funds)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            WriteMoneyChart(json, "counties", funds.Counties.Where(c => c.AtRisk > 0).OrderByDescending(c => c.AtRisk).ThenBy(c => c.Code, StringComparer.Ordinal)
                .Take(TopCounties).ToList(), funds.ByList);
            WriteMoneyChart(json, "projects", funds.Projects.Where(p => p.AtRisk > 0).OrderByDescending(p => p.AtRisk).ToList(), funds.ByList);
            json.WriteStartArray("groups");
            foreach (var g in funds.KeyCounties ?? [])
            {
                json.WriteStartObject();
                json.WriteString("name", g.Name);
                json.WriteNumber("aidPerMatched", g.AidPerMatched);
                json.WriteNumber("aidMissingPer100", g.AidMissingPer100);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteMoneyChart(Utf8JsonWriter json, string name, List<ReportMoneyRow> rows, IReadOnlyList<(string Code, string Name, decimal Amount)> lists)
    {
        json.WriteStartObject(name);
        json.WriteStartArray("labels");
        foreach (var r in rows)
            json.WriteStringValue(r.Name);
        json.WriteEndArray();
        json.WriteStartArray("series");
        foreach (var (code, listName, _) in lists)
        {
            if (!rows.Any(r => r.ByList.TryGetValue(code, out var v) && v > 0))
                continue;
            json.WriteStartObject();
            json.WriteString("name", listName);
            json.WriteStartArray("data");
            foreach (var r in rows)
                json.WriteNumberValue(r.ByList.TryGetValue(code, out var v) ? v : 0);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // Plain ES5, as the other charts. List amounts overlap (a row may be in two lists), so the bars are grouped, not stacked.
    private const string FundsChartScript = """
        (function () {
          'use strict';
          if (typeof echarts === 'undefined') { return; }
          var el = document.getElementById('funds-data');
          if (!el) { return; }
          var data = JSON.parse(el.textContent);
          var font = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
          var palette = ['#c0392b', '#e67e22', '#8e44ad', '#2e86c1', '#7f8c8d'];
          var charts = [];
          function money(v) { return Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' 元'; }
          function bars(id, chart) {
            var node = document.getElementById(id);
            if (!node) { return; }
            var c = echarts.init(node, null, { renderer: 'svg' });
            charts.push(c);
            c.setOption({
              animation: false, color: palette, textStyle: { fontFamily: font },
              legend: { type: 'scroll', top: 0, left: 'center' },
              grid: { left: 16, right: 32, top: 48, bottom: 16, containLabel: true },
              tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: money },
              xAxis: { type: 'value', splitLine: { lineStyle: { color: '#e5e9ef' } } },
              yAxis: { type: 'category', inverse: true, data: chart.labels, axisTick: { show: false } },
              series: chart.series.map(function (s) { return { name: s.name, type: 'bar', barMaxWidth: 14, data: s.data }; })
            });
          }
          bars('chart-funds-counties', data.counties);
          bars('chart-funds-projects', data.projects);
          var key = document.getElementById('chart-funds-key');
          if (key && data.groups.length) {
            var k = echarts.init(key, null, { renderer: 'svg' });
            charts.push(k);
            k.setOption({
              animation: false, color: ['#1f4e79', '#c0392b'], textStyle: { fontFamily: font },
              legend: { top: 0 }, tooltip: { trigger: 'axis' },
              grid: { left: 16, right: 32, top: 40, bottom: 16, containLabel: true },
              xAxis: { type: 'category', data: data.groups.map(function (g) { return g.name; }) },
              yAxis: [{ type: 'value', name: '元/人' }, { type: 'value', name: '每百人' }],
              series: [
                { name: '生均资助（元）', type: 'bar', barMaxWidth: 40, data: data.groups.map(function (g) { return g.aidPerMatched; }) },
                { name: '每百名比对成功学生中应助未助', type: 'bar', barMaxWidth: 40, yAxisIndex: 1, data: data.groups.map(function (g) { return g.aidMissingPer100; }) }
              ]
            });
          }
          window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
          window.addEventListener('beforeprint', function () { charts.forEach(function (c) { c.resize(); }); });
          window.addEventListener('afterprint', function () { charts.forEach(function (c) { c.resize(); }); });
        })();
        """;
}
