using System.Data.Common;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bidui.Workflow.Cases;

/// <summary>
/// Saves the history events and audit entries of a bulk action (500 of each at most, and its own entry) in the caller's
/// transaction, as one statement per table on PostgreSQL (arrays unnested) and one prepared statement run per row
/// on SQLite. Through EF they were 1,001 single INSERTs, each parsed and planned by the server: about 40 ms of a
/// bulk approval's 89 ms on PostgreSQL. The rows never enter EF's change tracker.
/// </summary>
internal static class BulkHistoryWriter
{
    public static async Task SaveAsync(BiduiDbContext db, List<CaseEvent> events, List<AuditEntry> entries, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("A bulk action writes in a transaction.");
        if (db.Database.IsNpgsql()) await PostgresAsync((NpgsqlConnection)connection, (NpgsqlTransaction)tx, events, entries, ct);
        else await SqliteAsync(connection, tx, events, entries, ct);
    }

    private static async Task PostgresAsync(NpgsqlConnection connection, NpgsqlTransaction tx, List<CaseEvent> events, List<AuditEntry> entries, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, tx);
        if (events.Count > 0)
        {
            var cmd = new NpgsqlBatchCommand("INSERT INTO case_events (\"CaseId\", \"At\", \"UserName\", \"Action\", \"Result\", \"Note\") " +
                "SELECT c, a, u, n, r, o FROM unnest($1, $2, $3, $4, $5, $6) WITH ORDINALITY AS x(c, a, u, n, r, o, i) ORDER BY i");
            cmd.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. events.Select(e => e.CaseId)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            cmd.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = [.. events.Select(e => e.At)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            cmd.Parameters.Add(Texts(events.Select(e => e.UserName)));
            cmd.Parameters.Add(Texts(events.Select(e => e.Action)));
            cmd.Parameters.Add(Texts(events.Select(e => e.Result)));
            cmd.Parameters.Add(Texts(events.Select(e => e.Note)));
            batch.BatchCommands.Add(cmd);
        }
        if (entries.Count > 0)
        {
            var cmd = new NpgsqlBatchCommand("INSERT INTO audit_log (\"At\", \"UserName\", \"Action\", \"Target\", \"Detail\") " +
                "SELECT a, u, n, t, d FROM unnest($1, $2, $3, $4, $5) WITH ORDINALITY AS x(a, u, n, t, d, i) ORDER BY i");
            cmd.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = [.. entries.Select(e => e.At)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            cmd.Parameters.Add(Texts(entries.Select(e => e.UserName)));
            cmd.Parameters.Add(Texts(entries.Select(e => e.Action)));
            cmd.Parameters.Add(Texts(entries.Select(e => e.Target)));
            cmd.Parameters.Add(Texts(entries.Select(e => e.Detail)));
            batch.BatchCommands.Add(cmd);
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlParameter<string?[]> Texts(IEnumerable<string?> values) =>
        new() { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static async Task SqliteAsync(DbConnection connection, DbTransaction tx, List<CaseEvent> events, List<AuditEntry> entries, CancellationToken ct)
    {
        if (events.Count > 0)
        {
            await using var cmd = Command(connection, tx, "INSERT INTO \"case_events\" (\"CaseId\", \"At\", \"UserName\", \"Action\", \"Result\", \"Note\") VALUES ($1, $2, $3, $4, $5, $6)", 6);
            foreach (var e in events) await RunAsync(cmd, ct, e.CaseId, e.At, e.UserName, e.Action, e.Result, e.Note);
        }
        if (entries.Count > 0)
        {
            await using var cmd = Command(connection, tx, "INSERT INTO \"audit_log\" (\"At\", \"UserName\", \"Action\", \"Target\", \"Detail\") VALUES ($1, $2, $3, $4, $5)", 5);
            foreach (var a in entries) await RunAsync(cmd, ct, a.At, a.UserName, a.Action, a.Target, a.Detail);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string sql, int parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        for (int i = 1; i <= parameters; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            cmd.Parameters.Add(p);
        }
        cmd.Prepare();
        return cmd;
    }

    private static async Task RunAsync(DbCommand cmd, CancellationToken ct, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
