using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bidui.Web.Demo;
using Bidui.Workflow.Tests;
using Microsoft.Playwright;

namespace Bidui.Web.Tests;

/// <summary>
/// The funds on the dashboard in Debian's Chromium (SPEC §4.6): the demo round (compared with its registers,
/// catalogue and key counties) shows the money at risk of its summary.json, province → prefecture → county
/// by clicking, the county's projects, aid coverage per register group, and nothing of it to a school officer.
/// </summary>
public abstract class FundsDashboardBrowserTests<TFixture>(TFixture f) where TFixture : WebAppFixture
{
    private const int Round = 1; // the demo round

    private JsonElement Funds()
    {
        var path = Path.Combine(f.Store.RoundDirectory(Round), "results", "summary.json");
        return JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.GetProperty("funds").Clone();
    }

    private static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task Money_at_risk_drills_down_from_province_to_a_county_and_its_projects()
    {
        TestStores.Require(f.Available);
        var funds = Funds();
        var counties = funds.GetProperty("by_county").EnumerateArray().ToList();
        Assert.True(funds.GetProperty("at_risk").GetDecimal() > 0, "the demo's aid rows include money at risk");
        await using var browser = await Browser.OpenAsync(f.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("sheng");

        await page.GotoAsync($"/Dashboard?RoundId={Round}");
        await Expect(page.Locator("#funds-at-risk")).ToHaveTextAsync(Money(funds.GetProperty("at_risk").GetDecimal()));
        await Expect(page.Locator("#funds-paid")).ToHaveTextAsync(Money(funds.GetProperty("total").GetDecimal()));
        await Expect(page.Locator("#chart-funds canvas")).ToBeVisibleAsync();

        // The prefecture's name drills down (its bar does too: the test below).
        await page.Locator("#funds a", new() { HasText = "邵阳市" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("Region=430500"));
        decimal prefecture = counties.Where(c => c.GetProperty("county").GetString()!.StartsWith("4305", StringComparison.Ordinal)).Sum(c => c.GetProperty("at_risk").GetDecimal());
        await Expect(page.Locator("#funds-at-risk")).ToHaveTextAsync(Money(prefecture));
        var rows = page.Locator("#funds tbody tr");
        Assert.Equal(counties.Count(c => c.GetProperty("county").GetString()!.StartsWith("4305", StringComparison.Ordinal)), await rows.CountAsync());

        // 邵东市: its money by project, which adds up to the county's figure.
        await page.Locator("#funds a", new() { HasText = "邵东市" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"Region={DemoAccounts.Shaodong}"));
        var shaodong = counties.Single(c => c.GetProperty("county").GetString() == DemoAccounts.Shaodong.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#funds-at-risk")).ToHaveTextAsync(Money(shaodong.GetProperty("at_risk").GetDecimal()));
        await Expect(page.Locator("#funds thead th").First).ToHaveTextAsync("资助项目");
        var projects = shaodong.GetProperty("projects").EnumerateArray().ToList();
        await Expect(rows).ToHaveCountAsync(projects.Count);
        foreach (var p in projects.Where(p => p.GetProperty("at_risk").GetDecimal() > 0))
        {
            var row = rows.Filter(new() { Has = page.Locator("td:first-child", new() { HasTextRegex = new Regex("^" + Regex.Escape(p.GetProperty("project").GetString()!) + "$") }) });
            await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(Money(p.GetProperty("at_risk").GetDecimal()));
        }

        // Aid coverage per register group, for this county.
        foreach (var register in funds.GetProperty("register_coverage").EnumerateArray())
        {
            var here = register.GetProperty("by_county").EnumerateArray().Where(c => c.GetProperty("county").GetString() == DemoAccounts.Shaodong.ToString(CultureInfo.InvariantCulture)).ToList();
            var row = page.Locator("#coverage tbody tr", new() { Has = page.Locator("td:first-child", new() { HasTextString = register.GetProperty("register").GetString()! }) });
            await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(here.Sum(c => c.GetProperty("enrolled").GetInt64()).ToString(CultureInfo.InvariantCulture));
            await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(here.Sum(c => c.GetProperty("aided").GetInt64()).ToString(CultureInfo.InvariantCulture));
        }
        Assert.Equal(4, await page.Locator("#coverage tbody tr").CountAsync() - 1); // 脱贫家庭 and the demo's four registers
        await browser.SignOutAsync();

        // A county office sees its own county's money; a school officer sees no county money at all.
        await browser.SignInAsync("longhui.jy");
        await page.GotoAsync($"/Dashboard?RoundId={Round}");
        var longhui = counties.Single(c => c.GetProperty("county").GetString() == DemoAccounts.Longhui.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#funds-at-risk")).ToHaveTextAsync(Money(longhui.GetProperty("at_risk").GetDecimal()));
        await page.GotoAsync($"/Dashboard?RoundId={Round}&Region=430000");
        await Expect(page.Locator("#funds-at-risk")).ToHaveTextAsync(Money(longhui.GetProperty("at_risk").GetDecimal()));
        await browser.SignOutAsync();
        await browser.SignInAsync("xuexiao");
        await page.GotoAsync($"/Dashboard?RoundId={Round}");
        await Expect(page.Locator("#totals")).ToBeVisibleAsync();
        await Expect(page.Locator("#funds")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Clicking_a_bar_of_the_funds_chart_opens_that_region()
    {
        TestStores.Require(f.Available);
        await using var browser = await Browser.OpenAsync(f.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("sheng");
        await page.GotoAsync($"/Dashboard?RoundId={Round}&Region=430500");
        var canvas = page.Locator("#chart-funds canvas").First;
        await Expect(canvas).ToBeVisibleAsync();
        // The page's data island says which bar is which; ECharts says where the tallest column's largest segment is drawn.
        var data = JsonDocument.Parse(await page.Locator("#chart-data").TextContentAsync() ?? "{}").RootElement.GetProperty("funds");
        var links = data.GetProperty("links").EnumerateArray().Select(l => l.GetString()).ToList();
        var series = data.GetProperty("series").EnumerateArray().Select(x => x.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToList();
        var totals = Enumerable.Range(0, links.Count).Select(i => series.Sum(v => v[i])).ToList();
        int tallest = totals.IndexOf(totals.Max());
        int segment = Enumerable.Range(0, series.Count).MaxBy(x => series[x][tallest]);
        // Just above the segment's base: a bar grows from its base, so the point is covered early in the animation.
        double middle = series.Take(segment).Sum(v => v[tallest]) + series[segment][tallest] / 10;
        // Bars grow in an animation and the chart may be redrawn (a resize on a loaded machine), so the click is
        // tried again, as a person would, until the page follows the bar's link; each try waits for ECharts to
        // finish drawing and clicks through ECharts' own hit test at that point (a mouse click depends on scrolling).
        var target = new Regex(Regex.Escape(links[tallest]!.Split('?')[1]) + "$");
        string last = "";
        for (int attempt = 0; attempt < 6; attempt++)
        {
            await page.EvaluateAsync("() => new Promise(done => { const c = echarts.getInstanceByDom(document.getElementById('chart-funds')); c.on('finished', done); setTimeout(done, 3000); })");
            last = await page.EvaluateAsync<string>(
                "([s, i, y]) => { const c = echarts.getInstanceByDom(document.getElementById('chart-funds')); const [px, py] = c.convertToPixel({ seriesIndex: s }, [i, y]);"
                + " const e = { zrX: px, zrY: py, offsetX: px, offsetY: py }; const hit = c.getZr().handler.findHover(px, py);"
                + " for (const n of ['mousedown', 'mouseup', 'click']) c.getZr().handler.dispatch(n, e);"
                + " return `(${px}, ${py}) hit ${hit && hit.target ? hit.target.type : 'nothing'}`; }",
                new object[] { segment, tallest, middle });
            try
            {
                await page.WaitForURLAsync(target, new() { Timeout = 10_000 });
                return;
            }
            catch (System.TimeoutException) { }
        }
        Assert.Fail($"clicking bar {tallest} (series {segment}) never opened {links[tallest]}; last click at {last}, page at {page.Url}");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

[Collection(SqliteWeb.Name)]
public sealed class SqliteFundsDashboardBrowserTests(SqliteWebApp f) : FundsDashboardBrowserTests<SqliteWebApp>(f);

[Collection(PostgresWeb.Name)]
public sealed class PostgresFundsDashboardBrowserTests(PostgresWebApp f) : FundsDashboardBrowserTests<PostgresWebApp>(f);
