using System.Data.Common;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bidui.Workflow.Store;

/// <summary>
/// Every SQLite connection waits for a lock instead of failing at once ("database is locked"): the
/// store runs in WAL mode (readers never wait for the writer; set once by <see cref="SchemaMigrator"/>),
/// and a writer waits up to the busy timeout for another writer's short transaction to end. With a background
/// checkpointer, no connection checkpoints as it commits (<see cref="StoreOptions.CheckpointInBackground"/>).
/// It also counts the store's open connections in this process, so that the importer gives way to others only
/// when there are others (<see cref="OpenConnections"/>).
/// </summary>
internal sealed class SqliteConnectionSetup(TimeSpan busyTimeout, bool checkpointInBackground, ConcurrentDictionary<DbConnection, bool> open) : DbConnectionInterceptor
{
    /// <summary>Connections of this store open now in this process (the caller's own included).</summary>
    public int OpenConnections => open.Count;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        open.TryAdd(connection, true);
        using var cmd = Command(connection);
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        open.TryAdd(connection, true);
        await using var cmd = Command(connection);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    // A context disposed with its connection open disposes it without closing it first.
    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => open.TryRemove(connection, out _);

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        open.TryRemove(connection, out _);
        return Task.CompletedTask;
    }

    public override void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => open.TryRemove(connection, out _);

    public override Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        open.TryRemove(connection, out _);
        return Task.CompletedTask;
    }

    private DbCommand Command(DbConnection connection)
    {
        var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // A number we format ourselves.
        cmd.CommandText = $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}" + (checkpointInBackground ? "; PRAGMA wal_autocheckpoint = 0" : "");
#pragma warning restore CA2100
        return cmd;
    }
}
