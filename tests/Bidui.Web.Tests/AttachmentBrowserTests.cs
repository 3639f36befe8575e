using Bidui.Web.Pages.Cases;
using Bidui.Workflow.Store;
using Bidui.Workflow.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bidui.Web.Tests;

/// <summary>
/// Attachments on the case page in Chromium: added later without a submission, a photo previewed in the browser (a PDF
/// inline too, under a policy that runs nothing; other types only download), and one deleted before submission.
/// </summary>
public abstract class AttachmentBrowserTests<TFixture>(TFixture f) where TFixture : WebAppFixture
{
    // A real 1×1 PNG: the browser must decode it.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [SkippableFact]
    public async Task A_county_adds_evidence_later_previews_a_photo_and_deletes_a_file_before_submitting()
    {
        TestStores.Require(f.Available);
        long caseId;
        await using (var db = f.Context())
            // An untouched dropout case of 邵东市 from the low end (the conflict test takes the high end): the county education office answers it.
            caseId = await db.Cases.Where(c => c.RoundId == 1 && c.CountyCode == 430582 && c.Category == "dropout_suspect" && c.State == CaseState.Open && !c.Events.Any())
                .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        string dir = Path.Combine(f.Store.DataDirectory, "upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string photo = Path.Combine(dir, "入户照片.png"), pdf = Path.Combine(dir, "证明.pdf"), text = Path.Combine(dir, "说明.txt");
        await File.WriteAllBytesAsync(photo, Png);
        await File.WriteAllTextAsync(pdf, "%PDF-1.4\n%%EOF\n");
        await File.WriteAllTextAsync(text, "<html><script>alert(1)</script></html>");

        await using var browser = await Browser.OpenAsync(f.BaseAddress);
        var page = browser.Page;
        var cspErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) cspErrors.Add(m.Text); };
        await browser.SignInAsync("shaodong.jy");
        await page.GotoAsync($"Cases/Detail/{caseId}");
        await page.SetInputFilesAsync("#attach-form input[name=Files]", [photo, pdf, text]);
        await page.ClickAsync("#attach");
        await Expect(page.Locator(".notice")).ToHaveTextAsync("已上传 3 个附件。");
        await Expect(page.Locator("#case-state")).ToHaveTextAsync("待核查");
        var items = page.Locator("#attachments li");
        await Expect(items).ToHaveCountAsync(3);
        // Photos and PDF have a preview; the text file only downloads.
        await Expect(page.Locator("#attachments li", new() { HasText = "说明.txt" }).Locator("a.attachment-preview")).ToHaveCountAsync(0);

        string href = (await page.Locator("#attachments li", new() { HasText = "入户照片.png" }).Locator("a.attachment-preview").GetAttributeAsync("href"))!;
        var preview = await browser.Context.NewPageAsync();
        var response = await preview.GotoAsync(href);
        Assert.NotNull(response);
        Assert.Equal("image/png", response.Headers["content-type"]);
        Assert.Equal("nosniff", response.Headers["x-content-type-options"]);
        Assert.Equal(DetailModel.PreviewContentSecurityPolicy, response.Headers["content-security-policy"]);
        Assert.StartsWith("inline", response.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal(1, await preview.EvaluateAsync<int>("() => document.images[0].naturalWidth"));
        await preview.CloseAsync();

        string pdfHref = (await page.Locator("#attachments li", new() { HasText = "证明.pdf" }).Locator("a.attachment-preview").GetAttributeAsync("href"))!;
        var pdfResponse = await page.APIRequest.GetAsync(pdfHref);
        Assert.Equal(("application/pdf", "nosniff"), (pdfResponse.Headers["content-type"], pdfResponse.Headers["x-content-type-options"]));
        Assert.StartsWith("inline", pdfResponse.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal(DetailModel.PreviewContentSecurityPolicy, pdfResponse.Headers["content-security-policy"]);
        // Asked for a preview, the text file still downloads as bytes: nothing but photos and PDF is shown in place.
        string textHref = (await page.Locator("#attachments li", new() { HasText = "说明.txt" }).Locator("a.attachment-download").GetAttributeAsync("href"))!;
        var textResponse = await page.APIRequest.GetAsync(textHref + "&preview=true");
        Assert.Equal("application/octet-stream", textResponse.Headers["content-type"]);
        Assert.StartsWith("attachment", textResponse.Headers["content-disposition"], StringComparison.Ordinal);

        // Delete the text file (the page asks first), before any submission.
        string stored;
        await using (var db = f.Context())
            stored = await db.Attachments.Where(a => a.CaseId == caseId && a.FileName == "说明.txt").Select(a => a.StoredName).SingleAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.Locator("#attachments li", new() { HasText = "说明.txt" }).Locator("form.attachment-delete button").ClickAsync();
        await Expect(page.Locator(".notice")).ToHaveTextAsync("附件已删除。");
        await Expect(items).ToHaveCountAsync(2);
        Assert.False(File.Exists(Path.Combine(f.Store.AttachmentsDirectory, stored)));
        await Expect(page.Locator("#history")).ToContainTextAsync("删除附件");

        // Once submitted, the evidence can no longer be deleted.
        await page.SelectOptionAsync("#result", "省外就读无学籍");
        await page.ClickAsync("#submit");
        await Expect(page.Locator("#case-state")).ToHaveTextAsync("待审核");
        await Expect(page.Locator("form.attachment-delete")).ToHaveCountAsync(0);
        Assert.Empty(cspErrors);
        Directory.Delete(dir, recursive: true);
    }
}

[Collection(SqliteWeb.Name)]
public sealed class SqliteAttachmentBrowserTests(SqliteWebApp f) : AttachmentBrowserTests<SqliteWebApp>(f);

[Collection(PostgresWeb.Name)]
public sealed class PostgresAttachmentBrowserTests(PostgresWebApp f) : AttachmentBrowserTests<PostgresWebApp>(f);

[Collection(ProxiedWeb.Name)]
public sealed class ProxiedAttachmentBrowserTests(ProxiedWebApp f) : AttachmentBrowserTests<ProxiedWebApp>(f);
