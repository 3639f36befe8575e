using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bidui.Reports.Tests;

public sealed partial class HtmlReportWriterTests
{
    static HtmlReportWriterTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly (string Code, string Name, string Who)[] Lists =
    [
        ("matched", "比对成功（脱贫家庭在校生）", "双方"),
        ("aid_missing", "应助未助", "学校"),
        ("dropout_suspect", "疑似失学辍学", "县教育局"),
        ("status_mismatch", "在校状况不一致", "乡村振兴部门"),
        ("identity_conflict", "身份信息不一致", "双方"),
        ("invalid_id", "证件号码有误", "数据提供方"),
        ("duplicate_enrollment", "重复学籍", "学校"),
    ];

    /// <summary>A province-like model: 40 counties, so the chart must pick the top 30.</summary>
    internal static ReportModel SampleModel()
    {
        var counties = new List<ReportCountyRow>();
        for (var i = 0; i < 40; i++)
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var l = 0; l < Lists.Length; l++)
            {
                counts[Lists[l].Code] = (((i * 37) + (l * 53)) % 97 * (l == 0 ? 20 : 1)) + (i == 0 ? 50 : 0);
            }

            var name = i switch { 0 => "<b>城区</b>", 1 or 2 => "城关区", _ => $"第{i}县" };
            counties.Add(new ReportCountyRow($"43{i + 1:D4}", name, counts));
        }

        var categories = Lists.Select(l => new ReportCategory(l.Code, l.Name, l.Who, counties.Sum(c => c.CountsByCategory[l.Code]), l.Code != "matched")).ToList();
        return new ReportModel(
            "学籍与脱贫人口比对报告",
            new DateTimeOffset(2026, 9, 1, 10, 30, 0, TimeSpan.FromHours(8)),
            new DateOnly(2026, 8, 31),
            [
                new ReportInput("students", "学籍/2026秋季学籍.xlsx", "xlsx", 120_000, 10, 2, 119_988),
                new ReportInput("poverty", "脱贫人口 & 监测对象.csv", "CSV (GB18030)", 80_000, 0, 0, 79_990),
                new ReportInput("aid", "资助发放.xls", "xls", 5_000, 3, 0, 4_997),
            ],
            categories,
            counties,
            ["6 个县级代码已撤销或未知，仍按原代码列出。", "比对使用精确匹配 <script>alert(1)</script>"]);
    }

    private static string WriteSample(TempDirectory dir, ReportModel? model = null)
    {
        var path = dir.File("report.html");
        HtmlReportWriter.Write(path, model ?? SampleModel());
        return File.ReadAllText(path, Encoding.UTF8);
    }

    private static JsonElement ChartData(string html)
    {
        var match = ReportDataScript().Match(html);
        Assert.True(match.Success);
        return JsonDocument.Parse(match.Groups[1].Value).RootElement;
    }

    [GeneratedRegex("<script id=\"report-data\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ReportDataScript();

    [Fact]
    public void Inlines_apache_echarts_and_needs_no_network()
    {
        using var dir = new TempDirectory();
        var html = WriteSample(dir);

        Assert.Contains("t.version=\"6.1.0\"", html, StringComparison.Ordinal);
        Assert.Contains("Licensed to the Apache Software Foundation", html, StringComparison.Ordinal);
        Assert.Equal("6.1.0", HtmlReportWriter.EChartsVersionText);
        Assert.True(html.Length > 1_000_000);
        Assert.DoesNotMatch("<script[^>]+src=", html);
        Assert.DoesNotMatch("<link[^>]+href=", html);
        Assert.DoesNotContain("http://cdn", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://cdn", html, StringComparison.OrdinalIgnoreCase);

        // Three script elements, three end tags: nothing inside one closes it early.
        Assert.Equal(3, Regex.Matches(html, "<script", RegexOptions.IgnoreCase).Count);
        Assert.Equal(3, Regex.Matches(html, "</script", RegexOptions.IgnoreCase).Count);
        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Prints_on_a4_landscape_without_scrolling_the_county_table_out_of_the_page()
    {
        using var dir = new TempDirectory();
        var html = WriteSample(dir);
        Assert.Contains("@page { size: A4 landscape;", html, StringComparison.Ordinal);
        var print = html[html.IndexOf("@media print", StringComparison.Ordinal)..];
        Assert.Matches(@"\.scroll \{ overflow: visible; \}", print);          // the wide county table is not clipped
        Assert.Contains("thead { display: table-header-group; }", print, StringComparison.Ordinal); // its header on every page
        Assert.Contains("beforeprint", html, StringComparison.Ordinal);         // charts redrawn for the page width
    }

    [Fact]
    public void Escapes_script_end_tags_and_comment_openers_in_inlined_script()
    {
        var escaped = HtmlReportWriter.EscapeForScriptElement("var a='</script>',b='</SCRIPT >',c='<!--',d=1</2;");
        Assert.Equal("var a='<\\/script>',b='<\\/SCRIPT >',c='\\x3C!--',d=1</2;", escaped);
    }

    [Fact]
    public void Passes_list_and_county_data_to_the_charts_as_json()
    {
        using var dir = new TempDirectory();
        var model = SampleModel();
        var data = ChartData(WriteSample(dir, model));

        var lists = data.GetProperty("lists");
        Assert.Equal(model.Categories.Count, lists.GetArrayLength());
        Assert.Equal("应助未助", lists[1].GetProperty("name").GetString());
        Assert.Equal(model.Categories[1].Count, lists[1].GetProperty("count").GetInt64());
        Assert.False(lists[0].GetProperty("action").GetBoolean());
        Assert.True(lists[1].GetProperty("action").GetBoolean());

        var counties = data.GetProperty("counties");
        var labels = counties.GetProperty("labels").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(30, labels.Count);

        // The stacked chart shows action lists only, ordered by their total, largest first.
        var series = counties.GetProperty("series").EnumerateArray().ToList();
        Assert.DoesNotContain(series, s => s.GetProperty("code").GetString() == "matched");
        Assert.Equal(Lists.Length - 1, series.Count);
        var totals = Enumerable.Range(0, 30).Select(i => series.Sum(s => s.GetProperty("data")[i].GetInt64())).ToList();
        Assert.Equal(totals.OrderDescending(), totals);
        var expectedTop = model.Counties
            .Select(c => c.CountsByCategory.Where(kv => kv.Key != "matched").Sum(kv => kv.Value))
            .OrderDescending().Take(30);
        Assert.Equal(expectedTop, totals);

        // Repeated county names get their code so the bars stay apart.
        Assert.Contains(labels, l => l == "城关区（430002）" || l == "城关区（430003）");
        Assert.DoesNotContain("城关区", labels);
    }

    [Fact]
    public void Encodes_every_value()
    {
        using var dir = new TempDirectory();
        var html = WriteSample(dir);

        Assert.Contains("&lt;b&gt;城区&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>城区", html, StringComparison.Ordinal);
        Assert.Contains("脱贫人口 &amp; 监测对象.csv", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);

        // In the JSON the markup characters are escaped too.
        Assert.Contains("\\u003Cb\\u003E城区", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_the_summary_inputs_lists_counties_and_notes_in_chinese()
    {
        using var dir = new TempDirectory();
        var model = SampleModel();
        var html = WriteSample(dir, model);

        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>学籍与脱贫人口比对报告</title>", html, StringComparison.Ordinal);
        Assert.Contains("基准日期：2026年8月31日", html, StringComparison.Ordinal);
        Assert.Contains("生成时间：2026-09-01 10:30:00（UTC+08:00）", html, StringComparison.Ordinal);

        // Inputs: 120,000 = 10 + 2 + 119,988 adds up; 80,000 ≠ 79,990 does not.
        Assert.Contains("<td class=\"num\">119,988</td>", html, StringComparison.Ordinal);
        Assert.Contains("✓ 相符", html, StringComparison.Ordinal);
        Assert.Contains("✗ 不符（相差 10 行）", html, StringComparison.Ordinal);
        Assert.Contains("<td>乡村振兴（脱贫人口）</td>", html, StringComparison.Ordinal);

        Assert.Contains("<td>县教育局</td>", html, StringComparison.Ordinal);
        Assert.Contains("aid_missing.csv", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-lists\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-counties\"", html, StringComparison.Ordinal);

        // The table lists all 40 counties, not only the 30 in the chart.
        foreach (var county in model.Counties)
        {
            Assert.Contains($"<code>{county.CountyCode}</code>", html, StringComparison.Ordinal);
        }

        Assert.Contains("6 个县级代码已撤销或未知，仍按原代码列出。", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_a_report_without_counties_or_lists()
    {
        using var dir = new TempDirectory();
        var model = new ReportModel("比对报告", DateTimeOffset.UnixEpoch, new DateOnly(2026, 8, 31), [], [], [], []);
        var html = WriteSample(dir, model);

        Assert.DoesNotContain("id=\"chart-counties\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"chart-lists\"", html, StringComparison.Ordinal);
        var data = ChartData(html);
        Assert.Equal(0, data.GetProperty("lists").GetArrayLength());
        Assert.Equal(0, data.GetProperty("counties").GetProperty("labels").GetArrayLength());
    }

    /// <summary>Set BIDUI_SAMPLE_REPORT to a path to get the sample report for a look in a browser.</summary>
    [Fact]
    public void Writes_the_sample_report_for_manual_review_when_asked()
    {
        var target = Environment.GetEnvironmentVariable("BIDUI_SAMPLE_REPORT");
        if (!string.IsNullOrEmpty(target))
        {
            HtmlReportWriter.Write(target, SampleModel());
            Assert.True(File.Exists(target));
        }
    }
}
