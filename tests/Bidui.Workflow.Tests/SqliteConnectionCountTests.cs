using Bidui.Workflow.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Bidui.Workflow.Tests;

/// <summary>
/// The SQLite importer pauses between batches only while another connection of the store is open in the process:
/// the count it reads is shared by the store's copies and every context made from them, and falls back when they close.
/// </summary>
public sealed class SqliteConnectionCountTests
{
    [Fact]
    public async Task Connections_of_a_store_and_its_copies_are_counted_while_open()
    {
        var store = StoreOptions.Sqlite(TestStores.NewDataDirectory());
        await (await TestStores.MigratedAsync(store)).DisposeAsync();
        var server = store with { CheckpointInBackground = true };
        await using var importer = server.CreateContext();
        var setup = importer.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors!.OfType<SqliteConnectionSetup>().Single();
        Assert.Equal(0, setup.OpenConnections);

        await importer.Database.OpenConnectionAsync();
        Assert.Equal(1, setup.OpenConnections);
        await using (var officer = store.CreateContext())
        {
            await officer.Database.OpenConnectionAsync();
            Assert.Equal(2, setup.OpenConnections);
            // A query on a context that opens and closes its connection itself leaves the count as it found it.
            await using var other = server.CreateContext();
            Assert.True(await other.Users.CountAsync() >= 0);
            Assert.Equal(2, setup.OpenConnections);
        }
        Assert.Equal(1, setup.OpenConnections);
        await importer.Database.CloseConnectionAsync();
        Assert.Equal(0, setup.OpenConnections);
        SqliteConnection.ClearAllPools();
    }
}
