using Bidui.Inputs;
using Bidui.Workflow.Access;
using Bidui.Workflow.Store;
using Npgsql;

namespace Bidui.Workflow.Tests;

/// <summary>
/// Fresh stores for tests: a SQLite file in a temp folder, or a new database on the PostgreSQL
/// server named by BIDUI_TEST_POSTGRES (.ci/run starts one). Under CI=true a missing server fails.
/// </summary>
public static class TestStores
{
    public const string PostgresVariable = "BIDUI_TEST_POSTGRES";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A test whose store is missing (no PostgreSQL configured outside CI) reports as skipped, never as
    /// passed. Under CI=true the fixture has already failed, so the test fails.
    /// </summary>
    public static void Require(bool available) =>
        Skip.IfNot(available, $"{PostgresVariable} is not set: this PostgreSQL test did not run (set it, or CI=true to make it a failure).");

    /// <summary>Null when no server is configured outside CI (the PostgreSQL tests then report as skipped).</summary>
    public static string? PostgresServer()
    {
        var cs = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(cs) && InCi) throw new InvalidOperationException($"CI=true but {PostgresVariable} is not set: the PostgreSQL tests cannot run.");
        return string.IsNullOrWhiteSpace(cs) ? null : cs;
    }

    public static string NewDataDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bidui-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static StoreOptions Create(StoreProvider provider, string dataDirectory)
    {
        if (provider == StoreProvider.Sqlite) return StoreOptions.Sqlite(dataDirectory);
        var server = PostgresServer() ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        string database = "bidui_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var cmd = admin.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {database}";
            cmd.ExecuteNonQuery();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = database };
        return StoreOptions.Postgres(builder.ConnectionString, dataDirectory);
    }

    public static void Drop(StoreOptions store)
    {
        if (store.Provider != StoreProvider.Postgres) return;
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(store.ConnectionString);
        string database = builder.Database!;
        builder.Database = "postgres";
        using var admin = new NpgsqlConnection(builder.ConnectionString);
        admin.Open();
        using var cmd = admin.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS {database} WITH (FORCE)";
        cmd.ExecuteNonQuery();
    }

    public static async Task<BiduiDbContext> MigratedAsync(StoreOptions store)
    {
        var db = store.CreateContext();
        db.SetScope(UserScope.System);
        await SchemaMigrator.MigrateAsync(db, store.Provider);
        return db;
    }

    /// <summary>The first sheet (or CSV), or the sheet named, as rows of header → cell, read by Bidui.Inputs.</summary>
    public static List<Dictionary<string, string>> ReadSheet(string path, string? sheet = null)
    {
        using var reader = TabularFile.Open(path, sheet);
        reader.Read();
        var headers = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
            if (!reader.IsBlank) rows.Add(headers.Select((h, i) => (h, v: reader.GetString(i))).ToDictionary(x => x.h, x => x.v));
        return rows;
    }
}
