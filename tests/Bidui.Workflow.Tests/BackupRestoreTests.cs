using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Tests;

/// <summary>
/// The backup and restore docs/WORKFLOW.md tells administrators to use, on both stores: a backup of
/// the live store restores into an empty one with every user, round, case, audit entry and file, the
/// restored store needs no migration, and a restore never writes over existing data.
/// </summary>
public abstract class BackupRestoreTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    [SkippableFact]
    public async Task A_backup_restores_into_an_empty_store_whole_and_never_over_existing_data()
    {
        TestStores.Require(f.Available);
        string backup = Path.Combine(TestStores.NewDataDirectory(), "backup");
        var manifest = await StoreBackup.BackupAsync(f.Store, backup);
        Assert.True(manifest.Cases > 0 && manifest.Files > 0, $"{manifest}");
        Assert.True(File.Exists(Path.Combine(backup, f.Store.Provider == StoreProvider.Sqlite ? StoreBackup.SqliteName : StoreBackup.DumpName)));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(backup));

        var restored = TestStores.Create(f.Store.Provider, TestStores.NewDataDirectory());
        try
        {
            await StoreBackup.RestoreAsync(backup, restored);
            await using var db = await TestStores.MigratedAsync(restored);
            Assert.Empty(await SchemaMigrator.MigrateAsync(db, restored.Provider));
            await using var live = f.Context(Bidui.Workflow.Access.UserScope.System);
            Assert.Equal(await live.Users.OrderBy(u => u.Id).Select(u => u.UserName + u.PasswordHash + u.SecurityStamp).ToListAsync(),
                await db.Users.OrderBy(u => u.Id).Select(u => u.UserName + u.PasswordHash + u.SecurityStamp).ToListAsync());
            Assert.Equal(await live.Cases.GroupBy(c => c.State).Select(g => new { g.Key, N = g.Count() }).OrderBy(x => x.Key).ToListAsync(),
                await db.Cases.GroupBy(c => c.State).Select(g => new { g.Key, N = g.Count() }).OrderBy(x => x.Key).ToListAsync());
            Assert.Equal(await live.Audit.CountAsync(), await db.Audit.CountAsync());
            string input = Directory.EnumerateFiles(Path.Combine(f.Store.RoundDirectory(f.RoundId), "inputs")).First();
            Assert.Equal(await File.ReadAllBytesAsync(input),
                await File.ReadAllBytesAsync(Path.Combine(restored.RoundDirectory(f.RoundId), "inputs", Path.GetFileName(input))));

            // A second restore into the same store is refused: nothing is overwritten.
            var again = await Assert.ThrowsAsync<WorkflowException>(() => StoreBackup.RestoreAsync(backup, restored));
            Assert.Contains("不是空的", again.Message, StringComparison.Ordinal);
            Assert.Equal(manifest.Cases, await db.Cases.LongCountAsync());
        }
        finally
        {
            TestStores.Drop(restored);
        }
    }
}

[Collection(SqliteStore.Name)]
public sealed class SqliteBackupRestoreTests(SqliteDemoRound f) : BackupRestoreTests<SqliteDemoRound>(f);

[Collection(PostgresStore.Name)]
public sealed class PostgresBackupRestoreTests(PostgresDemoRound f) : BackupRestoreTests<PostgresDemoRound>(f);
