using Bidui.Web.Demo;
using Bidui.Workflow.Store;
using Bidui.Workflow.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NPOI.SS.UserModel;
using NPOI.XSSF.UserModel;

namespace Bidui.Web.Tests;

/// <summary>
/// The feedback page in Chromium, as a county officer uses it: download the template, fill two
/// results in the workbook (NPOI: another writer than Bidui's, as a spreadsheet program saves it), upload it, wait for the check, and
/// see the cases change. Also run behind the proxy's path base.
/// </summary>
public abstract class FeedbackBrowserTests<TFixture>(TFixture f) where TFixture : WebAppFixture
{
    [SkippableFact]
    public Task A_county_downloads_the_template_fills_it_uploads_it_and_sees_its_cases_change() =>
        FillAndUploadAsync("shaodong.xc", schoolCases: false);

    /// <summary>A county education office answers for a school that did not: the school's cases are in its template, marked.</summary>
    [SkippableFact]
    public Task A_county_education_office_answers_its_schools_cases_through_the_template() =>
        FillAndUploadAsync("shaodong.jy", schoolCases: true);

    private async Task FillAndUploadAsync(string userName, bool schoolCases)
    {
        TestStores.Require(f.Available);
        await using var browser = await Browser.OpenAsync(f.BaseAddress, acceptDownloads: true);
        var page = browser.Page;
        var cspErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) cspErrors.Add(m.Text); };
        await browser.SignInAsync(userName);
        await page.GotoAsync("Feedback");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("批量反馈");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#template"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        string workbook = Path.Combine(f.Store.DataDirectory, Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(workbook);

        var filled = new List<long>();
        XSSFWorkbook book;
        using (var input = File.OpenRead(workbook))
            book = new XSSFWorkbook(input);
        // One sheet per list, each with its results as a drop-down on 核查结果; the school office's cases marked 学校任务 = 是.
        var sheet = schoolCases ? book.GetSheet("应助未助") : book.GetSheetAt(0);
        Assert.NotEmpty(sheet.GetDataValidations());
        var headerRow = sheet.GetRow(0);
        var header = Enumerable.Range(0, headerRow.LastCellNum).ToDictionary(i => headerRow.GetCell(i).StringCellValue, i => i);
        Assert.Equal(schoolCases, header.ContainsKey("学校任务"));
        void Set(IRow row, string column, string value) => (row.GetCell(header[column]) ?? row.CreateCell(header[column])).SetCellValue(value);
        var rows = Enumerable.Range(1, sheet.LastRowNum).Select(sheet.GetRow)
            .Where(r => !schoolCases || r.GetCell(header["学校任务"]).StringCellValue == "是").Take(2).ToList();
        foreach (var row in rows)
        {
            filled.Add(long.Parse(row.GetCell(header["任务编号"]).StringCellValue, System.Globalization.CultureInfo.InvariantCulture));
            Set(row, "核查结果", "其他");
            Set(row, "核查说明", "已入户核实，情况已整改");
        }
        using (var output = File.Create(workbook))
            book.Write(output);
        Assert.Equal(2, filled.Count);
        await using (var db = f.Context())
        {
            Assert.All(await db.Cases.Where(c => filled.Contains(c.Id)).Select(c => c.State).ToListAsync(), s => Assert.Equal(CaseState.Open, s));
            if (schoolCases) Assert.All(await db.Cases.Where(c => filled.Contains(c.Id)).Select(c => c.Unit).ToListAsync(), u => Assert.Equal(Unit.School, u));
        }

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
