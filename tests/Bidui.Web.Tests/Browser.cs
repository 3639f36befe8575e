using Bidui.Web.Demo;
using Bidui.Workflow.Tests;
using Microsoft.Playwright;

namespace Bidui.Web.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (ExecutablePath, no `playwright install`), one context per
/// test. Without /usr/bin/chromium a test reports as skipped; under CI=true it fails.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    public static async Task<Browser> OpenAsync(Uri baseAddress, bool acceptDownloads = false)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!File.Exists(Chromium))
        {
            Assert.False(TestStores.InCi, $"CI=true but {Chromium} is missing: the browser test cannot run.");
            Skip.If(true, $"{Chromium} is missing: this browser test did not run.");
        }
        var playwright = await Playwright.CreateAsync();
        // Root in a container: no sandbox; a small /dev/shm: use /tmp.
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-dev-shm-usage"] });
        var context = await browser.NewContextAsync(new()
        {
            // With the trailing slash: pages are opened by relative paths, so that the app's path base stays.
            BaseURL = baseAddress.ToString(), Locale = "zh-CN", ViewportSize = new() { Width = 1400, Height = 900 }, AcceptDownloads = acceptDownloads,
        });
        var page = await context.NewPageAsync();
        // Generous: the machine is shared, and a step that waits 30 s under load is slow, not broken.
        page.SetDefaultTimeout(90_000);
        Assertions.SetDefaultExpectTimeout(90_000);
        return new Browser(playwright, browser, context, page);
    }

    public async Task SignInAsync(string userName, string password = DemoAccounts.Password)
    {
        await Page.GotoAsync("Account/Login");
        await Page.FillAsync("input[name=UserName]", userName);
        await Page.FillAsync("input[name=Password]", password);
        await Page.ClickAsync("form button[type=submit]");
        await Assertions.Expect(Page.Locator("#who")).ToBeVisibleAsync();
    }

    public async Task SignOutAsync()
    {
        await Page.ClickAsync("header form button");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("登录");
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await _browser.CloseAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
