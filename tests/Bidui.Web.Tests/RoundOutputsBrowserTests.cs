using Bidui.Workflow.Audit;
using Bidui.Workflow.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bidui.Web.Tests;

/// <summary>
/// The round page in Chromium: the run's input accounting, and its outputs for download as the province and as a county
/// see them; the downloads are audited, and no name outside the run's own files is served.
/// </summary>
public abstract class RoundOutputsBrowserTests<TFixture>(TFixture f) where TFixture : WebAppFixture
{
    [SkippableFact]
    public async Task The_province_downloads_every_output_and_a_county_only_its_own_workbook()
    {
        TestStores.Require(f.Available);
        await using var browser = await Browser.OpenAsync(f.BaseAddress, acceptDownloads: true);
        var page = browser.Page;
        var cspErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) cspErrors.Add(m.Text); };
        await browser.SignInAsync("sheng");
        await page.GotoAsync("Rounds/Detail/1");

        // rows read = blank + rejected + loaded, per input, under the names the files were uploaded with.
        var accounting = page.Locator("#input-accounting tbody tr");
        await Expect(accounting.First).ToContainTextAsync("学籍数据");
        Assert.True(await accounting.CountAsync() >= 3);
        foreach (var row in await accounting.AllAsync())
        {
            var n = (await row.Locator("td.num").AllInnerTextsAsync()).Select(t => long.Parse(t.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(n[0], n[1] + n[2] + n[3]);
        }
        await Expect(page.Locator("#input-accounting")).ToContainTextAsync("低保");

        var links = page.Locator("#outputs a.output");
        var names = await links.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.name)");
        Assert.Contains("比对报告.html", names);
        Assert.Contains("rejects.csv", names);
        Assert.Contains("summary.json", names);
        Assert.Contains("dropout_suspect.csv", names);
        Assert.Contains(names, n => n.StartsWith("按县分发/430582_", StringComparison.Ordinal));
        var report = await page.RunAndWaitForDownloadAsync(() => page.Locator("#outputs a[data-name='比对报告.html']").ClickAsync());
        Assert.Equal("批次1_比对报告.html", report.SuggestedFilename);
        string saved = Path.Combine(f.Store.DataDirectory, Guid.NewGuid().ToString("N"));
        await report.SaveAsAsync(saved);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(f.Store.RoundDirectory(1), "results", "比对报告.html")), await File.ReadAllBytesAsync(saved));
        File.Delete(saved);

        // Names outside the run's own files are not found, whatever they climb to.
        foreach (string bad in new[] { "../inputs/students.csv", "按县分发/../../../bidui.db", "/etc/passwd", "%2e%2e/summary.json" })
            Assert.Equal(404, (await page.APIRequest.GetAsync($"Rounds/Detail/1?handler=Output&name={Uri.EscapeDataString(bad)}")).Status);
        Assert.Empty(cspErrors);
        await browser.SignOutAsync();

        // The county office: its own county workbook only (the round covers it), downloaded and audited.
        await browser.SignInAsync("shaodong.jy");
        await page.GotoAsync("Rounds/Detail/1");
        await Expect(page.Locator("#input-accounting")).ToBeVisibleAsync();
        var own = await page.Locator("#outputs a.output").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.name)");
        Assert.StartsWith("按县分发/430582_", Assert.Single(own), StringComparison.Ordinal);
        var book = await page.RunAndWaitForDownloadAsync(() => page.Locator("#outputs a.output").ClickAsync());
        Assert.StartsWith("批次1_430582_", book.SuggestedFilename, StringComparison.Ordinal);
        foreach (string other in new[] { "dropout_suspect.csv", "比对报告.html", names.First(n => n.StartsWith("按县分发/", StringComparison.Ordinal) && !n.StartsWith("按县分发/430582_", StringComparison.Ordinal)) })
            Assert.Equal(404, (await page.APIRequest.GetAsync($"Rounds/Detail/1?handler=Output&name={Uri.EscapeDataString(other)}")).Status);

        await using var db = f.Context();
        var downloads = await db.Audit.Where(a => a.Action == AuditActions.DownloadOutput && a.Target == "批次 1").Select(a => new { a.UserName, a.Detail }).ToListAsync();
        Assert.Contains(downloads, d => d.UserName == "sheng" && d.Detail.Contains("比对报告.html", StringComparison.Ordinal));
        Assert.Contains(downloads, d => d.UserName == "shaodong.jy" && d.Detail.Contains("含完整证件号码", StringComparison.Ordinal));
    }
}

[Collection(SqliteWeb.Name)]
public sealed class SqliteRoundOutputsBrowserTests(SqliteWebApp f) : RoundOutputsBrowserTests<SqliteWebApp>(f);

[Collection(PostgresWeb.Name)]
public sealed class PostgresRoundOutputsBrowserTests(PostgresWebApp f) : RoundOutputsBrowserTests<PostgresWebApp>(f);

[Collection(ProxiedWeb.Name)]
public sealed class ProxiedRoundOutputsBrowserTests(ProxiedWebApp f) : RoundOutputsBrowserTests<ProxiedWebApp>(f);
