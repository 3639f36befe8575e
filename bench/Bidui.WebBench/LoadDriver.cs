using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Bidui.WebBench;

/// <summary>A signed-in user of the bench: their own cookies, their county, and the cases they may open.</summary>
internal sealed partial class BenchUser : IDisposable
{
    private readonly HttpClient _http;

    private BenchUser(Uri baseAddress, string userName, int county)
    {
        UserName = userName;
        County = county;
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public string UserName { get; }
    public int County { get; }
    public Random Random { get; } = new(Environment.TickCount);

    /// <summary>Signs in through the login form, antiforgery token included, as a browser does.</summary>
    public static async Task<BenchUser> SignInAsync(Uri baseAddress, string userName, string password, int county)
    {
        var user = new BenchUser(baseAddress, userName, county);
        string login = await user._http.GetStringAsync(new Uri("Account/Login", UriKind.Relative));
        var token = TokenPattern().Match(login);
        if (!token.Success) throw new InvalidOperationException("the login page has no antiforgery token");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token.Groups[1].Value,
        });
        var response = await user._http.PostAsync(new Uri("Account/Login", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in of {userName} answered {(int)response.StatusCode}");
        return user;
    }

    /// <summary>Cases this user may approve (id, version), submitted for the bulk-approve page.</summary>
    public Queue<(long Id, int Version)> Submitted { get; } = new();

    private string? _token;

    /// <summary>A GET, read to the end; null when it succeeded, else what went wrong.</summary>
    public Task<string?> GetAsync(string path) => SendAsync(path, null, null);

    /// <summary>批量审核通过 of the next 500 submitted cases, as the list's form posts it (antiforgery token in the header, as htmx sends it).</summary>
    public async Task<string?> BulkApproveAsync(int count)
    {
        if (Submitted.Count < count) return "no submitted cases left to approve";
        _token ??= HeaderTokenPattern().Match(await _http.GetStringAsync(new Uri("Dashboard", UriKind.Relative))).Groups[1].Value;
        var fields = new List<KeyValuePair<string, string>> { new("action", "Approve") };
        for (int i = 0; i < count; i++)
        {
            var (id, version) = Submitted.Dequeue();
            fields.Add(new("items", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id}:{version}")));
        }
        return await SendAsync("Cases/Bulk", fields, $"id=\"bulk-done\">{count}<");
    }

    private async Task<string?> SendAsync(string path, List<KeyValuePair<string, string>>? form, string? expect)
    {
        try
        {
            using var request = new HttpRequestMessage(form is null ? HttpMethod.Get : HttpMethod.Post, new Uri(path.TrimStart('/'), UriKind.Relative));
            if (form is not null)
            {
                request.Content = new FormUrlEncodedContent(form);
                request.Headers.Add("RequestVerificationToken", _token);
            }
            using var response = await _http.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK) return $"{(int)response.StatusCode} {path}";
            if (expect is not null && !body.Contains(expect, StringComparison.Ordinal)) return "not all done: " + path;
            return body.Length == 0 ? "empty page " + path : null;
        }
#pragma warning disable CA1031 // A failed request is a figure of the bench, not its end.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex.GetType().Name + " " + path;
        }
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("\"RequestVerificationToken\": \"([^\"]+)\"")]
    private static partial Regex HeaderTokenPattern();
}

/// <summary>
/// One page a county officer uses: its name and how a user makes the next request (null when it succeeded).
/// <paramref name="PerUser"/>: a fixed number of requests a user (for pages that use up data, as a bulk approval
/// does), instead of as many as the time allows.
/// </summary>
internal sealed record PageSpec(string Name, Func<BenchUser, Task<string?>> Request, int? PerUser = null)
{
    public static PageSpec Get(string name, Func<BenchUser, string> url) => new(name, u => u.GetAsync(url(u)));
}

internal sealed record PageResult(string Name, long Requests, long Errors, double Seconds, double P50, double P99, IReadOnlyList<string> ErrorSamples)
{
    public double PerSecond => Requests / Seconds;
}

/// <summary>Drives pages with every user at once, each user one request after another (a closed loop, as people work).</summary>
internal static class LoadDriver
{
    /// <summary>Every user requests the page until the time is up; latencies of successful and failed requests alike.</summary>
    public static async Task<PageResult> RunAsync(PageSpec page, IReadOnlyList<BenchUser> users, TimeSpan duration)
    {
        // Warm-up: each user's first requests (connection, first plans) are not measured.
        await Task.WhenAll(users.Select(async u => { await page.Request(u); await page.Request(u); }));
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(users.Select(async u =>
        {
            for (int n = 0; page.PerUser is { } max ? n < max : clock.Elapsed < duration; n++)
            {
                long start = Stopwatch.GetTimestamp();
                var error = await page.Request(u);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (error is not null) errors.Enqueue(error);
            }
        }));
        double seconds = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        return new PageResult(page.Name, sorted.Length, errors.Count, seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99), [.. errors.Take(5)]);
    }

    /// <summary>Users working through the pages in turn until <paramref name="stop"/>: requests and failures.</summary>
    public static async Task<(long Requests, long Errors, IReadOnlyList<string> Samples, double P99)> WorkUntilAsync(
        IReadOnlyList<PageSpec> pages, IReadOnlyList<BenchUser> users, CancellationToken stop, TimeSpan think = default)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentQueue<string>();
        await Task.WhenAll(users.Select(async (u, i) =>
        {
            for (int n = i; !stop.IsCancellationRequested; n++)
            {
                long start = Stopwatch.GetTimestamp();
                var error = await pages[n % pages.Count].Request(u);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (error is not null) errors.Enqueue(error);
                // An officer reading the page before the next click (--think-ms); none: each user as fast as the server answers.
                if (think > TimeSpan.Zero) await Task.Delay(think, CancellationToken.None);
            }
        }));
        var sorted = latencies.Order().ToArray();
        return (sorted.Length, errors.Count, [.. errors.Take(5)], Percentile(sorted, 0.99));
    }

    private static double Percentile(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Floor(q * (sorted.Length - 1))];
}
