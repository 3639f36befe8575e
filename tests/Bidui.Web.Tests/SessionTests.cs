using System.Net;
using System.Text.RegularExpressions;
using Bidui.Web.Hosting;
using Bidui.Workflow.Store;
using Bidui.Workflow.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bidui.Web.Tests;

/// <summary>A store without users gets one administrator with a printed password; idle sessions expire.</summary>
public sealed partial class SessionTests
{
    [Fact]
    public async Task First_start_creates_an_administrator_and_an_idle_session_expires()
    {
        var console = new StringWriter();
        var store = StoreOptions.Sqlite(TestStores.NewDataDirectory());
        await using var app = await BiduiWebApp.BuildAsync(new WebOptions(store, "http://127.0.0.1:0") { SessionTimeout = TimeSpan.FromSeconds(4), Console = console });
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            string password = PasswordPattern().Match(console.ToString()).Groups[1].Value;
            Assert.NotEmpty(password);

            using var client = await SignedInClient.SignInAsync(address, "admin", password);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Rounds")).StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(6));
            var expired = await client.GetAsync("/Rounds");
            Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
            Assert.StartsWith("/Account/Login", expired.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [GeneratedRegex("初始密码 (\\S+)（")]
    private static partial Regex PasswordPattern();
}
