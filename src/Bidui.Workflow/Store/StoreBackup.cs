using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Bidui.Workflow.Access;
using Bidui.Workflow.Cases;
using Npgsql;

namespace Bidui.Workflow.Store;

/// <summary>What a backup holds, written beside it as backup.json and checked again after a restore.</summary>
public sealed record BackupManifest(string Provider, DateTime CreatedUtc, int SchemaVersion, int Users, int Rounds, long Cases, long AuditEntries, int Files, long FileBytes);

/// <summary>
/// A backup of the whole store while the server runs: the database first (SQLite through its online
/// backup API, a consistent copy even during an import; PostgreSQL through pg_dump, one snapshot),
/// then the files of the data folder (round inputs and results, attachments, the cookie keys). Files
/// are only ever added under the folder, so every file the database copy names is in the backup.
/// A restore goes into an empty data folder and an empty store only, and checks the counts.
/// </summary>
public static class StoreBackup
{
    public const string ManifestName = "backup.json";
    public const string SqliteName = "bidui.db";
    public const string DumpName = "bidui.pgdump";
    private const string FilesFolder = "files";

    /// <summary>The folders of the data folder a backup carries (tmp holds only uploads in progress).</summary>
    private static readonly string[] Folders = ["rounds", "attachments", "keys"];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task<BackupManifest> BackupAsync(StoreOptions store, string target, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(target);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new WorkflowException($"备份目录“{target}”不是空的：请指定一个新目录。");
        CreatePrivateDirectory(target);

        if (store.Provider == StoreProvider.Sqlite)
        {
            await using var source = new SqliteConnection(store.ConnectionString);
            await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(target, SqliteName), Pooling = false }.ConnectionString);
            await source.OpenAsync(ct);
            await copy.OpenAsync(ct);
            source.BackupDatabase(copy);
        }
        else
        {
            await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", Path.Combine(target, DumpName)], store.ConnectionString, ct);
        }
        RestrictFiles(target);

        var (files, bytes) = CopyFolders(store.DataDirectory, Path.Combine(target, FilesFolder));
        var manifest = await DescribeAsync(store, files, bytes, ct);
        await File.WriteAllTextAsync(Path.Combine(target, ManifestName), JsonSerializer.Serialize(manifest, Json), ct);
        return manifest;
    }

    /// <summary>Restores a backup into <paramref name="store"/>, whose data folder and database must be empty; checks the counts against the manifest.</summary>
    public static async Task<BackupManifest> RestoreAsync(string source, StoreOptions store, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(store);
        string manifestPath = Path.Combine(source, ManifestName);
        if (!File.Exists(manifestPath)) throw new WorkflowException($"“{source}”不是比对核查系统的备份（缺少 {ManifestName}）。");
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct))
            ?? throw new WorkflowException($"备份清单“{manifestPath}”无法读取。");
        if (!string.Equals(manifest.Provider, store.Provider.ToString(), StringComparison.Ordinal))
            throw new WorkflowException($"这是 {manifest.Provider} 的备份，不能恢复到 {store.Provider}。");
        if (Directory.Exists(store.DataDirectory) && Directory.EnumerateFileSystemEntries(store.DataDirectory).Any())
            throw new WorkflowException($"数据目录“{store.DataDirectory}”不是空的：恢复只写入空目录，不覆盖现有数据。");
        CreatePrivateDirectory(store.DataDirectory);

        if (store.Provider == StoreProvider.Sqlite)
        {
            File.Copy(Path.Combine(source, SqliteName), Path.Combine(store.DataDirectory, SqliteName));
            RestrictFiles(store.DataDirectory);
        }
        else
        {
            await using (var db = store.CreateContext())
            {
                db.SetScope(UserScope.System);
                bool empty = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").SingleAsync(ct) == 0;
                if (!empty) throw new WorkflowException("目标数据库不是空的：恢复只写入新建的空数据库，不覆盖现有数据。");
            }
            await RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", Path.Combine(source, DumpName)], store.ConnectionString, ct);
        }
        CopyFolders(Path.Combine(source, FilesFolder), store.DataDirectory);

        var restored = await DescribeAsync(store, manifest.Files, manifest.FileBytes, ct);
        var (files, bytes) = Count(store.DataDirectory);
        if (restored with { CreatedUtc = manifest.CreatedUtc } != manifest || (files, bytes) != (manifest.Files, manifest.FileBytes))
            throw new WorkflowException(string.Create(CultureInfo.InvariantCulture,
                $"恢复后的数据与备份不一致：任务 {restored.Cases}/{manifest.Cases} 条，审计 {restored.AuditEntries}/{manifest.AuditEntries} 条，文件 {files}/{manifest.Files} 个。"));
        return manifest;
    }

    private static async Task<BackupManifest> DescribeAsync(StoreOptions store, int files, long bytes, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        db.SetScope(UserScope.System);
        int version = await db.Database.SqlQueryRaw<int>("SELECT COALESCE(MAX(version), 0) AS \"Value\" FROM schema_version").SingleAsync(ct);
        return new BackupManifest(store.Provider.ToString(), DateTime.UtcNow, version,
            await db.Users.CountAsync(ct), await db.Rounds.CountAsync(ct), await db.Cases.LongCountAsync(ct), await db.Audit.LongCountAsync(ct), files, bytes);
    }

    private static (int Files, long Bytes) CopyFolders(string from, string to)
    {
        int files = 0;
        long bytes = 0;
        foreach (string folder in Folders)
        {
            string root = Path.Combine(from, folder);
            if (!Directory.Exists(root)) continue;
            foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                string copy = Path.Combine(to, Path.GetRelativePath(from, file));
                CreatePrivateDirectory(Path.GetDirectoryName(copy)!);
                using (var input = File.OpenRead(file))
                using (var output = StoreFiles.Create(copy))
                    input.CopyTo(output);
                files++;
                bytes += new FileInfo(copy).Length;
            }
        }
        return (files, bytes);
    }

    private static (int Files, long Bytes) Count(string dataDirectory)
    {
        var all = Folders.Select(f => Path.Combine(dataDirectory, f)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)).ToList();
        return (all.Count, all.Sum(f => new FileInfo(f).Length));
    }

    /// <summary>pg_dump/pg_restore with the store's connection in PG* variables: the password never appears in a process list.</summary>
    private static async Task RunAsync(string tool, IEnumerable<string> arguments, string connectionString, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        if (tool == "pg_restore") { start.ArgumentList.Add("--dbname"); start.ArgumentList.Add(cs.Database ?? ""); }
        start.Environment["PGHOST"] = cs.Host;
        start.Environment["PGPORT"] = cs.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = cs.Username;
        start.Environment["PGPASSWORD"] = cs.Password;
        start.Environment["PGDATABASE"] = cs.Database;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new WorkflowException($"无法启动 {tool}。");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new WorkflowException($"找不到 {tool}：请安装与数据库服务器同版本的 PostgreSQL 客户端（{ex.Message}）。");
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(ct);
            await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0) throw new WorkflowException($"{tool} 失败（退出码 {process.ExitCode}）：{(await errors).Trim()}");
        }
    }

    private static void CreatePrivateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
        else Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static void RestrictFiles(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        foreach (var file in Directory.EnumerateFiles(directory, "bidui.*")) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
