using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Store;

/// <summary>
/// Applies the versioned SQL scripts (Store/Migrations/V###_name.{sqlite|postgres}.sql, embedded)
/// that are newer than the store's recorded version, each in its own transaction. Plain SQL per
/// provider, reviewed like code, instead of EnsureCreated (which cannot evolve a schema).
/// </summary>
public static class SchemaMigrator
{
    private const string Prefix = "Bidui.Workflow.Migrations.";

    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts(StoreProvider provider)
    {
        var suffix = provider == StoreProvider.Postgres ? ".postgres.sql" : ".sqlite.sql";
        var assembly = typeof(SchemaMigrator).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[Prefix.Length..^suffix.Length];
                int version = int.Parse(name.AsSpan(1, 3), CultureInfo.InvariantCulture);
                return (version, name, Read(assembly, n));
            })
            .OrderBy(s => s.version)];
    }

    /// <summary>
    /// Brings the store up to the latest version, or up to <paramref name="upTo"/> (a store as an older release left
    /// it, for the tests of an upgrade); returns the versions applied.
    /// </summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(BiduiDbContext db, StoreProvider provider, CancellationToken ct = default, int? upTo = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        // WAL is a property of the database file: readers then never wait for a writer.
        if (provider == StoreProvider.Sqlite) await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", ct);
        await ExecuteAsync(connection, null, provider == StoreProvider.Postgres
            ? "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
            : "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)", ct);
        int current;
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        var applied = new List<int>();
        foreach (var (version, name, sql) in Scripts(provider).Where(s => s.Version > current && s.Version <= (upTo ?? int.MaxValue)))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ExecuteAsync(connection, tx, sql, ct);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = tx;
                record.CommandText = string.Create(CultureInfo.InvariantCulture, $"INSERT INTO schema_version (version, name) VALUES ({version}, '{name}')");
                await record.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
            applied.Add(version);
        }
        return applied;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
#pragma warning disable CA2100 // The SQL is our own embedded script, not user input.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
