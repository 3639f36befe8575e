using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Bidui.Workflow.Tests;
using Bidui.Web.Demo;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Web.Tests;

/// <summary>
/// The scoping rule through every page and endpoint that lists, counts, searches or exports cases:
/// signed in as 隆回县's education office, nothing of 邵东市 comes back.
/// </summary>
public abstract partial class PageScopingTests<TFixture>(TFixture f) where TFixture : WebAppFixture
{
    private const int Round = 1;

    private async Task<(HashSet<long> Longhui, List<Case> Shaodong)> CasesAsync()
    {
        await using var db = f.Context();
        var longhui = (await db.Cases.Where(c => c.RoundId == Round && c.CountyCode == DemoAccounts.Longhui).Select(c => c.Id).ToListAsync()).ToHashSet();
        var shaodong = await db.Cases.Where(c => c.RoundId == Round && c.CountyCode == DemoAccounts.Shaodong).OrderBy(c => c.Id).ToListAsync();
        Assert.NotEmpty(longhui);
        Assert.NotEmpty(shaodong);
        return (longhui, shaodong);
    }

    [SkippableFact]
    public async Task Case_list_search_and_detail_show_nothing_of_another_county()
    {
        TestStores.Require(f.Available);
        var (longhui, shaodong) = await CasesAsync();
        using var client = await SignedInClient.SignInAsync(f.BaseAddress, "longhui.jy", DemoAccounts.Password);

        var listed = new HashSet<long>();
        string first = await client.GetStringAsync($"/Cases?RoundId={Round}");
        int total = int.Parse(CountPattern().Match(first).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(longhui.Count, total);
        for (int page = 1; page <= (total + 49) / 50; page++)
            listed.UnionWith(CaseIds(await client.GetStringAsync($"/Cases?RoundId={Round}&p={page}")));
        Assert.Equal(longhui, listed);

        Assert.Empty(CaseIds(await client.GetStringAsync($"/Cases?RoundId={Round}&Region={DemoAccounts.Shaodong}")));
        var other = shaodong.First(c => c.IdNumber.Length == 18);
        Assert.Empty(CaseIds(await client.GetStringAsync($"/Cases?RoundId={Round}&Q={other.IdNumber}")));
        Assert.Subset(longhui, CaseIds(await client.GetStringAsync($"/Cases?RoundId={Round}&Q={Uri.EscapeDataString(other.PersonName)}")).ToHashSet());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Cases/Detail/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/Cases/Detail/{other.Id}?handler=Reveal")).StatusCode);
        var submit = await client.PostAsync($"/Cases/Detail/{other.Id}?handler=Submit", new() { ["result"] = "其他", ["note"] = "x" });
        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);
    }

    /// <summary>A case page shows no full ID number until it is revealed (audited), in whatever column of the list row it stands.</summary>
    [SkippableFact]
    public async Task A_case_page_shows_no_full_id_number_in_any_column_before_it_is_revealed()
    {
        TestStores.Require(f.Available);
        await using var db = f.Context();
        var cases = await db.Cases.Where(c => c.RoundId == Round && c.CountyCode == DemoAccounts.Longhui).OrderBy(c => c.Id).ToListAsync();
        // Every list the county has (the number stands in columns of several names: 证件号码, 学籍身份证件号, 资助身份证件号 …).
        var sample = cases.Where(c => c.IdNumber.Length == 18).GroupBy(c => c.Category).SelectMany(g => g.Take(3)).ToList();
        Assert.True(sample.Select(c => c.Category).Distinct().Count() >= 3);
        using var client = await SignedInClient.SignInAsync(f.BaseAddress, "longhui.jy", DemoAccounts.Password);
        foreach (var c in sample)
        {
            string html = await client.GetStringAsync($"/Cases/Detail/{c.Id}");
            Assert.DoesNotContain(c.IdNumber, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [SkippableFact]
    public async Task Exports_and_feedback_template_hold_only_the_users_county()
    {
        TestStores.Require(f.Available);
        var (longhui, _) = await CasesAsync();
        using var client = await SignedInClient.SignInAsync(f.BaseAddress, "longhui.jy", DemoAccounts.Password);

        var export = await ReadWorkbookAsync(client, $"/Cases?handler=Export&RoundId={Round}&full=true");
        Assert.Equal(longhui.Count, export.Count);
        Assert.All(export, r => Assert.Equal("430524", r["责任县代码"]));
        Assert.Empty(await ReadWorkbookAsync(client, $"/Cases?handler=Export&RoundId={Round}&Region={DemoAccounts.Shaodong}"));

        var template = await ReadWorkbookAsync(client, $"/Feedback?handler=Template&RoundId={Round}");
        Assert.NotEmpty(template);
        Assert.Subset(longhui, template.Select(r => long.Parse(r["任务编号"], CultureInfo.InvariantCulture)).ToHashSet());
    }

    [SkippableFact]
    public async Task Dashboard_counts_only_the_users_county()
    {
        TestStores.Require(f.Available);
        var (longhui, _) = await CasesAsync();
        using var client = await SignedInClient.SignInAsync(f.BaseAddress, "longhui.jy", DemoAccounts.Password);
        foreach (var region in new[] { "", "&Region=430000", "&Region=430500", $"&Region={DemoAccounts.Shaodong}" })
        {
            string html = await client.GetStringAsync($"/Dashboard?RoundId={Round}{region}");
            Assert.Equal(longhui.Count.ToString(CultureInfo.InvariantCulture), TotalPattern().Match(html).Groups[1].Value);
            Assert.DoesNotContain("邵东", html, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Pages_need_sign_in_posts_need_the_antiforgery_token_and_audit_is_for_auditors()
    {
        TestStores.Require(f.Available);
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = f.BaseAddress };
        foreach (var path in new[] { "/Cases", "/Dashboard", "/Rounds", "/Audit", $"/Cases?handler=Export&RoundId={Round}" })
        {
            var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        using var noToken = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "sheng", ["Password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync(new Uri("/Account/Login", UriKind.Relative), noToken)).StatusCode);

        using var county = await SignedInClient.SignInAsync(f.BaseAddress, "longhui.jy", DemoAccounts.Password);
        Assert.NotEqual(HttpStatusCode.OK, (await county.GetAsync("/Audit")).StatusCode);
        using var auditor = await SignedInClient.SignInAsync(f.BaseAddress, "shenji", DemoAccounts.Password);
        string audit = await auditor.GetStringAsync("/Audit?Action=" + Uri.EscapeDataString("登录"));
        Assert.Contains("longhui.jy", audit, StringComparison.Ordinal);
    }

    private static async Task<List<Dictionary<string, string>>> ReadWorkbookAsync(SignedInClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        try
        {
            return TestStores.ReadSheet(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IEnumerable<long> CaseIds(string html) =>
        CaseLinkPattern().Matches(html).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct();

    [GeneratedRegex("href=\"/Cases/Detail/(\\d+)\"")]
    private static partial Regex CaseLinkPattern();

    [GeneratedRegex("共 <b>(\\d+)</b> 条")]
    private static partial Regex CountPattern();

    [GeneratedRegex("id=\"total-cases\">(\\d+)<")]
    private static partial Regex TotalPattern();
}

[Collection(SqliteWeb.Name)]
public sealed class SqlitePageScopingTests(SqliteWebApp f) : PageScopingTests<SqliteWebApp>(f);

[Collection(PostgresWeb.Name)]
public sealed class PostgresPageScopingTests(PostgresWebApp f) : PageScopingTests<PostgresWebApp>(f);
