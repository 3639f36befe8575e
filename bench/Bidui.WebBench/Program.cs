using System.Diagnostics;
using System.Globalization;
using Bidui.Web;
using Bidui.Web.Hosting;
using Bidui.Workflow.Access;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bidui.WebBench;

/// <summary>
/// `bidui-webbench`: a province round in the web workflow, on each store. Generates the round's lists (and a small
/// earlier round's, or with `--earlier-full` one as large) in the results format, starts the real web app on a fresh
/// store, imports the earlier round, signs in the officers, then imports the big round through the real job
/// (RoundRunner) while the officers keep working on the earlier one, and then drives the officer's pages with every
/// user at once. Each store runs in its own process, so that its peak memory is its own. docs/PERFORMANCE.md has the
/// command and the figures.
/// </summary>
internal static class Program
{
    private const string Password = "Bench-Officer@2026!";

    private static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        // The app's request and EF logs would cost the bench what they cost a server that logs them: a server logs warnings.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        var o = BenchOptions.Parse(args);
        if (o.Store is { } store) return await RunStoreAsync(o, store);

        Console.WriteLine($"bidui-webbench: {o.Cases:N0} cases, {o.Users} users, {o.Seconds} s a page; load average {LoadAverage()}");
        string lists = o.Lists;
        if (!File.Exists(Path.Combine(lists, "done")))
        {
            var sw = Stopwatch.StartNew();
            var province = new ProvinceLists();
            province.Write(Path.Combine(lists, "earlier"), o.Cases, o.EarlierFull ? EarlierShape.Full : EarlierShape.Small);
            province.Write(Path.Combine(lists, "round"), o.Cases, EarlierShape.None);
            await File.WriteAllTextAsync(Path.Combine(lists, "done"), "");
            Console.WriteLine($"lists generated in {sw.Elapsed.TotalSeconds:F1} s: {lists}");
        }
        int failed = 0;
        foreach (var kind in o.Stores)
        {
            // This program again: through `dotnet` with the dll when run that way, else the apphost alone (`dotnet run` starts the apphost).
            string self = Environment.ProcessPath!;
            string[] prefix = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [typeof(Program).Assembly.Location] : [];
            var start = new ProcessStartInfo(self, [.. prefix, .. args, "--store", kind]) { UseShellExecute = false };
            // The server's environment as deploy/bidui.service and deploy/Dockerfile give it: two malloc arenas (glibc),
            // so that the memory SQLite frees is reused, not kept by the arena of the thread that freed it.
            if (Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is null) start.Environment["MALLOC_ARENA_MAX"] = "2";
            using var child = Process.Start(start)!;
            await child.WaitForExitAsync();
            if (child.ExitCode != 0) failed++;
        }
        return failed == 0 ? 0 : 1;
    }

    private static async Task<int> RunStoreAsync(BenchOptions o, string kind)
    {
        var province = new ProvinceLists();
        string lists = o.Lists;
        string data = Path.Combine(o.Work, "data-" + kind);
        if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        var store = kind == "postgres" ? CreatePostgres(o, data) : StoreOptions.Sqlite(data);
        Console.WriteLine();
        Console.WriteLine($"== {(kind == "postgres" ? "PostgreSQL" : "SQLite")}: load average {LoadAverage()}");
        WebApplication? app = null;
        var users = new List<BenchUser>();
        try
        {
            app = await BiduiWebApp.BuildAsync(new WebOptions(store, "http://127.0.0.1:0") { Console = TextWriter.Null });
            await app.StartAsync();
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
            var officers = await SeedUsersAsync(store, province, o.Users);
            // The server's own job, with the store as the server configures it (on SQLite: checkpoints in the background).
            var runner = app.Services.GetRequiredService<RoundRunner>();

            int earlier = await NewRoundAsync(store, province, "上一批次", Path.Combine(lists, "earlier"));
            var sw = Stopwatch.StartNew();
            await runner.ImportAsync(earlier);
            await CheckDoneAsync(store, earlier);
            Console.WriteLine($"earlier round: {await CaseCountAsync(store, earlier):N0} cases imported in {sw.Elapsed.TotalSeconds:F1} s");

            foreach (var (name, county) in officers) users.Add(await BenchUser.SignInAsync(address, name, Password, county));
            var earlierCases = await SampleAsync(store, earlier, province.LargeCounties);

            // The server a province imports into has been up for days: its pages compiled and tuned by the JIT. The
            // officers work for a while first (not measured), so that the import is not timed with the JIT's start.
            if (o.WarmupSeconds > 0 && !o.QuietImport)
            {
                using var warm = new CancellationTokenSource(TimeSpan.FromSeconds(o.WarmupSeconds));
                await LoadDriver.WorkUntilAsync(Pages(earlier, earlierCases), users, warm.Token, TimeSpan.FromMilliseconds(o.ThinkMs));
            }

            int round = await NewRoundAsync(store, province, "本批次", Path.Combine(lists, "round"));
            long peakBefore = PeakWorkingSet();
            var memory = new MemoryWatch(store.Provider == StoreProvider.Sqlite);
            using var stop = new CancellationTokenSource();
            var working = LoadDriver.WorkUntilAsync(Pages(earlier, earlierCases), o.QuietImport ? [] : users, stop.Token, TimeSpan.FromMilliseconds(o.ThinkMs));
            var cpu = ProcessorTime();
            sw.Restart();
            await runner.ImportAsync(round);
            double importSeconds = sw.Elapsed.TotalSeconds;
            double importCpu = (ProcessorTime() - cpu).TotalSeconds;
            await stop.CancelAsync();
            var during = await working;
            await CheckDoneAsync(store, round);
            long cases = await CaseCountAsync(store, round);
            long peak = PeakWorkingSet();
            await memory.DisposeAsync();
            Console.WriteLine($"import: {cases:N0} cases in {importSeconds:F1} s ({cases / importSeconds:N0} cases/s), process CPU {importCpu:F1} s; peak working set {peak / 1048576.0:N0} MB " +
                $"(before the import {peakBefore / 1048576.0:N0} MB); load average {LoadAverage()}");
            Console.WriteLine($"memory during the import, sampled every 50 ms: {memory.Describe()}");
            Console.WriteLine($"during the import: {during.Requests:N0} requests by {users.Count} users, {during.Errors} failed, p99 {during.P99:F0} ms" +
                (during.Samples.Count > 0 ? " — " + string.Join("; ", during.Samples) : ""));

            var sample = await SampleAsync(store, round, province.LargeCounties);
            await PrepareBulkAsync(store, round, users);
            var results = new List<PageResult>();
            foreach (var page in Pages(round, sample, bulk: true))
            {
                var result = await LoadDriver.RunAsync(page, users, TimeSpan.FromSeconds(o.Seconds));
                results.Add(result);
                Console.WriteLine($"  {result.Name,-14} {result.Requests,7:N0} requests {result.PerSecond,8:F1}/s   p50 {result.P50,7:F0} ms   p99 {result.P99,7:F0} ms   errors {result.Errors}" +
                    (result.ErrorSamples.Count > 0 ? " — " + string.Join("; ", result.ErrorSamples) : ""));
            }

            double importTarget = kind == "postgres" ? 60 : 120, pageTarget = kind == "postgres" ? 500 : 1000;
            bool met = importSeconds <= importTarget && peak <= 1L << 30 && during.Errors == 0 && results.All(r => r.P99 <= pageTarget && r.Errors == 0);
            Console.WriteLine($"targets (import ≤ {importTarget} s, peak ≤ 1 GB, no failed request, every page p99 ≤ {pageTarget} ms): {(met ? "met" : "NOT met")}; " +
                $"load average {LoadAverage()}");
            return met ? 0 : 1;
        }
        finally
        {
            foreach (var u in users) u.Dispose();
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
            if (!o.Keep) DropStore(store);
        }
    }

    /// <summary>Cases each bulk approval approves, and bulk approvals a user makes (after two unmeasured ones).</summary>
    private const int BulkSize = 500, BulkPerUser = 3;

    /// <summary>The pages a county officer uses, for one round; add a page here to measure it.</summary>
    private static List<PageSpec> Pages(int round, Dictionary<int, List<(long Id, string Tail)>> cases, bool bulk = false)
    {
        string R = round.ToString(CultureInfo.InvariantCulture);
        (long Id, string Tail) Any(BenchUser u) => cases[u.County][u.Random.Next(cases[u.County].Count)];
        List<PageSpec> pages =
        [
            PageSpec.Get("待办 to-do", _ => "Cases/Todo"),
            PageSpec.Get("列表 list", _ => $"Cases?RoundId={R}"),
            PageSpec.Get("筛选 filtered", u => $"Cases?RoundId={R}&Category=aid_missing&State=Open&Unit=School&p={u.Random.Next(1, 20)}"),
            PageSpec.Get("第1000页 p1000", _ => $"Cases?RoundId={R}&p=1000"),
            PageSpec.Get("尾号 last4", u => $"Cases?RoundId={R}&Q={Any(u).Tail}"),
            PageSpec.Get("任务 case", u => $"Cases/Detail/{Any(u).Id}"),
            PageSpec.Get("看板 dashboard", _ => $"Dashboard?RoundId={R}"),
        ];
        if (bulk) pages.Add(new PageSpec("批量审核 500", u => u.BulkApproveAsync(BulkSize), BulkPerUser));
        return pages;
    }

    /// <summary>
    /// Submits, as the schools and the education office would have, the cases each officer then approves in bulk:
    /// per county, its officers' share of its open education and school cases (version raised, as a submission does).
    /// </summary>
    private static async Task PrepareBulkAsync(StoreOptions store, int round, IReadOnlyList<BenchUser> users)
    {
        await using var db = store.CreateContext();
        db.SetScope(UserScope.System);
        int perUser = BulkSize * (BulkPerUser + 2);
        foreach (var group in users.GroupBy(u => u.County))
        {
            var ids = await db.Cases.Where(c => c.RoundId == round && c.CountyCode == group.Key && c.State == CaseState.Open
                    && (c.Unit == Unit.Education || c.Unit == Unit.School))
                .OrderBy(c => c.Id).Select(c => c.Id).Take(perUser * group.Count()).ToListAsync();
            foreach (var chunk in ids.Chunk(5000))
                await db.Cases.Where(c => chunk.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CaseState.Submitted)
                    .SetProperty(c => c.Result, "已补发资助").SetProperty(c => c.SubmittedAt, DateTime.UtcNow).SetProperty(c => c.Version, c => c.Version + 1));
            var versions = new List<(long, int)>();
            foreach (var chunk in ids.Chunk(5000))
                versions.AddRange((await db.Cases.Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.Version }).ToListAsync()).Select(x => (x.Id, x.Version)));
            int i = 0;
            foreach (var v in versions.OrderBy(v => v.Item1)) group.ElementAt(i++ / perUser % group.Count()).Submitted.Enqueue(v);
        }
        // The schools' submissions of days, made here in a few seconds: the autovacuum (after 1 % of the cases changed,
        // V010) would have run between them. Without it the first page measured reads the 50,000 old versions' index
        // entries from the table (one user's to-do: 51-98 ms against 16-22 ms after the vacuum; 20 users': p50 855 ms).
        // The officers' own changes during the measurement (the bulk approvals) are not vacuumed for them.
        if (store.Provider == StoreProvider.Postgres) await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) cases");
    }

    private static async Task<List<(string Name, int County)>> SeedUsersAsync(StoreOptions store, ProvinceLists province, int count)
    {
        await using var db = store.CreateContext();
        db.SetScope(UserScope.System);
        string hash = PasswordHashing.Hash(Password);
        var officers = Enumerable.Range(1, count).Select(i => (Name: $"bench{i:D2}", County: province.LargeCounties[i % province.LargeCounties.Length])).ToList();
        db.Users.AddRange(officers.Select(x => new User { UserName = x.Name, DisplayName = "县教育局 " + x.Name, PasswordHash = hash, Role = Role.CountyEducation, RegionCode = x.County }));
        await db.SaveChangesAsync();
        return officers;
    }

    /// <summary>A round whose comparison is done and whose counties are confirmed: its lists are in its results folder, the import is next.</summary>
    private static async Task<int> NewRoundAsync(StoreOptions store, ProvinceLists province, string name, string lists)
    {
        await using var db = store.CreateContext();
        db.SetScope(UserScope.System);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var round = new Round
        {
            Name = name, SchoolYear = "2026-2027", Term = "秋季学期", ReferenceDate = today.AddDays(-30), Deadline = today.AddDays(30), ProvinceCode = ProvinceLists.Province,
            State = RoundState.Importing, CreatedAt = DateTime.UtcNow, CreatedBy = "bench",
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        string results = Path.Combine(store.RoundDirectory(round.Id), "results");
        Directory.CreateDirectory(results);
        foreach (var file in Directory.GetFiles(lists, "*.csv")) File.Copy(file, Path.Combine(results, Path.GetFileName(file)));
        // The list rows per county, as the comparison's coverage would have counted them (the import's progress total).
        var rows = File.ReadAllLines(Path.Combine(lists, "counties.txt")).Select(l => l.Split(','))
            .ToDictionary(p => int.Parse(p[0], CultureInfo.InvariantCulture), p => int.Parse(p[1], CultureInfo.InvariantCulture));
        db.RoundCounties.AddRange(province.Counties.Select(c => new RoundCounty
        {
            RoundId = round.Id, CountyCode = c, CountyName = Bidui.Core.Regions.RegionTable.Default.FullName(c), Covered = true, CaseRows = rows.GetValueOrDefault(c),
        }));
        await db.SaveChangesAsync();
        return round.Id;
    }

    private static async Task CheckDoneAsync(StoreOptions store, int round)
    {
        await using var db = store.CreateContext();
        db.SetScope(UserScope.System);
        var r = await db.Rounds.AsNoTracking().SingleAsync(x => x.Id == round);
        if (r.State != RoundState.Done) throw new InvalidOperationException($"round {round} is {r.State}: {r.LastError}");
    }

    private static async Task<long> CaseCountAsync(StoreOptions store, int round)
    {
        await using var db = store.CreateContext();
        db.SetScope(UserScope.System);
        return await db.Cases.LongCountAsync(c => c.RoundId == round);
    }

    /// <summary>Up to 2,000 cases of each officer's county (number and ID tail), for case pages and searches.</summary>
    private static async Task<Dictionary<int, List<(long Id, string Tail)>>> SampleAsync(StoreOptions store, int round, int[] counties)
    {
        await using var db = store.CreateContext();
        db.SetScope(UserScope.System);
        var sample = new Dictionary<int, List<(long, string)>>();
        foreach (int county in counties)
        {
            var rows = await db.Cases.AsNoTracking().Where(c => c.RoundId == round && c.CountyCode == county && c.IdTail != null && c.Id % 7 == 0)
                .Select(c => new { c.Id, c.IdTail }).Take(2000).ToListAsync();
            sample[county] = [.. rows.Select(r => (r.Id, r.IdTail!))];
        }
        return sample;
    }

    private static StoreOptions CreatePostgres(BenchOptions o, string data)
    {
        string server = o.Postgres ?? Environment.GetEnvironmentVariable("BIDUI_TEST_POSTGRES")
            ?? throw new InvalidOperationException("PostgreSQL: pass --postgres \"Host=…;Username=…;Password=…;Database=postgres\" or set BIDUI_TEST_POSTGRES.");
        string database = "bidui_webbench_" + Guid.NewGuid().ToString("N")[..8];
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var cmd = admin.CreateCommand();
            cmd.CommandText = "CREATE DATABASE " + database;
            cmd.ExecuteNonQuery();
        }
        Directory.CreateDirectory(data);
        return StoreOptions.Postgres(new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 100 }.ConnectionString, data);
    }

    private static void DropStore(StoreOptions store)
    {
        if (store.Provider == StoreProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            var builder = new NpgsqlConnectionStringBuilder(store.ConnectionString);
            string database = builder.Database!;
            builder.Database = "postgres";
            using var admin = new NpgsqlConnection(builder.ConnectionString);
            admin.Open();
            using var cmd = admin.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS {database} WITH (FORCE)";
            // An autovacuum worker still on the store's tables belongs to the server's superuser, which the
            // bench's role may not terminate (42501): wait for it to finish its table, up to two minutes.
            for (int attempt = 1; ; attempt++)
            {
                try { cmd.ExecuteNonQuery(); break; }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 120) { Thread.Sleep(1000); }
            }
        }
        if (Directory.Exists(store.DataDirectory)) Directory.Delete(store.DataDirectory, recursive: true);
    }

    private static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64;
    }

    private static TimeSpan ProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}

