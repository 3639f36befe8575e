using System.Net;
using Bidui.Web.Demo;
using Bidui.Workflow.Store;
using Bidui.Workflow.Tests;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Web.Tests;

/// <summary>A decision sent from a page that shows an older state of the case is refused with 409 and the current state.</summary>
public abstract class CaseConflictPageTests<TFixture>(TFixture f) where TFixture : WebAppFixture
{
    [SkippableFact]
    public async Task An_approval_from_an_outdated_page_is_refused_and_the_page_shows_the_current_state()
    {
        TestStores.Require(f.Available);
        long id;
        int version;
        await using (var db = f.Context())
        {
            var found = await db.Cases.Where(c => c.RoundId == 1 && c.CountyCode == DemoAccounts.Shaodong && c.Category == "dropout_suspect" && c.State == CaseState.Open)
                .OrderByDescending(c => c.Id).Select(c => new { c.Id, c.Version }).FirstAsync();
            (id, version) = (found.Id, found.Version);
        }
        string V(int step) => (version + step).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var client = await SignedInClient.SignInAsync(f.BaseAddress, "shaodong.jy", DemoAccounts.Password);

        var submitted = await client.PostAsync($"/Cases/Detail/{id}?handler=Submit", new() { ["result"] = "死亡", ["version"] = V(0) });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var returned = await client.PostAsync($"/Cases/Detail/{id}?handler=Return", new() { ["note"] = "请补充死亡证明", ["version"] = V(1) });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        // A second tab still shows the submitted case and approves it.
        var stale = await client.PostAsync($"/Cases/Detail/{id}?handler=Approve", new() { ["note"] = "同意", ["version"] = V(1) });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        string html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("您的操作未生效", html, StringComparison.Ordinal);
        Assert.Contains("已退回", html, StringComparison.Ordinal);
        await using var check = f.Context();
        Assert.Equal(CaseState.Returned, await check.Cases.Where(c => c.Id == id).Select(c => c.State).SingleAsync());
    }
}

[Collection(SqliteWeb.Name)]
public sealed class SqliteCaseConflictPageTests(SqliteWebApp f) : CaseConflictPageTests<SqliteWebApp>(f);

[Collection(PostgresWeb.Name)]
public sealed class PostgresCaseConflictPageTests(PostgresWebApp f) : CaseConflictPageTests<PostgresWebApp>(f);
