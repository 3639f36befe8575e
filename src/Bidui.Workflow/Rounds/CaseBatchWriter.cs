using System.Data.Common;
using System.Runtime.InteropServices;
using Bidui.Workflow.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bidui.Workflow.Rounds;

/// <summary>
/// The one place cases are inserted: streamed into the store with each database's bulk path, each batch after the
/// regions and schools it names. PostgreSQL: one binary COPY (<see cref="NpgsqlBinaryImporter"/>)
/// in one transaction, a batch sent while the next is read; SQLite (one writer): a short transaction per batch, one
/// prepared INSERT reused for every row. No entity
/// is created and nothing is tracked, so memory does not grow with the round. On PostgreSQL the batches go into the
/// round's own table, indexed and attached as its partition at the end (<see cref="RoundPartition"/>); on SQLite into
/// <c>cases</c> (whose count triggers leave a round being imported to this writer's <see cref="Counts"/>, V015), their
/// search keys after them, sorted (V014).
/// </summary>
internal sealed class CaseBatchWriter : IAsyncDisposable
{
    private const string Columns = "\"RoundId\", \"Category\", \"SourceRow\", \"PersonKey\", \"PersonName\", \"IdNumber\", \"IdTail\", \"StudentNo\", " +
        "\"CountyCode\", \"CountyName\", \"SchoolCode\", \"SchoolName\", \"Township\", \"Village\", \"Unit\", \"Reason\", \"Details\", \"State\", \"Linkage\", \"RoundsSeen\", " +
        "\"PreviousCaseId\", \"CreatedAt\", \"Version\"";

    private const int ColumnCount = 23;

    private readonly BiduiDbContext _db;
    private readonly int _roundId;
    private readonly DateTime _now;
    private readonly int _batchSize;
    private readonly bool _postgres;
    private HashSet<int>? _regions;
    private HashSet<string>? _schools;
    private readonly HashSet<int> _pendingCounties = [];
    private readonly Dictionary<string, School> _pendingSchools = new(StringComparer.Ordinal);
    private IDbContextTransaction? _tx;
    private SqliteCommand? _insert;
    private int _inBatch;

    public CaseBatchWriter(BiduiDbContext db, int roundId, DateTime now, int batchSize)
    {
        _db = db;
        _roundId = roundId;
        _now = now;
        _batchSize = batchSize;
        _postgres = db.Database.IsNpgsql();
        if (_postgres) _connectionString = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The store has no connection string.");
    }

    private readonly string? _connectionString;

    private int _written;

    /// <summary>Cases written so far (SQLite: committed; PostgreSQL: sent into the round's table, committed at the end).</summary>
    public int Written => Volatile.Read(ref _written);

    /// <summary>Adds a case; returns true when this completed a batch (on PostgreSQL: handed it to the COPY).</summary>
    public async Task<bool> AddAsync(CaseRow row, CancellationToken ct)
    {
        if (_postgres)
        {
            if (_regions is null) await LoadKnownAsync(ct);
            Note(row);
            _rows.Add(row.Clone()); // kept until a lane writes it; the reader reuses the row
            if (_rows.Count < _batchSize) return false;
            await DispatchAsync(ct);
            return true;
        }
        if (_tx is null) await BeginAsync(ct);
        Note(row);
        await WriteInsertAsync(_insert!, row, ct);
        if (++_inBatch < _batchSize) return false;
        await CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// The round's cases counted as case_counts counts them (every imported case is open, not closed and current),
    /// added in the transaction that makes the round done: on PostgreSQL the round's table has no trigger (counting its
    /// million rows again there took 4.3 s); on SQLite the insert trigger leaves a round being imported to the importer
    /// (V015; one upsert per row took 6.8 of 25.1 s of inserting a million rows).
    /// </summary>
    public Dictionary<(int County, string School, string Category, Unit Unit), long> Counts { get; } = [];

    /// <summary>The row's county and school, when the store does not know them yet.</summary>
    private void Note(CaseRow row)
    {
        CollectionsMarshal.GetValueRefOrAddDefault(Counts, (row.CountyCode, row.SchoolCode ?? "", row.Category, row.Unit), out _)++;
        if (!_regions!.Contains(row.CountyCode)) _pendingCounties.Add(row.CountyCode);
        if (row.SchoolCode is { } school && row.SchoolName is { } schoolName && !_schools!.Contains(school))
            _pendingSchools.TryAdd(school, new School { Code = school, Name = schoolName, CountyCode = row.CountyCode });
    }

    /// <summary>Commits what is pending (on PostgreSQL: ends the COPY, commits the round's table, then builds its indexes).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_postgres)
        {
            if (_indexed) return;
            if (_rows.Count > 0) await DispatchAsync(ct);
            await CompleteCopyAsync(ct);
            await RoundPartition.BuildIndexesAsync(_connectionString!, _roundId, ct);
            _indexed = true;
            return;
        }
        if (_tx is not null) await CommitAsync(ct);
        if (_opened && !_keysWritten)
        {
            await WriteKeysAsync(ct);
            _keysWritten = true;
        }
    }

