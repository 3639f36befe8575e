using Bidui.Workflow.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Bidui.Workflow.Tests;

/// <summary>
/// The SQLite importer gives way between its transactions only to writers waiting for the lock, and those wait for its
/// batch in the process: the store's copies and every context made from them share what <see cref="SqliteWriteIntents"/>
/// sees; readers do not count.
/// </summary>
public sealed class SqliteWriteIntentsTests
{
    [Fact]
    public async Task Writers_and_transactions_waiting_for_the_lock_are_seen_and_readers_are_not()
    {
        var store = StoreOptions.Sqlite(TestStores.NewDataDirectory());
        await (await TestStores.MigratedAsync(store)).DisposeAsync();
        var server = store with { CheckpointInBackground = true };
        await using var importer = server.CreateContext();
        var intents = importer.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors!.OfType<SqliteWriteIntents>().Single();
        await importer.Database.OpenConnectionAsync();
        var mine = importer.Database.GetDbConnection();
        Assert.False(intents.OthersWaiting(mine));

        // The importer holds the lock, as during a batch; its own write does not count, nor wait for its own turn.
        var batch = await importer.Database.BeginTransactionAsync();
        var turn = intents.Hold(mine);
        await importer.Database.ExecuteSqlRawAsync("INSERT INTO schema_version (version, name) VALUES (901, 'batch')");
        Assert.False(intents.OthersWaiting(mine));

        await using var officer = store.CreateContext();
        Assert.True(await officer.Users.CountAsync() >= 0); // a reader is never held back in WAL mode, nor counted
        Assert.False(intents.OthersWaiting(mine));
        var write = officer.Database.ExecuteSqlRawAsync("INSERT INTO schema_version (version, name) VALUES (902, 'audit')");
        Assert.True(await EventuallyAsync(() => intents.OthersWaiting(mine)), "the waiting write was not seen");
        Assert.False(write.IsCompleted);
        await batch.CommitAsync();
        await batch.DisposeAsync();
        intents.Release(turn);
        Assert.Equal(1, await write);
        Assert.False(intents.OthersWaiting(mine));

        // Microsoft.Data.Sqlite begins transactions IMMEDIATE: a BEGIN waits for the lock too, and counts until it has it.
        // A batch that fails (rolled back) lets them go the same way.
        batch = await importer.Database.BeginTransactionAsync();
        turn = intents.Hold(mine);
        await importer.Database.ExecuteSqlRawAsync("INSERT INTO schema_version (version, name) VALUES (903, 'batch')");
        await using var other = store.CreateContext();
        var begin = other.Database.BeginTransactionAsync();
        Assert.True(await EventuallyAsync(() => intents.OthersWaiting(mine)), "the waiting transaction was not seen");
        Assert.False(begin.IsCompleted);
        await batch.RollbackAsync();
        await batch.DisposeAsync();
        intents.Release(turn);
        await using (var tx = await begin)
        {
            Assert.False(intents.OthersWaiting(mine)); // it holds the lock now and waits for nothing
            await other.Database.ExecuteSqlRawAsync("INSERT INTO schema_version (version, name) VALUES (904, 'officer')");
            await tx.CommitAsync();
        }
        Assert.Equal([901, 902, 904], await officer.Database.SqlQuery<int>($"SELECT version AS \"Value\" FROM schema_version WHERE version > 900 ORDER BY version").ToListAsync());
        Assert.False(intents.OthersWaiting(mine));
        await importer.Database.CloseConnectionAsync();
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_batch_released_frees_only_its_own_waiters_turn()
    {
        var store = StoreOptions.Sqlite(TestStores.NewDataDirectory());
        await (await TestStores.MigratedAsync(store)).DisposeAsync();
        await using var importer = store.CreateContext();
        var intents = importer.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors!.OfType<SqliteWriteIntents>().Single();
        await importer.Database.OpenConnectionAsync();
        var mine = importer.Database.GetDbConnection();
        // Two imports' turns one after the other: the first one's release must not open the second one's.
        var first = intents.Hold(mine);
        var second = intents.Hold(mine);
        await using var officer = store.CreateContext();
        var write = officer.Database.ExecuteSqlRawAsync("INSERT INTO schema_version (version, name) VALUES (911, 'audit')");
        Assert.True(await EventuallyAsync(() => intents.OthersWaiting(mine)));
        intents.Release(first);
        await Task.Delay(200);
        Assert.False(write.IsCompleted);
        intents.Release(second);
        Assert.Equal(1, await write);
        Assert.False(intents.OthersWaiting(mine));
        await importer.Database.CloseConnectionAsync();
        SqliteConnection.ClearAllPools();
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (int i = 0; i < 500; i++)
        {
            if (condition()) return true;
            await Task.Delay(10);
        }
        return condition();
    }
}