internal sealed record BenchOptions(long Cases, int Users, int Seconds, string Work, string? Postgres, bool Keep, string[] Stores, string? Store,
    bool QuietImport, int ThinkMs, int WarmupSeconds, bool EarlierFull)
{
    /// <summary>Where the generated lists are kept between runs (they depend on the size and the earlier round's shape only).</summary>
    public string Lists => Path.Combine(Work, EarlierFull ? $"lists-{Cases}-earlier-full" : $"lists-{Cases}");

    public static BenchOptions Parse(string[] args)
    {
        long cases = 1_000_000;
        int users = 20, seconds = 15;
        string work = Path.Combine(Path.GetTempPath(), "bidui-webbench");
        string? postgres = null, store = null;
        bool keep = false, quiet = false, earlierFull = false;
        int thinkMs = 0, warmup = 0;
        string[] stores = ["sqlite", "postgres"];
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--cases": cases = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--users": users = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--work": work = Next(); break;
                case "--postgres": postgres = Next(); break;
                case "--keep": keep = true; break;
                case "--quiet-import": quiet = true; break;
                case "--think-ms": thinkMs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--stores": stores = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--store": store = Next(); break;
                case "--earlier-full": earlierFull = true; break;
                default: throw new ArgumentException("unknown option " + args[i] + "; usage: bidui-webbench [--cases N] [--users N] [--seconds S] [--stores sqlite,postgres] [--postgres CS] [--work DIR] [--keep] [--quiet-import] [--think-ms MS] [--warmup S] [--earlier-full]");
            }
        }
        if (stores.Any(s => s is not ("sqlite" or "postgres"))) throw new ArgumentException("--stores takes sqlite and/or postgres");
        return new BenchOptions(cases, users, seconds, work, postgres, keep, stores, store, quiet, thinkMs, warmup, earlierFull);
    }
}