    // ---- PostgreSQL: one COPY into the round's own table ----
    // Into twelve indexes, one COPY kept one server process busy while the other core mostly waited, so batches went
    // to two connections in turn. The round's table has no index while it fills (RoundPartition), and the server's
    // share of a row is small: one COPY in one transaction now keeps up with this process reading the lists, and,
    // since that transaction created the table, writes its rows frozen (FREEZE): the vacuum that follows has less to do
    // (3.7 s -> 2.3 s with 20 users working; the index builds took as long). Batches keep the memory bounded: while one is sent, the
    // next is read. Their numbers are taken from the cases' sequence before the batch is sent, so the cases keep the
    // lists' order.

    private bool _indexed;
    private readonly List<CaseRow> _rows = [];
    private NpgsqlConnection? _copyConnection;
    private NpgsqlTransaction? _copyTx;
    private NpgsqlBinaryImporter? _copy;
    private Task _sending = Task.CompletedTask;

    private async Task DispatchAsync(CancellationToken ct)
    {
        var rows = _rows.ToArray();
        _rows.Clear();
        if (!_opened)
        {
            await _db.Database.OpenConnectionAsync(ct);
            _opened = true;
        }
        if (_copy is null) await BeginCopyAsync(ct);
        // Regions and schools first, in their own short transaction on this connection: no case refers to them by key.
        if (_pendingCounties.Count > 0 || _pendingSchools.Count > 0)
        {
            await using var tx = await _db.Database.BeginTransactionAsync(ct);
            AddPendingRegionsAndSchools();
            await _db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            _db.ChangeTracker.Clear();
        }
        var ids = new long[rows.Length];
        await using (var cmd = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('cases', 'Id')) FROM generate_series(1, $1)", (NpgsqlConnection)_db.Database.GetDbConnection()))
        {
            cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = rows.Length });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            for (int i = 0; await reader.ReadAsync(ct); i++) ids[i] = reader.GetInt64(0);
        }
        await _sending; // the previous batch (a failure surfaces here)
        _sending = SendAsync(rows, ids, ct);
    }

    /// <summary>The round's table, created in the COPY's own transaction (which FREEZE requires), and the COPY begun.</summary>
    private async Task BeginCopyAsync(CancellationToken ct)
    {
        _copyConnection = new NpgsqlConnection(_connectionString);
        await _copyConnection.OpenAsync(ct);
        await RoundPartition.DropStaleAsync(_copyConnection, _roundId, ct);
        _copyTx = await _copyConnection.BeginTransactionAsync(ct);
        await RoundPartition.CreateAsync(_copyConnection, _roundId, ct);
        _copy = await _copyConnection.BeginBinaryImportAsync($"COPY {RoundPartition.TableName(_roundId)} (\"Id\", {Columns}) FROM STDIN (FORMAT BINARY, FREEZE)", ct);
    }

    private async Task SendAsync(CaseRow[] rows, long[] ids, CancellationToken ct)
    {
        for (int i = 0; i < rows.Length; i++)
        {
            await WriteCopyAsync(_copy!, ids[i], rows[i], ct);
        }
        Interlocked.Add(ref _written, rows.Length);
    }

    /// <summary>Ends the COPY and commits the round's table (still unattached: nobody sees it).</summary>
    private async Task CompleteCopyAsync(CancellationToken ct)
    {
        if (_copy is null) await BeginCopyAsync(ct); // a round with no case: its table still becomes its (empty) partition
        await _sending;
        await _copy!.CompleteAsync(ct);
        await _copy.DisposeAsync();
        _copy = null;
        await _copyTx!.CommitAsync(ct);
        await _copyTx.DisposeAsync();
        _copyTx = null;
        await _copyConnection!.DisposeAsync();
        _copyConnection = null;
    }

    public async Task WriteMatchedAsync(IReadOnlyList<MatchedStat> matched, IEnumerable<School> schools, CancellationToken ct)
    {
        await FlushAsync(ct);
        await LoadKnownAsync(ct);
        await using var tx = await _db.Database.BeginTransactionAsync(ct);
        foreach (var m in matched) if (!_regions!.Contains(m.CountyCode)) _pendingCounties.Add(m.CountyCode);
        foreach (var s in schools) if (!_schools!.Contains(s.Code)) _pendingSchools.TryAdd(s.Code, s);
        AddPendingRegionsAndSchools();
        _db.MatchedStats.AddRange(matched);
        await _db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        _db.ChangeTracker.Clear();
    }

    private async Task LoadKnownAsync(CancellationToken ct)
    {
        _regions ??= (await _db.Regions.Select(r => r.Code).ToListAsync(ct)).ToHashSet();
        _schools ??= (await _db.Schools.Select(s => s.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>SQLite: a batch's transaction and prepared insert (PostgreSQL's batches go to the lanes).</summary>
    private async Task BeginAsync(CancellationToken ct)
    {
        await LoadKnownAsync(ct);
        if (!_opened)
        {
            await _db.Database.OpenConnectionAsync(ct);
            _opened = true;
            await SqlitePragmasAsync(ImportPragmas, ct);
            await using var cmd = _db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "PRAGMA wal_autocheckpoint";
            // 0: the server's background checkpointer copies the log (StoreOptions.CheckpointInBackground).
            _backgroundCheckpoints = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0;
        }
        _tx = await _db.Database.BeginTransactionAsync(ct);
        Hold();
        // Prepared once per batch and reused for every row of it.
        _insert = ((SqliteConnection)_db.Database.GetDbConnection()).CreateCommand();
        _insert.Transaction = (SqliteTransaction)_tx.GetDbTransaction();
        _insert.CommandText = $"INSERT INTO cases ({Columns}) VALUES ({string.Join(", ", Enumerable.Range(0, ColumnCount).Select(i => "$p" + i))})";
        for (int i = 0; i < ColumnCount; i++) _insert.Parameters.Add(new SqliteParameter("$p" + i, null));
        await _insert.PrepareAsync(ct);
    }

    private async Task CommitAsync(CancellationToken ct)
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
            _insert = null;
        }
        AddPendingRegionsAndSchools();
        await _db.SaveChangesAsync(ct);
        await _tx!.CommitAsync(ct);
        await _tx.DisposeAsync();
        _tx = null;
        Release();
        _db.ChangeTracker.Clear();
        _written += _inBatch;
        _inBatch = 0;
        await LetOthersWriteAsync(ct);
    }

    /// <summary>
    /// SQLite's one writer: between two of the import's transactions, the officers' writes waiting for the lock (the
    /// audit of a case view, an approval) go first, for at most <see cref="GiveWayAtMost"/>; with nobody waiting the
    /// import goes straight on. Those that waited for the batch in the process (<see cref="SqliteWriteIntents"/>) go on
    /// at its commit; the import waits until their statements have run or their transactions have begun, not a fixed time.
    /// </summary>
    private async Task LetOthersWriteAsync(CancellationToken ct)
    {
        if (!_backgroundCheckpoints || Intents() is not { } intents) return;
        var mine = _db.Database.GetDbConnection();
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        while (intents.OthersWaiting(mine) && System.Diagnostics.Stopwatch.GetElapsedTime(start) < GiveWayAtMost)
            await Task.Delay(1, ct);
    }

    /// <summary>The longest the import gives way after one of its transactions: officers writing without end cannot stop it.</summary>
    private static readonly TimeSpan GiveWayAtMost = TimeSpan.FromMilliseconds(250);

    /// <summary>Search keys a short transaction copies into case_keys: a run of neighbouring keys, a few hundred pages.</summary>
    private const int KeyChunk = 50_000;

    private bool _keysWritten;

    /// <summary>
    /// SQLite, once the round's cases are written: their search keys (V014), read back from the cases, sorted into a
    /// temporary table (in a file: memory does not grow with the round) and copied into case_keys in key order, a chunk
    /// per short transaction, so that each transaction writes neighbouring pages instead of pages all over the index.
    /// The round's cases are not visible yet, so nobody searches for them meanwhile. Keys already there (a round not in
    /// the Importing state gets them from the insert trigger) are left as they are.
    /// </summary>
    private async Task WriteKeysAsync(CancellationToken ct)
    {
        var connection = (SqliteConnection)_db.Database.GetDbConnection();
        string round = _roundId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        long first;
        await using (var min = connection.CreateCommand())
        {
            min.CommandText = $"SELECT COALESCE(MIN(\"Id\"), 0) FROM cases WHERE \"RoundId\" = {round}";
            first = Convert.ToInt64(await min.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        await ExecuteAsync(connection, null, "PRAGMA temp_store = FILE; DROP TABLE IF EXISTS temp.import_keys; " +
            "CREATE TEMP TABLE import_keys AS SELECT k.\"Kind\" AS \"Kind\", " +
            "CASE k.\"Kind\" WHEN 1 THEN c.\"PersonName\" WHEN 2 THEN c.\"IdNumber\" WHEN 3 THEN c.\"IdTail\" ELSE c.\"StudentNo\" END AS \"Key\", c.\"Id\" AS \"CaseId\" " +
            // One pass over the round's cases in the order they were written (they follow each other from its first
            // number: NOT INDEXED reads the table, not the list index, whose order jumps about it); CROSS JOIN keeps
            // the cases outside, so not one pass per kind.
            $"FROM main.cases c NOT INDEXED CROSS JOIN (SELECT 1 AS \"Kind\" UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) k " +
            $"WHERE c.\"Id\" >= {first} AND c.\"RoundId\" = {round} " +
            "AND \"Key\" IS NOT NULL ORDER BY 1, 2, 3", ct);
        long total;
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT COALESCE(MAX(rowid), 0) FROM temp.import_keys";
            total = Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        for (long from = 0; from < total; from += KeyChunk)
        {
            await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
            {
                Hold();
                // Rowids follow the sort: the temporary table was filled in key order.
                await ExecuteAsync(connection, tx, "INSERT OR IGNORE INTO main.case_keys (\"Kind\", \"Key\", \"CaseId\") SELECT \"Kind\", \"Key\", \"CaseId\" " +
                    $"FROM temp.import_keys WHERE rowid > {from} AND rowid <= {from + KeyChunk} ORDER BY rowid", ct);
                await tx.CommitAsync(ct);
            }
            Release();
            await LetOthersWriteAsync(ct);
        }
        await ExecuteAsync(connection, null, "DROP TABLE temp.import_keys; PRAGMA temp_store = MEMORY", ct);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private SqliteWriteIntents? Intents() =>
        _db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SqliteWriteIntents>().FirstOrDefault();

    /// <summary>The import's transaction has the write lock: the officers' writes wait for its commit in the process.</summary>
    private void Hold() => _turn = Intents()?.Hold(_db.Database.GetDbConnection());

    private void Release()
    {
        if (_turn is not { } turn) return;
        _turn = null;
        Intents()?.Release(turn);
    }

    private SqliteWriteIntents.Turn? _turn;

    private void AddPendingRegionsAndSchools()
    {
        foreach (var region in RegionSeeder.WithAncestors(_pendingCounties).Where(r => _regions!.Add(r.Code))) _db.Regions.Add(region);
        foreach (var school in _pendingSchools.Values.Where(s => _schools!.Add(s.Code))) _db.Schools.Add(school);
        _pendingCounties.Clear();
        _pendingSchools.Clear();
    }

    private async Task WriteCopyAsync(NpgsqlBinaryImporter copy, long id, CaseRow row, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(id, NpgsqlDbType.Bigint, ct);
        await copy.WriteAsync(_roundId, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(row.Category, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(row.SourceRow, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(row.PersonKey, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(row.PersonName, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(row.IdNumber, NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, Case.TailOf(row.IdNumber), NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(copy, row.StudentNo, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(row.CountyCode, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(row.CountyName, NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, row.SchoolCode, NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(copy, row.SchoolName, NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, row.Township, NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(copy, row.Village, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync((int)row.Unit, NpgsqlDbType.Integer, ct);
        await WriteNullableAsync(copy, row.Reason, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(row.Details, NpgsqlDbType.Text, ct);
        await copy.WriteAsync((int)CaseState.Open, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync((int)row.Linkage, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(row.RoundsSeen, NpgsqlDbType.Integer, ct);
        if (row.PreviousCaseId is { } previous) await copy.WriteAsync(previous, NpgsqlDbType.Bigint, ct);
        else await copy.WriteNullAsync(ct);
        await copy.WriteAsync(_now, NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync(1, NpgsqlDbType.Integer, ct);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    private async Task WriteInsertAsync(SqliteCommand insert, CaseRow row, CancellationToken ct)
    {
        var p = insert.Parameters;
        p[0].Value = _roundId;
        p[1].Value = row.Category;
        p[2].Value = row.SourceRow;
        p[3].Value = row.PersonKey;
        p[4].Value = row.PersonName;
        p[5].Value = row.IdNumber;
        p[6].Value = (object?)Case.TailOf(row.IdNumber) ?? DBNull.Value;
        p[7].Value = (object?)row.StudentNo ?? DBNull.Value;
        p[8].Value = row.CountyCode;
        p[9].Value = row.CountyName;
        p[10].Value = (object?)row.SchoolCode ?? DBNull.Value;
        p[11].Value = (object?)row.SchoolName ?? DBNull.Value;
        p[12].Value = (object?)row.Township ?? DBNull.Value;
        p[13].Value = (object?)row.Village ?? DBNull.Value;
        p[14].Value = (int)row.Unit;
        p[15].Value = (object?)row.Reason ?? DBNull.Value;
        p[16].Value = row.Details;
        p[17].Value = (int)CaseState.Open;
        p[18].Value = (int)row.Linkage;
        p[19].Value = row.RoundsSeen;
        p[20].Value = (object?)row.PreviousCaseId ?? DBNull.Value;
        p[21].Value = _now;
        p[22].Value = 1;
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// For the import's own connection: a page cache that holds the indexes being filled (the default 2 MB makes every
    /// insert into a random-keyed index a read), and commits without an fsync each (WAL stays consistent; a power
    /// cut loses the last batches, and an interrupted import is undone anyway).
    /// </summary>
    private const string ImportPragmas = "PRAGMA cache_size = -262144; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY";

    /// <summary>What the connection goes back to the pool with.</summary>
    private const string DefaultPragmas = "PRAGMA cache_size = -2000; PRAGMA synchronous = FULL; PRAGMA temp_store = DEFAULT";

    private bool _opened;
    private bool _backgroundCheckpoints;

    private async Task SqlitePragmasAsync(string pragmas, CancellationToken ct)
    {
        await using var cmd = _db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = pragmas;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        // A batch still being sent finishes or fails before the COPY is abandoned (a failure is already on its way out);
        // the COPY's transaction then rolls back, and the round's table, created in it, goes with it.
        try
        {
            await _sending;
        }
#pragma warning disable CA1031 // Only waited for: the import has failed already.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        try
        {
            if (_copy is not null) await _copy.DisposeAsync(); // not completed: cancels the COPY
            if (_copyTx is not null) await _copyTx.DisposeAsync();
        }
#pragma warning disable CA1031 // A broken connection cannot cancel; the server rolls back its transaction when it goes.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        Release(); // a batch that failed holds nobody back
        if (_copyConnection is not null) await _copyConnection.DisposeAsync();
        if (_insert is not null) await _insert.DisposeAsync();
        if (_tx is not null) await _tx.DisposeAsync();
        if (_opened)
        {
            if (!_postgres) await SqlitePragmasAsync(DefaultPragmas, CancellationToken.None);
            await _db.Database.CloseConnectionAsync();
        }
    }
}
