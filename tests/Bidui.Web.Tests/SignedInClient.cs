using System.Net;
using System.Text.RegularExpressions;

namespace Bidui.Web.Tests;

/// <summary>An HTTP client with its own cookies, signed in through the login form (antiforgery token included).</summary>
public sealed partial class SignedInClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly CookieContainer _cookies = new();
    private readonly Uri _baseAddress;

    private SignedInClient(Uri baseAddress)
    {
        _baseAddress = baseAddress;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        // A body goes out only once the server asks for it: one it refuses unread (413) is never sent.
        _http.DefaultRequestHeaders.ExpectContinue = true;
    }

    /// <summary>The cookies as a browser would send them (to replay a saved session elsewhere).</summary>
    public string CookieHeader => _cookies.GetCookieHeader(_baseAddress);

    /// <summary>A client that presents saved cookies, as someone who copied them would.</summary>
    public static SignedInClient WithCookies(Uri baseAddress, string cookieHeader)
    {
        var client = new SignedInClient(baseAddress);
        client._cookies.SetCookies(baseAddress, cookieHeader.Replace("; ", ",", StringComparison.Ordinal));
        return client;
    }

    public static async Task<SignedInClient> SignInAsync(Uri baseAddress, string userName, string password)
    {
        var client = new SignedInClient(baseAddress);
        var token = await client.TokenAsync("/Account/Login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token,
        });
        var response = await client._http.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> GetStringAsync(string path)
    {
        var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>POST with the antiforgery token a page of the app hands out, as htmx sends it.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string>? fields = null)
    {
        string token = await TokenAsync("/Dashboard");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields ?? []) };
        request.Headers.Add("RequestVerificationToken", token);
        return await _http.SendAsync(request);
    }

    /// <summary>A multipart POST (file uploads) with the antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string path, MultipartFormDataContent content)
    {
        string token = await TokenAsync("/Dashboard");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        return await _http.SendAsync(request);
    }

    private async Task<string> TokenAsync(string path)
    {
        string html = await (await GetAsync(path)).Content.ReadAsStringAsync();
        var m = TokenPattern().Match(html);
        if (m.Success) return m.Groups[1].Value;
        m = HeaderTokenPattern().Match(html);
        Assert.True(m.Success, "the page hands out an antiforgery token");
        return m.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("\"RequestVerificationToken\": \"([^\"]+)\"")]
    private static partial Regex HeaderTokenPattern();

    public void Dispose() => _http.Dispose();
}
