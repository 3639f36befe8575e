using Bidui.Web;
using Bidui.Web.Hosting;
using Bidui.Workflow.Access;
using Bidui.Workflow.Store;
using Bidui.Workflow.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bidui.Web.Tests;

/// <summary>
/// The real app, as `bidui serve --demo` builds it, on Kestrel at a free port of 127.0.0.1 (a
/// browser cannot reach TestServer). One per store kind, shared by the classes of its collection.
/// </summary>
public abstract class WebAppFixture : IAsyncLifetime
{
    protected abstract StoreProvider Provider { get; }

    public bool Available { get; private set; }
    public StoreOptions Store { get; private set; } = null!;
    /// <summary>Where the app is reached: the server, under the path base when there is one (ends with /).</summary>
    public Uri BaseAddress { get; private set; } = null!;
    /// <summary>The server itself (what a reverse proxy would forward to).</summary>
    public Uri ServerAddress { get; private set; } = null!;
    private WebApplication? _app;

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        if (Provider == StoreProvider.Postgres && TestStores.PostgresServer() is null) return;
        Available = true;
        Store = TestStores.Create(Provider, TestStores.NewDataDirectory());
        var options = new WebOptions(Store, "http://127.0.0.1:0") { Demo = true };
        Configure(options.Deployment);
        _app = await BiduiWebApp.BuildAsync(options);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        ServerAddress = new Uri(address);
        BaseAddress = new Uri(ServerAddress, options.Deployment.PathBase.Trim('/') is { Length: > 0 } pathBase ? pathBase + "/" : "");
    }

    /// <summary>Deployment settings of this fixture's app (a path base, limits…).</summary>
    protected virtual void Configure(DeploymentOptions deployment) { }

    public BiduiDbContext Context()
    {
        var db = Store.CreateContext();
        db.SetScope(UserScope.System);
        return db;
    }

    /// <summary>A fresh account for a test that signs it out, locks it or deactivates it (the demo users stay untouched).</summary>
    public async Task<User> CreateUserAsync(Role role, int region, string password, string? school = null)
    {
        await using var db = Context();
        var user = new User
        {
            UserName = "t" + Guid.NewGuid().ToString("N")[..10], DisplayName = "测试用户", Role = role, RegionCode = region, SchoolCode = school,
            PasswordHash = PasswordHashing.Hash(password),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (Available) TestStores.Drop(Store);
    }
}

public sealed class SqliteWebApp : WebAppFixture
{
    protected override StoreProvider Provider => StoreProvider.Sqlite;
}

public sealed class PostgresWebApp : WebAppFixture
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

/// <summary>The app as a reverse proxy serves it: under /bidui/, trusting the proxy (loopback here) for the client's scheme and address.</summary>
public sealed class ProxiedWebApp : WebAppFixture
{
    public const string PathBase = "/bidui";

    protected override StoreProvider Provider => StoreProvider.Sqlite;

    protected override void Configure(DeploymentOptions deployment) => deployment.PathBase = PathBase;
}

[CollectionDefinition(Name)]
public sealed class ProxiedWeb : ICollectionFixture<ProxiedWebApp>
{
    public const string Name = "web behind a proxy at /bidui/";
}

[CollectionDefinition(Name)]
public sealed class SqliteWeb : ICollectionFixture<SqliteWebApp>
{
    public const string Name = "web on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresWeb : ICollectionFixture<PostgresWebApp>
{
    public const string Name = "web on PostgreSQL";
}
