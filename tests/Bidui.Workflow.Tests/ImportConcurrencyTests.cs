using Bidui.Pipeline;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Tests;

/// <summary>
/// An import never holds the store for long: between its batches another connection reads cases and
/// writes an audit entry within a one-second timeout; SQLite runs in WAL mode with a busy timeout;
/// a round job whose failure cannot even be saved does not throw.
/// </summary>
public abstract class ImportConcurrencyTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    /// <summary>The same store, with a connection that gives up on a lock after about a second.</summary>
    private StoreOptions Impatient() => f.Store.Provider == StoreProvider.Sqlite
        ? f.Store with { ConnectionString = f.Store.ConnectionString + ";Default Timeout=1", BusyTimeout = TimeSpan.FromSeconds(1) }
        : f.Store with { ConnectionString = f.Store.ConnectionString + ";Command Timeout=2;Timeout=2" };

    [SkippableFact]
    public async Task Readers_and_writers_get_through_between_the_batches_of_an_import()
    {
        TestStores.Require(f.Available);
        int id = await f.CompareAsync("并发导入", f.Files.StudentsPath, f.Files.PovertyPath, f.Files.AidPath);
        await using (var db = f.Context(UserScope.System))
        {
            var rounds = new RoundService(db, new AuditLog(db, f.Clock), f.Store, f.Clock);
            var coverage = await rounds.CoverageAsync(id);
            await rounds.ConfirmAsync(f.Admin, id, [.. coverage.Counties.Where(c => c.Covered).Select(c => c.CountyCode)], acceptShortInputs: false);
        }
        var probe = new Probe(Impatient(), f.RoundId, id, f.Clock);
        await using (var db = f.Context(UserScope.System))
            await new RoundImporter(db, f.Clock) { BatchSize = 100 }.ImportAsync(id, Path.Combine(f.Store.RoundDirectory(id), "results"), probe);

        Assert.True(probe.Reports >= 3, $"the import reported {probe.Reports} batches");
        Assert.Equal(probe.Reports, probe.Succeeded);
        // Nothing of the round was visible while it was imported.
        Assert.Equal(0, probe.VisibleDuringImport);
        await using var check = f.Context(UserScope.System);
        Assert.Equal(RoundState.Done, (await check.Rounds.SingleAsync(r => r.Id == id)).State);
    }

    [SkippableFact]
    public async Task A_round_job_whose_failure_cannot_be_saved_does_not_throw()
    {
        TestStores.Require(f.Available);
        var runner = f.Runner();
        // No such round: the job fails, and so does saving the failure.
        await runner.RunAsync(987654);
        await runner.ImportAsync(987654);
        await runner.PurgeAsync(987654);
    }

    /// <summary>After each committed batch: a case list read and an audit write on another connection, each within its short timeout.</summary>
    private sealed class Probe(StoreOptions store, int otherRound, int importing, TimeProvider clock) : IProgressStep
    {
        public int Reports { get; private set; }
        public int Succeeded { get; private set; }
        public int VisibleDuringImport { get; private set; }

        public void Report(long done)
        {
            Reports++;
            using var db = store.CreateContext();
            db.SetScope(UserScope.System);
            _ = db.LiveCases.Count(c => c.RoundId == otherRound);
            VisibleDuringImport += db.LiveCases.Count(c => c.RoundId == importing);
            new AuditLog(db, clock).WriteAsync("probe", "查看人员", "任务 0", "导入期间的写入").GetAwaiter().GetResult();
            Succeeded++;
        }

        public void Dispose() { }
    }
}

[Collection(SqliteStore.Name)]
public sealed class SqliteImportConcurrencyTests(SqliteDemoRound f) : ImportConcurrencyTests<SqliteDemoRound>(f)
{
    private readonly SqliteDemoRound _f = f;

    [Fact]
    public async Task The_sqlite_store_runs_in_wal_mode_with_a_busy_timeout()
    {
        await using var db = _f.Context(UserScope.System);
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync());
        cmd.CommandText = "PRAGMA busy_timeout";
        Assert.Equal(15000L, (long)(await cmd.ExecuteScalarAsync())!);
    }
}

[Collection(PostgresStore.Name)]
public sealed class PostgresImportConcurrencyTests(PostgresDemoRound f) : ImportConcurrencyTests<PostgresDemoRound>(f);
