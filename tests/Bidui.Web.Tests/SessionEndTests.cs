using System.Net;
using Bidui.Web.Demo;
using Bidui.Workflow.Store;
using Bidui.Workflow.Tests;

namespace Bidui.Web.Tests;

/// <summary>
/// Sessions are checked against the account on every request: 退出 ends every session of the
/// account (a cookie saved before it is dead), and a deactivated account loses its open sessions.
/// </summary>
public abstract class SessionEndTests<TFixture>(TFixture f) where TFixture : WebAppFixture
{
    private const string Password = "Shaodong#Officer7";

    private static async Task AssertSignedOutAsync(SignedInClient client)
    {
        var response = await client.GetAsync("/Cases");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Signing_out_ends_every_session_of_the_account_and_a_saved_cookie()
    {
        TestStores.Require(f.Available);
        var user = await f.CreateUserAsync(Role.CountyEducation, DemoAccounts.Shaodong, Password);
        using var office = await SignedInClient.SignInAsync(f.BaseAddress, user.UserName, Password);
        using var home = await SignedInClient.SignInAsync(f.BaseAddress, user.UserName, Password);
        Assert.Contains("核查任务", await office.GetStringAsync("/Cases"), StringComparison.Ordinal);
        using var copied = SignedInClient.WithCookies(f.BaseAddress, office.CookieHeader);
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/Cases")).StatusCode);

        var signOut = await office.PostAsync("/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        await AssertSignedOutAsync(office);
        await AssertSignedOutAsync(copied);
        await AssertSignedOutAsync(home);
        // Signing in again works, with a new session.
        using var again = await SignedInClient.SignInAsync(f.BaseAddress, user.UserName, Password);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Cases")).StatusCode);
    }

    [SkippableFact]
    public async Task A_deactivated_account_loses_its_open_session_at_once()
    {
        TestStores.Require(f.Available);
        var user = await f.CreateUserAsync(Role.CountyEducation, DemoAccounts.Shaodong, Password);
        using var officer = await SignedInClient.SignInAsync(f.BaseAddress, user.UserName, Password);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Cases")).StatusCode);

        using var admin = await SignedInClient.SignInAsync(f.BaseAddress, "sheng", DemoAccounts.Password);
        var saved = await admin.PostAsync("/Users?handler=Reset", new() { ["id"] = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["active"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await AssertSignedOutAsync(officer);
        long caseId;
        await using (var db = f.Context())
            caseId = db.Cases.Where(c => c.CountyCode == DemoAccounts.Shaodong).Select(c => c.Id).First();
        var detail = await officer.GetAsync($"/Cases/Detail/{caseId}");
        Assert.Equal(HttpStatusCode.Redirect, detail.StatusCode);
    }
}

[Collection(SqliteWeb.Name)]
public sealed class SqliteSessionEndTests(SqliteWebApp f) : SessionEndTests<SqliteWebApp>(f);

[Collection(PostgresWeb.Name)]
public sealed class PostgresSessionEndTests(PostgresWebApp f) : SessionEndTests<PostgresWebApp>(f);
