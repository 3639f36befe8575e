using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Bidui.Web.Demo;
using Bidui.Workflow.Store;
using Bidui.Workflow.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Bidui.Web.Tests;

/// <summary>
/// 考核评估 in Debian's Chromium: the province's ranked table, sorted by a click, a county's score, where it loses
/// points, and the cases behind a figure; the key-county upload, the workbook and the public package; and, over
/// HTTP, that a county sees only itself.
/// </summary>
public abstract class AssessmentPageTests<TFixture>(TFixture f) where TFixture : WebAppFixture
{
    private const int Round = 1;

    private string ScreenshotDirectory => Path.Combine(
        Environment.GetEnvironmentVariable("BIDUI_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots"),
        f.Store.Provider.ToString().ToLowerInvariant());

    [SkippableFact]
    public async Task Province_walks_from_a_county_score_to_the_cases_behind_it()
    {
        TestStores.Require(f.Available);
        int shaodongCases, shaodongDropout;
        await using (var db = f.Context())
        {
            shaodongCases = await db.Cases.CountAsync(c => c.RoundId == Round && c.CountyCode == DemoAccounts.Shaodong);
            shaodongDropout = await db.Cases.CountAsync(c => c.RoundId == Round && c.CountyCode == DemoAccounts.Shaodong && c.Category == "dropout_suspect");
        }
        Assert.True(shaodongDropout > 0);
        await using var browser = await Browser.OpenAsync(f.BaseAddress, acceptDownloads: true);
        var page = browser.Page;
        Directory.CreateDirectory(ScreenshotDirectory);
        async Task Shot(string name) => await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"assessment-{name}.png"), FullPage = true });
        await browser.SignInAsync("sheng");
        await page.ClickAsync("header nav a[href='/Assessment']");
        await page.GotoAsync($"/Assessment?RoundId={Round}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("考核评估");
        await Expect(page.Locator("#scores tbody tr")).ToHaveCountAsync(3); // 邵东市, 隆回县, 新邵县
        await Expect(page.Locator("#chart-trend canvas")).ToBeVisibleAsync();
        await Shot("1-province");

        // Sorting by 总分 ascending puts the lowest total first; again, the highest.
        var totals = page.Locator("#scores tbody td.total");
        await page.ClickAsync("#scores thead th:has-text('总分')");
        var ascending = await Totals(totals);
        Assert.Equal(ascending.Order().ToList(), ascending);
        await page.ClickAsync("#scores thead th:has-text('总分')");
        var descending = await Totals(totals);
        Assert.Equal(ascending.OrderDescending().ToList(), descending);

        // 邵东市's score → its page: where it loses points.
        var row = page.Locator($"#scores tbody tr[data-county='{DemoAccounts.Shaodong}']");
        string total = (await row.Locator("td.total").InnerTextAsync()).Trim();
        await row.Locator("td.total a").ClickAsync();
        await Expect(page.Locator("#county-name")).ToContainTextAsync("邵东市");
        await Expect(page.Locator("#county-total")).ToHaveTextAsync(total);
        await Shot("2-county");
        var lost = await page.Locator("#indicators tbody td.lost").AllInnerTextsAsync();
        var points = lost.Where(t => t != "—").Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(points.OrderDescending().ToList(), points); // worst first
        // Points lost add up to 100 − total, to the rounding of the 12 figures shown to 0.01 (not to one decimal: a sum of
        // 71.14 against 71.15 would round apart).
        Assert.InRange(points.Sum() - (100 - double.Parse(total, CultureInfo.InvariantCulture)), -0.07, 0.07);

        // The dropout figure → the cases behind it: as many as the figure says, all of the list.
        var dropout = page.Locator("#indicators tr[data-indicator='dropout_rate'] a.numerator");
        Assert.Equal(shaodongDropout.ToString(CultureInfo.InvariantCulture), (await dropout.InnerTextAsync()).Trim());
        await dropout.ClickAsync();
        await Expect(page.Locator("#drill-count b")).ToHaveTextAsync(shaodongDropout.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#cases tbody tr")).ToHaveCountAsync(Math.Min(shaodongDropout, 500));
        await Shot("3-cases");
        Assert.Matches(@"^\d{4}\*{10}[\dX]{4}$", (await page.Locator("#cases tbody td.mono").First.InnerTextAsync()).Trim());
        await page.Locator("#cases tbody tr td:first-child a").First.ClickAsync();
        await Expect(page.Locator("#case-state")).ToBeVisibleAsync();

        // A workflow figure: 办结率's base is every case of the county in the round.
        await page.GoBackAsync();
        await page.GoBackAsync();
        var closureBase = page.Locator("#indicators tr[data-indicator='closure_rate'] a.base");
        Assert.Equal(shaodongCases.ToString(CultureInfo.InvariantCulture), (await closureBase.InnerTextAsync()).Trim());
        await closureBase.ClickAsync();
        await Expect(page.Locator("#drill-count b")).ToHaveTextAsync(shaodongCases.ToString(CultureInfo.InvariantCulture));

        // The province marks 隆回县 as a key county, exports the assessment and publishes the open data.
        await page.GotoAsync($"/Assessment?RoundId={Round}");
        string list = Path.Combine(f.Store.DataDirectory, "重点帮扶县.csv");
        await File.WriteAllTextAsync(list, "县级代码\n430524\n");
        await page.SetInputFilesAsync("#key-upload input[type=file]", list);
        await page.ClickAsync("#key-upload button[type=submit]");
        await Expect(page.Locator(".notice")).ToContainTextAsync("1 个县");
        await Expect(page.Locator("#key-counties tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#key-counties")).ToContainTextAsync("隆回县");
        await Expect(page.Locator($"#scores tr[data-county='{DemoAccounts.Longhui}'] .tag.key")).ToBeVisibleAsync();
        await Shot("4-key-counties");

        var workbook = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export"));
        Assert.Equal("考核评估表.xlsx", workbook.SuggestedFilename);
        string saved = Path.Combine(f.Store.DataDirectory, "downloaded.xlsx");
        await workbook.SaveAsAsync(saved);
        var rows = TestStores.ReadSheet(saved);
        Assert.Equal(3, rows.Count(r => r["县级代码"].Length == 6));
        Assert.Contains(rows, r => r["县级代码"] == "单位负责人（签字）：");

        var package = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#publish button"));
        string zip = Path.Combine(f.Store.DataDirectory, "package.zip");
        await package.SaveAsAsync(zip);
        using (var archive = ZipFile.OpenRead(zip))
            Assert.Contains(archive.Entries, e => e.FullName == "公开数据.html");
        File.Delete(Path.Combine(f.Store.DataDirectory, "key-counties.txt"));
        await using (var db = f.Context())
        {
            Assert.True(await db.Audit.AnyAsync(a => a.Action == "导出" && a.Target == "考核评估表"));
            Assert.True(await db.Audit.AnyAsync(a => a.Action == "发布公开数据"));
        }
    }

    private static async Task<List<double>> Totals(ILocator cells) =>
        [.. (await cells.AllInnerTextsAsync()).Where(t => t.Trim() != "—").Select(t => double.Parse(t, CultureInfo.InvariantCulture))];

    [SkippableFact]
    public async Task A_county_sees_its_own_assessment_only()
    {
        TestStores.Require(f.Available);
        using var client = await SignedInClient.SignInAsync(f.BaseAddress, "longhui.jy", DemoAccounts.Password);
        var overview = await client.GetAsync($"/Assessment?RoundId={Round}");
        Assert.Equal(HttpStatusCode.Redirect, overview.StatusCode);
        Assert.Contains($"County={DemoAccounts.Longhui}", overview.Headers.Location!.ToString(), StringComparison.Ordinal);
        string own = await client.GetStringAsync($"/Assessment/County?RoundId={Round}&County={DemoAccounts.Longhui}");
        Assert.Contains("隆回县", own, StringComparison.Ordinal);
        Assert.DoesNotContain("邵东市", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Assessment/County?RoundId={Round}&County={DemoAccounts.Shaodong}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await client.GetAsync($"/Assessment/Cases?RoundId={Round}&County={DemoAccounts.Shaodong}&Indicator=dropout_rate&Part=Numerator")).StatusCode);
        AssertDenied(await client.GetAsync($"/Assessment?handler=Export&RoundId={Round}"));
        AssertDenied(await client.PostAsync($"/Assessment?handler=Publish&RoundId={Round}"));
        AssertDenied(await client.PostAsync($"/Assessment?handler=KeyCounties&RoundId={Round}"));
    }

    /// <summary>Forbid() under cookie sign-in: a redirect to the 无权访问 page.</summary>
    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/Account/Denied", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString, StringComparison.Ordinal);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

[Collection(SqliteWeb.Name)]
public sealed class SqliteAssessmentPageTests(SqliteWebApp f) : AssessmentPageTests<SqliteWebApp>(f);

[Collection(PostgresWeb.Name)]
public sealed class PostgresAssessmentPageTests(PostgresWebApp f) : AssessmentPageTests<PostgresWebApp>(f);
