using System.Globalization;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Bidui.Workflow.Rounds;

/// <summary>
/// PostgreSQL: a round's cases are written into a table of their own (<c>cases_round_N</c>, no index, no trigger),
/// its indexes are then built by sorting, and it becomes the round's partition of <c>cases</c> in the transaction that
/// makes the round visible (V013). Inserting a million cases into twelve indexes one entry at a time cost PostgreSQL
/// about 28 s; building them afterwards about 9 s. Until it is attached nobody sees the table, so a failed import
/// leaves nothing in <c>cases</c>: its table is dropped (<see cref="DropUnattachedAsync"/>).
/// </summary>
internal static class RoundPartition
{
    public static string TableName(int roundId) => "cases_round_" + roundId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Before the import's transaction: drops a table of the round that a failed import left unattached, and an empty
    /// partition of the round (a withdrawn import's). Dropping a partition locks all of <c>cases</c>, so it is done
    /// here, alone, giving up after 5 s rather than holding every reader back behind a long transaction (another
    /// round's import holds a share lock on <c>cases</c> while it copies). A round that still has cases is refused.
    /// </summary>
    public static async Task DropStaleAsync(NpgsqlConnection connection, int roundId, CancellationToken ct)
    {
        string table = TableName(roundId);
        var (exists, attached) = await StateAsync(connection, table, ct);
        if (!exists) return;
        if (!attached)
        {
            await ExecuteAsync(connection, $"DROP TABLE {table}", ct);
            return;
        }
        if (await ScalarAsync<bool>(connection, $"SELECT EXISTS (SELECT 1 FROM {table})", ct))
            throw new InvalidOperationException($"批次 {roundId} 已有核查任务，不能再次导入。");
        try
        {
            await ExecuteAsync(connection, $"SET lock_timeout = '5s'; DROP TABLE {table}", ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw new InvalidOperationException($"批次 {roundId} 的旧分区正被其他操作（如另一批次的导入）占用，暂不能重新导入，请稍后重试。", ex);
        }
        finally
        {
            await ExecuteAsync(connection, "RESET lock_timeout", CancellationToken.None);
        }
    }

    /// <summary>
    /// In the caller's transaction (the COPY's, which FREEZE requires): an empty table shaped as <c>cases</c>, accepting
    /// only this round's cases.
    /// </summary>
    public static async Task CreateAsync(NpgsqlConnection connection, int roundId, CancellationToken ct)
    {
        string table = TableName(roundId);
        // The storage options of V010 (vacuum after 1 % changed), which a partitioned table cannot carry for its partitions.
        await ExecuteAsync(connection, $"CREATE TABLE {table} (LIKE cases INCLUDING DEFAULTS) WITH (autovacuum_vacuum_scale_factor = 0.01, " +
            "autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02); " +
            // Lets the attach skip its scan of a million rows: the constraint already proves them.
            $"ALTER TABLE {table} ADD CONSTRAINT {table}_round CHECK (\"RoundId\" = {roundId.ToString(CultureInfo.InvariantCulture)})", ct);
        // The indexes of the marks a later round sets (resolved, carried on) hold no imported case: made now, while the
        // table is empty, the COPY only tests their condition, instead of a pass over the whole table each afterwards.
        foreach (var index in await IndexesAsync(connection, roundId, ct))
            if (index.EmptyAtImport) await ExecuteAsync(connection, index.Create, ct);
    }

    /// <summary>Columns an import leaves empty: set on earlier cases by the rounds after them.</summary>
    private static readonly string[] MarkColumns = ["\"ResolvedInRoundId\"", "\"CarriedInRoundId\""];

    /// <summary>One index of cases as the round's table gets it (named after the partitioned table's, so a plan says which one it read).</summary>
    private sealed record RoundIndex(string Create, string? MakePrimaryKey, bool EmptyAtImport);

    /// <summary>The partitioned table's indexes (from the catalog, so the attach adopts them), the largest first.</summary>
    private static async Task<List<RoundIndex>> IndexesAsync(NpgsqlConnection connection, int roundId, CancellationToken ct)
    {
        string table = TableName(roundId);
        var indexes = new List<RoundIndex>();
        await using var cmd = new NpgsqlCommand("SELECT pg_get_indexdef(i.indexrelid), i.indisprimary, c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid " +
            "WHERE i.indrelid = 'cases'::regclass ORDER BY i.indisprimary DESC, pg_relation_size(i.indexrelid) DESC", connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // "CREATE INDEX name ON ONLY public.cases USING btree (…) [INCLUDE …] [WHERE …]": the part from USING on.
            string def = reader.GetString(0);
            int at = def.IndexOf(" USING ", StringComparison.Ordinal);
            if (at < 0) throw new InvalidOperationException("Unexpected index definition on cases: " + def);
            string body = def[at..];
            string name = "\"" + reader.GetString(2).Replace("\"", "", StringComparison.Ordinal) + "_r" + roundId.ToString(CultureInfo.InvariantCulture) + "\"";
            // The primary key's index is built as the others are (ADD PRIMARY KEY would lock them out) and becomes the key after.
            // IF NOT EXISTS: the indexes made with the table are not built again.
            string create = $"CREATE {(def.StartsWith("CREATE UNIQUE", StringComparison.Ordinal) ? "UNIQUE " : "")}INDEX IF NOT EXISTS {name} ON {table}{body}";
            bool empty = MarkColumns.Any(column => body.EndsWith($" WHERE ({column} IS NOT NULL)", StringComparison.Ordinal));
            indexes.Add(new RoundIndex(create, reader.GetBoolean(1) ? $"ALTER TABLE {table} ADD CONSTRAINT {name} PRIMARY KEY USING INDEX {name}" : null, empty));
        }
        return indexes;
    }

    /// <summary>
    /// Builds the round table's primary key and indexes, the same as the partitioned table's (read from the catalog, so
    /// the attach adopts them instead of building its own under lock; the marks' indexes were made with the table), on
    /// two connections at once; then vacuums it,
    /// so that its pages are all-visible and the to-do and the lists read their indexes alone from the start.
    /// </summary>
    public static async Task BuildIndexesAsync(string connectionString, int roundId, CancellationToken ct)
    {
        string table = TableName(roundId);
        List<RoundIndex> indexes;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            indexes = await IndexesAsync(connection, roundId, ct);
        }
        var statements = indexes.Where(i => !i.EmptyAtImport).Select(i => i.Create).ToList();
        string? primaryKey = indexes.Select(i => i.MakePrimaryKey).FirstOrDefault(k => k is not null);
        // The largest first, taken in turn by two connections (one core each; no parallel workers on top).
        var queue = new Queue<string>(statements);
        async Task LaneAsync()
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await ExecuteAsync(connection, "SET max_parallel_maintenance_workers = 0; SET maintenance_work_mem = '128MB'", ct);
            while (true)
            {
                string? next;
                lock (queue) next = queue.Count > 0 ? queue.Dequeue() : null;
                if (next is null) return;
                await ExecuteAsync(connection, next, ct);
            }
        }
        await Task.WhenAll(LaneAsync(), LaneAsync());
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            if (primaryKey is not null) await ExecuteAsync(connection, primaryKey, ct);
            await ExecuteAsync(connection, $"VACUUM (ANALYZE) {table}", ct);
        }
    }

    /// <summary>
    /// In the caller's transaction (the one that marks the round done): adds the round's cases to case_counts (counted by
    /// the writer, as the insert trigger would have; every imported case is open and current) and attaches the table as
    /// the round's partition. The attach locks only the table and the default partition (briefly: it is empty);
    /// readers and writers of the other rounds go on.
    /// </summary>
    public static async Task AttachAsync(BiduiDbContext db, int roundId, Dictionary<(int County, string School, string Category, Unit Unit), long> counts, CancellationToken ct)
    {
        string table = TableName(roundId);
        string id = roundId.ToString(CultureInfo.InvariantCulture);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var tx = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("The attach runs in the round's final transaction.");
        if (counts.Count > 0)
        {
            var keys = counts.Keys.OrderBy(k => k.County).ThenBy(k => k.School, StringComparer.Ordinal).ThenBy(k => k.Category, StringComparer.Ordinal).ThenBy(k => k.Unit).ToList();
            await using var cmd = new NpgsqlCommand(
                "INSERT INTO case_counts AS t (\"RoundId\", \"CountyCode\", \"SchoolCode\", \"Category\", \"State\", \"Unit\", \"ClosedDays\", \"Current\", \"Slot\", \"Count\") " +
                $"SELECT {id}, c, s, g, {(int)CaseState.Open}, u, -1, true, 0, n FROM unnest($1, $2, $3, $4, $5) AS x(c, s, g, u, n) " +
                "ON CONFLICT (\"RoundId\", \"CountyCode\", \"SchoolCode\", \"Category\", \"State\", \"Unit\", \"ClosedDays\", \"Current\", \"Slot\") " +
                "DO UPDATE SET \"Count\" = t.\"Count\" + EXCLUDED.\"Count\"", connection, tx);
            cmd.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. keys.Select(k => k.County)] });
            cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. keys.Select(k => k.School)] });
            cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. keys.Select(k => k.Category)] });
            cmd.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. keys.Select(k => (int)k.Unit)] });
            cmd.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. keys.Select(k => counts[k])] });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await using (var attach = new NpgsqlCommand($"ALTER TABLE cases ATTACH PARTITION {table} FOR VALUES IN ({id})", connection, tx))
            await attach.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Drops the round's table if an import left it unattached (it failed or was interrupted).</summary>
    public static async Task DropUnattachedAsync(BiduiDbContext db, int roundId, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        bool close = connection.State != System.Data.ConnectionState.Open;
        if (close) await connection.OpenAsync(ct);
        try
        {
            string table = TableName(roundId);
            var (exists, attached) = await StateAsync(connection, table, ct);
            if (exists && !attached) await ExecuteAsync(connection, $"DROP TABLE {table}", ct);
        }
        finally
        {
            if (close) await connection.CloseAsync();
        }
    }

    private static async Task<(bool Exists, bool Attached)> StateAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT c.oid IS NOT NULL, EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = c.oid) " +
            "FROM (SELECT to_regclass($1)::oid AS oid) c", connection);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetBoolean(0), reader.GetBoolean(1));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
