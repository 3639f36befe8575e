using ClosedXML.Excel;
using Bidui.Web.Demo;
using Bidui.Workflow.Store;
using Bidui.Workflow.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Bidui.Web.Tests;

/// <summary>
/// The feedback page in Chromium, as a county officer uses it: download the template, fill two
/// results in the workbook (ClosedXML, as Excel would save it), upload it, wait for the check, and
/// see the cases change. Also run behind the proxy's path base.
/// </summary>
public abstract class FeedbackBrowserTests<TFixture>(TFixture f) where TFixture : WebAppFixture
{
    [SkippableFact]
    public async Task A_county_downloads_the_template_fills_it_uploads_it_and_sees_its_cases_change()
    {
        TestStores.Require(f.Available);
        await using var browser = await Browser.OpenAsync(f.BaseAddress, acceptDownloads: true);
        var page = browser.Page;
        var cspErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) cspErrors.Add(m.Text); };
        await browser.SignInAsync("shaodong.xc");
        await page.GotoAsync("Feedback");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("批量反馈");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#template"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        string workbook = Path.Combine(f.Store.DataDirectory, Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(workbook);

        var filled = new List<long>();
        using (var book = new XLWorkbook(workbook))
        {
            var sheet = book.Worksheet("核查反馈");
            var header = sheet.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
            foreach (var row in sheet.RowsUsed().Skip(1).Take(2))
            {
                filled.Add(long.Parse(row.Cell(header["任务编号"]).GetString(), System.Globalization.CultureInfo.InvariantCulture));
                row.Cell(header["核查结果"]).Value = "其他";
                row.Cell(header["核查说明"]).Value = "已入户核实，情况已整改";
            }
            book.Save();
        }
        Assert.Equal(2, filled.Count);
        await using (var db = f.Context())
            Assert.All(await db.Cases.Where(c => filled.Contains(c.Id)).Select(c => c.State).ToListAsync(), s => Assert.Equal(CaseState.Open, s));

        await page.SetInputFilesAsync("#feedback-upload input[name=Workbook]", workbook);
        await page.ClickAsync("#upload");
        await Assertions.Expect(page.Locator("#feedback-summary")).ToContainTextAsync("已提交 2 条");

        // The cases changed: 待审核 on their pages, with the result.
        foreach (long id in filled)
        {
            await page.GotoAsync($"Cases/Detail/{id}");
            await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("待审核");
            await Assertions.Expect(page.Locator("#case-result")).ToHaveTextAsync("其他");
        }
        Assert.Empty(cspErrors);
        File.Delete(workbook);
    }
}

[Collection(SqliteWeb.Name)]
public sealed class SqliteFeedbackBrowserTests(SqliteWebApp f) : FeedbackBrowserTests<SqliteWebApp>(f);

[Collection(PostgresWeb.Name)]
public sealed class PostgresFeedbackBrowserTests(PostgresWebApp f) : FeedbackBrowserTests<PostgresWebApp>(f);

[Collection(ProxiedWeb.Name)]
public sealed class ProxiedFeedbackBrowserTests(ProxiedWebApp f) : FeedbackBrowserTests<ProxiedWebApp>(f);
