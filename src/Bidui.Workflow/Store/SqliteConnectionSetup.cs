using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bidui.Workflow.Store;

/// <summary>
/// Every SQLite connection waits for a lock instead of failing at once ("database is locked"): the
/// store runs in WAL mode (readers never wait for the writer; set once by <see cref="SchemaMigrator"/>),
/// and a writer waits up to the busy timeout for another writer's short transaction to end. With a background
/// checkpointer, no connection checkpoints as it commits (<see cref="StoreOptions.CheckpointInBackground"/>).
/// A connection that closes is forgotten by <see cref="SqliteWriteIntents"/>.
/// </summary>
internal sealed class SqliteConnectionSetup(TimeSpan busyTimeout, bool checkpointInBackground, SqliteWriteIntents.Shared writers) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = Command(connection);
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var cmd = Command(connection);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    // A context disposed with its connection open disposes it without closing it first.
    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Forget(connection);

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Forget(connection);
        return Task.CompletedTask;
    }

    public override void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Forget(connection);

    public override Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Forget(connection);
        return Task.CompletedTask;
    }

    private void Forget(DbConnection connection) => SqliteWriteIntents.Forget(writers, connection);

    private DbCommand Command(DbConnection connection)
    {
        var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // A number we format ourselves.
        cmd.CommandText = $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}" + (checkpointInBackground ? "; PRAGMA wal_autocheckpoint = 0" : "");
#pragma warning restore CA2100
        return cmd;
    }
}
