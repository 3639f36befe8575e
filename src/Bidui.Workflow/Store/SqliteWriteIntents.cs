using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bidui.Workflow.Store;

/// <summary>
/// SQLite's one writer, shared fairly between the importer and the officers. It sees which of the store's connections
/// in this process are waiting for the write lock: running a write statement (INSERT, UPDATE, DELETE, REPLACE) or
/// beginning a transaction (Microsoft.Data.Sqlite begins them IMMEDIATE, taking the lock at BEGIN). While the importer
/// holds the lock for a batch (<see cref="Hold"/>), those writers wait here instead of in SQLite's busy timeout, whose
/// sleeps grow to 100 ms: they go on the moment the batch commits (<see cref="Release"/>), and the importer lets them
/// go first (<see cref="OthersWaiting"/>) before its next batch; with nobody waiting it goes straight on. Before, it
/// paused after every batch whenever anyone was connected, readers included. A writer these hooks miss still gets
/// the lock through its busy timeout, only later.
/// </summary>
internal sealed class SqliteWriteIntents(SqliteWriteIntents.Shared shared, TimeSpan busyTimeout) : DbCommandInterceptor, IDbTransactionInterceptor
{
    /// <summary>What a store's copies and every context made from them share.</summary>
    internal sealed class Shared
    {
        public readonly ConcurrentDictionary<DbConnection, int> Waiting = new(ReferenceEqualityComparer.Instance);
        public Turn? Batch;
    }

    /// <summary>A batch of the importer: its connection, and what completes when it commits or fails.</summary>
    internal sealed record Turn(DbConnection Holder, TaskCompletionSource Done);

    /// <summary>Whether a connection other than <paramref name="mine"/> is waiting for the write lock.</summary>
    public bool OthersWaiting(DbConnection mine)
    {
        foreach (var (connection, count) in shared.Waiting)
            if (count > 0 && !ReferenceEquals(connection, mine)) return true;
        return false;
    }

    /// <summary>The importer, once its transaction has the lock: other writers wait for <see cref="Release"/>.</summary>
    public Turn Hold(DbConnection importer)
    {
        var turn = new Turn(importer, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        Volatile.Write(ref shared.Batch, turn);
        return turn;
    }

    /// <summary>The importer's batch has committed (or failed): the writers waiting for it go on.</summary>
    public void Release(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        Interlocked.CompareExchange(ref shared.Batch, null, turn); // only its own: another import may hold the next one
        turn.Done.TrySetResult();
    }

    /// <summary>Forgets a connection that closed (a BEGIN that failed leaves its count behind; nothing else names it).</summary>
    public static void Forget(Shared shared, DbConnection connection) => shared.Waiting.TryRemove(connection, out _);

    private void Enter(DbConnection? connection)
    {
        if (connection is not null) shared.Waiting.AddOrUpdate(connection, 1, (_, n) => n + 1);
    }

    private void Exit(DbConnection? connection)
    {
        if (connection is null) return;
        // Removed at zero so that closed connections leave nothing behind.
        if (shared.Waiting.AddOrUpdate(connection, 0, (_, n) => Math.Max(0, n - 1)) == 0) shared.Waiting.TryRemove(new KeyValuePair<DbConnection, int>(connection, 0));
    }

    /// <summary>Counted as waiting, then waits while the importer holds a batch on another connection (at most the busy timeout).</summary>
    private async ValueTask EnterAsync(DbConnection? connection, CancellationToken ct)
    {
        Enter(connection);
        if (Volatile.Read(ref shared.Batch) is { } turn && !ReferenceEquals(turn.Holder, connection))
        {
            try
            {
                await turn.Done.Task.WaitAsync(busyTimeout, ct);
            }
            catch (TimeoutException)
            {
                // Then SQLite's own busy timeout decides, as it would have without the importer's turns.
            }
            catch (OperationCanceledException)
            {
                Exit(connection); // the statement will not run: no end event will come for it
                throw;
            }
        }
    }

    private void EnterBlocking(DbConnection? connection)
    {
        Enter(connection);
        if (Volatile.Read(ref shared.Batch) is { } turn && !ReferenceEquals(turn.Holder, connection)) turn.Done.Task.Wait(busyTimeout);
    }

    private static bool IsWrite(DbCommand command)
    {
        var text = command.CommandText.AsSpan().TrimStart();
        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    private void Before(DbCommand command)
    {
        if (IsWrite(command)) EnterBlocking(command.Connection);
    }

    private ValueTask BeforeAsync(DbCommand command, CancellationToken ct) => IsWrite(command) ? EnterAsync(command.Connection, ct) : ValueTask.CompletedTask;

    private void After(DbCommand command)
    {
        if (IsWrite(command)) Exit(command.Connection);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Before(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(command, cancellationToken);
        return result;
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        After(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        After(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Before(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(command, cancellationToken);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        After(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        After(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Before(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(command, cancellationToken);
        return result;
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        After(command);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        After(command);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => After(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        After(command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => After(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        After(command);
        return Task.CompletedTask;
    }

    // A transaction waits for the lock at BEGIN IMMEDIATE, until it has begun or failed to.
    InterceptionResult<DbTransaction> IDbTransactionInterceptor.TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        EnterBlocking(connection);
        return result;
    }

    async ValueTask<InterceptionResult<DbTransaction>> IDbTransactionInterceptor.TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken)
    {
        await EnterAsync(connection, cancellationToken);
        return result;
    }

    DbTransaction IDbTransactionInterceptor.TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Exit(connection);
        return result;
    }

    ValueTask<DbTransaction> IDbTransactionInterceptor.TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken)
    {
        Exit(connection);
        return ValueTask.FromResult(result);
    }

    // A BEGIN that failed has no transaction to name its connection by: the connection's count goes when it closes
    // (SqliteConnectionSetup).
}
