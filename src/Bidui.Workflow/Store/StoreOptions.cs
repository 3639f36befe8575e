using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Store;

public enum StoreProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the workflow keeps its data: SQLite under the data folder by default, or PostgreSQL.</summary>
public sealed record StoreOptions(StoreProvider Provider, string ConnectionString, string DataDirectory)
{
    public static StoreOptions Sqlite(string dataDirectory) =>
        new(StoreProvider.Sqlite, $"Data Source={Path.Combine(dataDirectory, "bidui.db")};Foreign Keys=True", dataDirectory);

    /// <summary>How long a SQLite writer waits for another writer before "database is locked" (imports write in short batches).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// SQLite: no connection copies the write-ahead log into the database as it commits; a background checkpointer
    /// (the web host's <c>SqliteCheckpointer</c>) does, every few seconds. Otherwise each import batch, or the officer's
    /// commit that came after it, rewrote the pages the batch had dirtied.
    /// </summary>
    public bool CheckpointInBackground { get; init; }

    // SQLite: the connections waiting for the write lock and the importer's turn (SqliteWriteIntents), shared by the
    // store's copies (`with`) and every context made from them.
    private readonly SqliteWriteIntents.Shared _writers = new();

    public static StoreOptions Postgres(string connectionString, string dataDirectory) =>
        new(StoreProvider.Postgres, connectionString, dataDirectory);

    public string AttachmentsDirectory => Path.Combine(DataDirectory, "attachments");

    public string RoundDirectory(int roundId) => Path.Combine(DataDirectory, "rounds", roundId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Configure(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Provider == StoreProvider.Postgres) builder.UseNpgsql(ConnectionString);
        else builder.UseSqlite(ConnectionString).AddInterceptors(new SqliteConnectionSetup(BusyTimeout, CheckpointInBackground, _writers),
            new SqliteWriteIntents(_writers, BusyTimeout));
    }

    public BiduiDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<BiduiDbContext>();
        Configure(builder);
        return new BiduiDbContext(builder.Options);
    }
}
