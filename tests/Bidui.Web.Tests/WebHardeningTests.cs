using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Bidui.Web.Demo;
using Bidui.Web.Hosting;
using Bidui.Workflow.Store;
using Bidui.Workflow.Tests;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Web.Tests;

/// <summary>
/// What a stranger, a careless upload or a server in another time zone meets: body limits per
/// endpoint, security headers, Chinese error pages, sign-in answers that reveal nothing and lock no
/// one out, a new-user form that grants nothing by default, China time, owner-only data files.
/// </summary>
public abstract partial class WebHardeningTests<TFixture>(TFixture f) where TFixture : WebAppFixture
{
    private HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = f.BaseAddress };

    [SkippableFact]
    public async Task Anonymous_bodies_are_small_and_refused_before_they_are_read()
    {
        TestStores.Require(f.Available);
        using var http = Anonymous();
        // Declared: refused on the Content-Length, without reading a byte.
        using var big = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        big.Headers.ContentType = new("application/x-www-form-urlencoded");
        // Expect: 100-continue, as curl sends it: the client waits for the server before sending the body,
        // and the server answers at once, so no byte of it is ever sent (and no race with the server closing).
        using var declaredRequest = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative)) { Content = big };
        declaredRequest.Headers.ExpectContinue = true;
        var declared = await http.SendAsync(declaredRequest);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Contains("超过允许的大小", await declared.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Undeclared (chunked): stopped at the limit.
        // 64 KB: four times the limit, yet small enough that the server's transport has taken it all from
        // the socket when it answers and closes (a larger body left unread there makes the close a reset).
        using var chunked = new StreamContent(new MemoryStream(new byte[64 * 1024]));
        chunked.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative)) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var undeclared = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, undeclared.StatusCode);

        // A signed-in user's ordinary form is small too; only upload pages take files.
        using var client = await SignedInClient.SignInAsync(f.BaseAddress, "longhui.jy", DemoAccounts.Password);
        var form = await client.PostAsync("/Password", new() { ["Current"] = new string('x', 400_000), ["Next"] = "x" });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, form.StatusCode);
    }

    [SkippableFact]
    public async Task Responses_carry_the_security_headers_and_no_server_name()
    {
        TestStores.Require(f.Available);
        using var http = Anonymous();
        var response = await http.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        string scripts = csp.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("script-src", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scripts);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(response.Headers.Contains("Server"), "no Server header");
        // Plain HTTP (no proxy saying HTTPS): no HSTS.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        // No page has inline script: every <script> has a src or holds JSON data.
        using var client = await SignedInClient.SignInAsync(f.BaseAddress, "sheng", DemoAccounts.Password);
        foreach (string path in new[] { "/Dashboard", "/Cases", "/Rounds", "/Rounds/Detail/1", "/Users", "/Audit" })
        {
            string html = await client.GetStringAsync(path);
            Assert.All(ScriptPattern().Matches(html), m => Assert.Matches("src=|type=\"application/json\"", m.Value));
            Assert.DoesNotMatch(" on[a-z]+=\"", html);
        }
    }

    [SkippableFact]
    public async Task A_missing_page_is_a_chinese_404_without_server_details()
    {
        TestStores.Require(f.Available);
        using var client = await SignedInClient.SignInAsync(f.BaseAddress, "longhui.jy", DemoAccounts.Password);
        foreach (string path in new[] { "/no/such/page", "/Cases/Detail/99999999", "/Rounds/Detail/99999" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            string html = await response.Content.ReadAsStringAsync();
            Assert.Contains("页面不存在", html, StringComparison.Ordinal);
            Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain(f.Store.DataDirectory, html, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task The_session_cookie_is_lax_http_only_and_a_link_from_outside_opens_signed_in()
    {
        TestStores.Require(f.Available);
        using var http = Anonymous();
        var page = await http.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        string login = await page.Content.ReadAsStringAsync();
        var antiforgery = page.Headers.GetValues("Set-Cookie").First();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "longhui.jy", ["Password"] = DemoAccounts.Password,
            ["__RequestVerificationToken"] = TokenPattern().Match(login).Groups[1].Value,
        });
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative)) { Content = form };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        string authCookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bidui.auth=", StringComparison.Ordinal));
        string auth = authCookie.ToLowerInvariant();
        Assert.Contains("samesite=lax", auth, StringComparison.Ordinal);
        Assert.Contains("httponly", auth, StringComparison.Ordinal);
        // A top-level navigation from WeChat or OA carries a Lax cookie: the page opens signed in.
        using var link = new HttpRequestMessage(HttpMethod.Get, new Uri("/Cases", UriKind.Relative));
        link.Headers.Add("Cookie", authCookie.Split(';')[0]);
        link.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(link)).StatusCode);
    }

    [SkippableFact]
    public async Task Sign_in_answers_tell_nothing_about_names_and_strangers_lock_no_one_out()
    {
        TestStores.Require(f.Available);
        using var http = Anonymous();
        async Task<(HttpStatusCode, string)> TryAsync(string name, string password, string from)
        {
            var page = await http.GetAsync(new Uri("/Account/Login", UriKind.Relative));
            string html = await page.Content.ReadAsStringAsync();
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = name, ["Password"] = password, ["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value,
            });
            using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative)) { Content = form };
            post.Headers.Add("Cookie", page.Headers.GetValues("Set-Cookie").First().Split(';')[0]);
            // The proxy (loopback, trusted) says where the client is.
            post.Headers.Add("X-Forwarded-For", from);
            var response = await http.SendAsync(post);
            string body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, ErrorPattern().Match(body).Groups[1].Value);
        }
        string stranger = "203.0.113." + Random.Shared.Next(1, 250).ToString(CultureInfo.InvariantCulture);
        var known = new List<(HttpStatusCode, string)>();
        var unknown = new List<(HttpStatusCode, string)>();
        for (int i = 0; i < 6; i++)
        {
            known.Add(await TryAsync("shaodong.xc", "guess-" + i, stranger));
            unknown.Add(await TryAsync("nobody-" + stranger, "guess-" + i, stranger));
        }
        Assert.Equal(known.Select(k => k.Item1), unknown.Select(u => u.Item1));
        Assert.Equal(known.Select(k => Regex.Replace(k.Item2, @"\d\d:\d\d", "")), unknown.Select(u => Regex.Replace(u.Item2, @"\d\d:\d\d", "")));
        Assert.Contains(known, k => k.Item2.Contains("请于", StringComparison.Ordinal));
        // The officer at the county office is not locked out by the stranger.
        var office = await TryAsync("shaodong.xc", DemoAccounts.Password, "10.43.5.82");
        Assert.Equal(HttpStatusCode.Redirect, office.Item1);
    }

    [SkippableFact]
    public async Task The_new_user_form_grants_no_role_by_default()
    {
        TestStores.Require(f.Available);
        using var client = await SignedInClient.SignInAsync(f.BaseAddress, "sheng", DemoAccounts.Password);
        string html = await client.GetStringAsync("/Users");
        var select = SelectPattern().Match(html).Value;
        Assert.Matches("<option value=\"\" selected(=\"selected\")?>请选择角色</option>", select);
        Assert.Single(Regex.Matches(select, "selected"));
        var refused = await client.PostAsync("/Users", new() { ["UserName"] = "noroles", ["DisplayName"] = "x", ["RegionCode"] = "430524", ["Password"] = "Nq4!wE7r@tYu" });
        Assert.Contains("请选择角色", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = f.Context();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "noroles"));
    }

    [SkippableFact]
    public async Task Times_are_shown_and_searched_in_china_time()
    {
        TestStores.Require(f.Available);
        string marker = "时区测试" + Guid.NewGuid().ToString("N")[..6];
        await using (var db = f.Context())
        {
            // 00:30 UTC on 1 January is 08:30 in Beijing; 17:00 UTC on 31 December is already 1 January there.
            db.Audit.Add(new AuditEntry { At = new DateTime(2026, 1, 1, 0, 30, 0, DateTimeKind.Utc), UserName = "tz", Action = "测试", Target = marker, Detail = "" });
            db.Audit.Add(new AuditEntry { At = new DateTime(2025, 12, 31, 17, 0, 0, DateTimeKind.Utc), UserName = "tz", Action = "测试", Target = marker, Detail = "" });
            await db.SaveChangesAsync();
        }
        using var auditor = await SignedInClient.SignInAsync(f.BaseAddress, "shenji", DemoAccounts.Password);
        string html = await auditor.GetStringAsync($"/Audit?Text={Uri.EscapeDataString(marker)}&From=2026-01-01&To=2026-01-01");
        Assert.Contains("2026-01-01 08:30:00", html, StringComparison.Ordinal);
        Assert.Contains("2026-01-01 01:00:00", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_data_folder_and_store_files_are_the_service_accounts_alone()
    {
        TestStores.Require(f.Available);
        if (OperatingSystem.IsWindows()) throw new SkipException("Unix file modes only.");
        Assert.Equal(DataFolder.OwnerOnlyDirectory, File.GetUnixFileMode(f.Store.DataDirectory));
        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        var files = Directory.EnumerateFiles(f.Store.DataDirectory, "bidui.db*")
            .Concat(Directory.EnumerateFiles(Path.Combine(f.Store.DataDirectory, "rounds"), "*", SearchOption.AllDirectories).Where(p => p.Contains("inputs", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files) Assert.True((File.GetUnixFileMode(file) & others) == 0, $"{Path.GetFileName(file)} is readable by others");
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<div class=\"error\" id=\"login-error\">([^<]*)</div>")]
    private static partial Regex ErrorPattern();

    [GeneratedRegex("<select name=\"Role\"[^>]*>[\\s\\S]*?</select>")]
    private static partial Regex SelectPattern();
}

[Collection(SqliteWeb.Name)]
public sealed class SqliteWebHardeningTests(SqliteWebApp f) : WebHardeningTests<SqliteWebApp>(f);

[Collection(PostgresWeb.Name)]
public sealed class PostgresWebHardeningTests(PostgresWebApp f) : WebHardeningTests<PostgresWebApp>(f);
