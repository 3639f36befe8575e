using Bidui.Web.Hosting;
using Bidui.Workflow.Store;
using Bidui.Workflow.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bidui.Web.Tests;

/// <summary>
/// The server's SQLite connections leave the write-ahead log alone and the background checkpointer copies it into
/// the database: what they commit reaches the database file without any of them checkpointing.
/// </summary>
public sealed class SqliteCheckpointerTests
{
    [Fact]
    public async Task The_store_connections_do_not_checkpoint_and_the_checkpointer_copies_the_log_into_the_database()
    {
        var store = StoreOptions.Sqlite(TestStores.NewDataDirectory()) with { CheckpointInBackground = true };
        string file = Path.Combine(store.DataDirectory, "bidui.db");
        await (await TestStores.MigratedAsync(store)).DisposeAsync();
        await using (var db = store.CreateContext())
        {
            // Opened as the server's requests and jobs open theirs: through the store's connection setup.
            await db.Database.OpenConnectionAsync();
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "PRAGMA wal_autocheckpoint";
            Assert.Equal(0L, Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            // About 8 MB through the store's connection: far past the 1,000 pages at which a connection would checkpoint.
            cmd.CommandText = "CREATE TABLE filler (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) INSERT INTO filler SELECT randomblob(8000) FROM n";
            await cmd.ExecuteNonQueryAsync();
            long before = new FileInfo(file).Length;
            Assert.True(before < 4_000_000, $"the database file grew to {before} bytes: a connection checkpointed");

            using var checkpointer = new SqliteCheckpointer(store, NullLogger<SqliteCheckpointer>.Instance);
            await checkpointer.StartAsync(CancellationToken.None);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (new FileInfo(file).Length < 8_000_000 && DateTime.UtcNow < deadline) await Task.Delay(200);
            await checkpointer.StopAsync(CancellationToken.None);
            Assert.True(new FileInfo(file).Length >= 8_000_000, $"the database file is {new FileInfo(file).Length} bytes after the checkpointer ran");
        }
        SqliteConnection.ClearAllPools();
    }
}
