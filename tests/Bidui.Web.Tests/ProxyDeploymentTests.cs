using System.Net;
using System.Text.RegularExpressions;
using Bidui.Web.Demo;
using Bidui.Workflow.Tests;

namespace Bidui.Web.Tests;

/// <summary>
/// Behind a reverse proxy that terminates HTTPS and serves the app under /bidui/: redirects keep the
/// scheme and the path, assets load, cookies are Secure, HSTS is sent over HTTPS only.
/// </summary>
[Collection(ProxiedWeb.Name)]
public sealed partial class ProxyDeploymentTests(ProxiedWebApp f)
{
    private const string Base = ProxiedWebApp.PathBase;

    /// <summary>Requests as the proxy forwards them: to the server, with X-Forwarded-Proto https.</summary>
    private HttpClient Proxy() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = f.ServerAddress };

    private static HttpRequestMessage Forwarded(HttpMethod method, string path, string? cookie = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.23");
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return request;
    }

    [Fact]
    public async Task Sign_in_redirects_keep_https_and_the_path_and_cookies_are_secure()
    {
        using var http = Proxy();
        // Not signed in: to the sign-in page, over https, under the path base, coming back to where it was.
        var home = await http.SendAsync(Forwarded(HttpMethod.Get, Base + "/Cases"));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        var login = home.Headers.Location!;
        Assert.Equal("https", login.Scheme);
        Assert.StartsWith(Base + "/Account/Login?ReturnUrl=%2Fbidui%2FCases", login.PathAndQuery, StringComparison.Ordinal);

        var page = await http.SendAsync(Forwarded(HttpMethod.Get, Base + "/Account/Login"));
        Assert.True(page.Headers.Contains("Strict-Transport-Security"), "HSTS over HTTPS");
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"href=\"{Base}/assets/site.css\"", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"{Base}/assets/htmx.min.js\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Forwarded(HttpMethod.Get, Base + "/assets/site.css"))).StatusCode);
        string antiforgery = page.Headers.GetValues("Set-Cookie").First();
        Assert.Contains("secure", antiforgery.ToLowerInvariant(), StringComparison.Ordinal);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "shaodong.jy", ["Password"] = DemoAccounts.Password, ["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value,
        });
        var post = Forwarded(HttpMethod.Post, Base + "/Account/Login", antiforgery.Split(';')[0]);
        post.Content = form;
        var signedIn = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(Base + "/Dashboard", signedIn.Headers.Location!.OriginalString);
        string authCookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bidui.auth=", StringComparison.Ordinal));
        string auth = authCookie.ToLowerInvariant();
        Assert.Contains("secure", auth, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", auth, StringComparison.Ordinal);

        // Every link of a signed-in page stays under the path base.
        var cases = await http.SendAsync(Forwarded(HttpMethod.Get, Base + "/Cases", authCookie.Split(';')[0]));
        Assert.Equal(HttpStatusCode.OK, cases.StatusCode);
        string list = await cases.Content.ReadAsStringAsync();
        var links = HrefPattern().Matches(list).Select(m => m.Groups[1].Value).Where(h => h.StartsWith('/')).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, h => Assert.StartsWith(Base + "/", h, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_http_gets_no_hsts_and_no_secure_cookie()
    {
        using var http = Proxy();
        var page = await http.GetAsync(new Uri(Base + "/Account/Login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", page.Headers.GetValues("Set-Cookie").First().ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_lies_outside_the_path_base_is_not_the_app_and_sets_no_cookie()
    {
        using var http = Proxy();
        // A browser asks for /favicon.ico at the root: a page there would set an antiforgery cookie at "/"
        // that the browser then sends before the app's own, and the next form would fail.
        var icon = await http.SendAsync(Forwarded(HttpMethod.Get, "/favicon.ico"));
        Assert.Equal(HttpStatusCode.NotFound, icon.StatusCode);
        Assert.False(icon.Headers.Contains("Set-Cookie"));
        var root = await http.SendAsync(Forwarded(HttpMethod.Get, "/"));
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal(Base + "/", root.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("(?:href|src|action|hx-get|hx-post)=\"([^\"]+)\"")]
    private static partial Regex HrefPattern();
}
