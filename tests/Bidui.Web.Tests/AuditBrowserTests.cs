using Bidui.Workflow.Audit;
using Bidui.Workflow.Store;
using Bidui.Workflow.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bidui.Web.Tests;

/// <summary>The audit page in Chromium: every catalogued action in the filter, keyset pages both ways, and the export (itself audited).</summary>
public abstract class AuditBrowserTests<TFixture>(TFixture f) where TFixture : WebAppFixture
{
    [SkippableFact]
    public async Task The_auditor_filters_by_any_action_pages_through_the_log_and_exports_it()
    {
        TestStores.Require(f.Available);
        string user = "pg" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = f.Context())
        {
            for (int i = 0; i < 150; i++)
                db.Audit.Add(new AuditEntry { At = DateTime.UtcNow, UserName = user, Action = i % 3 == 0 ? AuditActions.ChangePassword : AuditActions.Reassign, Target = "任务 " + i, Detail = "第 " + i + " 条" });
            await db.SaveChangesAsync();
        }
        await using var browser = await Browser.OpenAsync(f.BaseAddress, acceptDownloads: true);
        var page = browser.Page;
        await browser.SignInAsync("shenji");
        await page.GotoAsync("Audit");
        var options = await page.Locator("#audit-action option").AllInnerTextsAsync();
        Assert.Equal(["全部", .. AuditActions.All], options);
        foreach (string action in new[] { "改派", "创建用户", "修改用户", "修改密码", "删除附件", "预览附件", "下载比对结果" })
            Assert.Contains(action, options);

        await page.FillAsync("#audit-filters input[name=UserName]", user);
        await page.ClickAsync("#audit-filters button[type=submit]");
        await Expect(page.Locator("#audit-total")).ToHaveTextAsync("共 150 条");
        var rows = page.Locator("#audit tbody tr");
        await Expect(rows).ToHaveCountAsync(100);
        await Expect(page.Locator("#audit-newer")).ToHaveCountAsync(0);
        string firstOfPage1 = await rows.First.Locator("td").First.InnerTextAsync();
        await page.ClickAsync("#audit-older");
        await Expect(rows).ToHaveCountAsync(50);
        await Expect(page.Locator("#audit-older")).ToHaveCountAsync(0);
        Assert.Contains("Before=", page.Url, StringComparison.Ordinal);
        await page.ClickAsync("#audit-newer");
        await Expect(rows).ToHaveCountAsync(100);
        Assert.Equal(firstOfPage1, await rows.First.Locator("td").First.InnerTextAsync());

        await page.SelectOptionAsync("#audit-action", "修改密码");
        await page.ClickAsync("#audit-filters button[type=submit]");
        await Expect(page.Locator("#audit-total")).ToHaveTextAsync("共 50 条");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#audit-export"));
        string path = Path.Combine(f.Store.DataDirectory, Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(path);
        var exported = TestStores.ReadSheet(path);
        File.Delete(path);
        Assert.Equal(50, exported.Count);
        Assert.All(exported, r => Assert.Equal(("修改密码", user), (r["操作"], r["用户"])));
        await using (var db = f.Context())
            Assert.True(await db.Audit.AnyAsync(a => a.UserName == "shenji" && a.Action == AuditActions.Export && a.Target == "审计日志" && a.Detail.Contains("50 条")));
    }
}

[Collection(SqliteWeb.Name)]
public sealed class SqliteAuditBrowserTests(SqliteWebApp f) : AuditBrowserTests<SqliteWebApp>(f);

[Collection(PostgresWeb.Name)]
public sealed class PostgresAuditBrowserTests(PostgresWebApp f) : AuditBrowserTests<PostgresWebApp>(f);
