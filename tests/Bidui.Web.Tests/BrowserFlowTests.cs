using System.Text.RegularExpressions;
using Bidui.Web.Demo;
using Bidui.Workflow.Tests;
using Microsoft.Playwright;

namespace Bidui.Web.Tests;

/// <summary>
/// The whole flow in Debian's Chromium against the real app: sign in → create round → upload the
/// three files, a register, the catalogue and the key counties → run → a county's list → feedback → county review → the dashboard shows the change.
/// A screenshot of every page goes to BIDUI_SCREENSHOTS (or the test output folder's screenshots/),
/// in a subfolder per store: sqlite/, postgres/.
/// </summary>
public abstract class BrowserFlowTests<TFixture>(TFixture f) where TFixture : WebAppFixture
{
    private string ScreenshotDirectory => Path.Combine(
        Environment.GetEnvironmentVariable("BIDUI_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots"),
        f.Store.Provider.ToString().ToLowerInvariant());

    [SkippableFact]
    public async Task Province_runs_a_round_and_a_county_closes_a_case_seen_on_the_dashboard()
    {
        TestStores.Require(f.Available);
        Directory.CreateDirectory(ScreenshotDirectory);
        await using var browser = await Browser.OpenAsync(f.BaseAddress);
        var page = browser.Page;
        int shot = 0;
        async Task Shot(string name) =>
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"{++shot:00}-{name}.png"), FullPage = true });

        // Sign in as the province administrator.
        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("登录");
        await Shot("login");
        await browser.SignInAsync("sheng");
        await Expect(page.Locator("h1")).ToHaveTextAsync("统计看板");
        await Shot("dashboard-province");

        // Create a round and upload the three files.
        await page.GotoAsync("/Rounds");
        await page.FillAsync("#new-round input[name=Name]", "2027年春季学期比对（浏览器测试）");
        await Shot("rounds");
        await page.ClickAsync("#new-round button[type=submit]");
        await page.WaitForURLAsync(new Regex("/Rounds/Detail/\\d+$"));
        int roundId = int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var inputs = Path.Combine(f.Store.DataDirectory, "demo-inputs");
        await page.SetInputFilesAsync("input[name=Students]", Path.Combine(inputs, "学生学籍信息.xlsx"));
        await page.SetInputFilesAsync("input[name=Poverty]", Path.Combine(inputs, "脱贫人口及防返贫监测对象.csv"));
        await page.SetInputFilesAsync("input[name=Aid]", Path.Combine(inputs, "学生资助发放明细.xlsx"));
        await Shot("round-upload");
        await page.ClickAsync("#upload button[type=submit]");
        await Expect(page.Locator(".notice")).ToHaveTextAsync("文件已上传。");
        // The aid-supervision inputs (SPEC §1.4, §1.5, §4.6): one register, the catalogue and the key counties.
        await page.FillAsync("#upload-supervision input[name=RegisterLabel]", "低保");
        await page.SetInputFilesAsync("#upload-supervision input[name=Register]", Path.Combine(inputs, "低保名单.xlsx"));
        await page.SetInputFilesAsync("#upload-supervision input[name=AidProjects]", Path.Combine(inputs, "资助项目目录.csv"));
        await page.SetInputFilesAsync("#upload-supervision input[name=KeyCounties]", Path.Combine(inputs, "重点帮扶县名单.csv"));
        await page.ClickAsync("#upload-supervision button[type=submit]");
        await Expect(page.Locator("#registers")).ToHaveTextAsync("低保：低保名单.xlsx");
        await Expect(page.Locator("#aid-projects")).ToHaveTextAsync("已上传");
        await Expect(page.Locator("#key-counties")).ToHaveTextAsync("已上传");

        // Run it; the progress panel polls until the job ends and reloads the page.
        await page.ClickAsync("#run");
        await Shot("round-running");
        // Compared: the administrator checks the counties the round covers, then the cases are written.
        await Expect(page.Locator("#round-state")).ToHaveTextAsync("比对完成，待确认", new() { Timeout = 120_000 });
        await Expect(page.Locator($"#coverage input[value='{DemoAccounts.Shaodong}']")).ToBeCheckedAsync();
        await Shot("round-coverage");
        await page.ClickAsync("#confirm-import");
        await Expect(page.Locator("#round-state")).ToHaveTextAsync("已完成", new() { Timeout = 120_000 });
        await Shot("round-done");

        // The province opens 邵东市's dropout list of the new round: numbers are masked.
        await page.GotoAsync($"/Cases?RoundId={roundId}&Region={DemoAccounts.Shaodong}&Category=dropout_suspect");
        await Expect(page.Locator("#cases tbody tr").First).ToBeVisibleAsync();
        Assert.Matches(@"^\d{4}\*{10}[\dX]{4}$", (await page.Locator("#cases tbody tr td.mono").First.InnerTextAsync()).Trim());
        await Shot("cases-province");
        await browser.SignOutAsync();

        // 邵东市's education office: its dashboard before, then one case verified.
        await browser.SignInAsync("shaodong.jy");
        await page.GotoAsync($"/Dashboard?RoundId={roundId}");
        await Expect(page.Locator("#total-closed")).ToHaveTextAsync("0");
        await page.GotoAsync($"/Cases?RoundId={roundId}&Category=dropout_suspect");
        await Shot("cases-county");
        await page.Locator("#cases tbody tr td:first-child a").First.ClickAsync();
        await Expect(page.Locator("#case-state")).ToHaveTextAsync("待核查");
        await page.ClickAsync("#reveal");
        await Expect(page.Locator("#id-number")).ToHaveTextAsync(new Regex(@"^\d{17}[\dX]$"));
        await page.SelectOptionAsync("#result", "省外就读无学籍");
        await page.FillAsync("#submit-form textarea[name=Note]", "已核实在广东省东莞市就读");
        await page.SetInputFilesAsync("#submit-form input[name=Files]", new FilePayload { Name = "在读证明.txt", MimeType = "text/plain", Buffer = "在读证明"u8.ToArray() });
        await Shot("case-feedback");
        await page.ClickAsync("#submit");
        await Expect(page.Locator("#case-state")).ToHaveTextAsync("待审核");
        await Shot("case-submitted");

        // The county reviews and approves.
        await page.FillAsync("#review-form textarea[name=Note]", "材料齐全");
        await page.ClickAsync("#approve");
        await Expect(page.Locator("#case-state")).ToHaveTextAsync("已办结");
        await Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(3);
        await Shot("case-closed");

        // The dashboard shows the closed case, for the county and for the province.
        await page.GotoAsync($"/Dashboard?RoundId={roundId}");
        await Expect(page.Locator("#total-closed")).ToHaveTextAsync("1");
        await Expect(page.Locator("#chart-regions canvas")).ToBeVisibleAsync();
        await Shot("dashboard-county");
        await browser.SignOutAsync();
        await browser.SignInAsync("sheng");
        await page.GotoAsync($"/Dashboard?RoundId={roundId}&Region=430500");
        await Expect(page.Locator("#total-closed")).ToHaveTextAsync("1");
        await Shot("dashboard-prefecture");
        await browser.SignOutAsync();

        // The auditor finds the reveal and the approval in the log.
        await browser.SignInAsync("shenji");
        await page.GotoAsync("/Audit");
        await Expect(page.Locator("#audit")).ToContainTextAsync("显示完整证件号");
        await Expect(page.Locator("#audit")).ToContainTextAsync("审核通过");
        await Shot("audit");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

[Collection(SqliteWeb.Name)]
public sealed class SqliteBrowserFlowTests(SqliteWebApp f) : BrowserFlowTests<SqliteWebApp>(f);

[Collection(PostgresWeb.Name)]
public sealed class PostgresBrowserFlowTests(PostgresWebApp f) : BrowserFlowTests<PostgresWebApp>(f);
