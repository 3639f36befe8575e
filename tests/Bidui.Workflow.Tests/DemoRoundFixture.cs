using Bidui.Core.Dates;
using Bidui.Synthetic;
using Bidui.Workflow.Access;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Tests;

/// <summary>
/// One store with the demo province compared into round 1, and its users. Built once per store
/// kind: the comparison takes seconds, the tests then only read or touch separate cases.
/// </summary>
public abstract class DemoRoundFixture : IAsyncLifetime
{
    public const int Shaodong = 430582;
    public const int Longhui = 430524;
    public const string Password = "Pa55word!";

    protected abstract StoreProvider Provider { get; }

    public StoreOptions Store { get; private set; } = null!;
    public bool Available { get; private set; }
    public DemoFiles Files { get; private set; } = null!;
    public int RoundId { get; private set; }
    public Actor Admin { get; private set; } = null!;
    public Actor ShaodongEducation { get; private set; } = null!;
    public Actor ShaodongRural { get; private set; } = null!;
    public Actor LonghuiEducation { get; private set; } = null!;
    public Actor School { get; private set; } = null!;
    public Actor Auditor { get; private set; } = null!;
    public TimeProvider Clock { get; } = TimeProvider.System;

    public async Task InitializeAsync()
    {
        if (Provider == StoreProvider.Postgres && TestStores.PostgresServer() is null) return;
        Available = true;
        var dir = TestStores.NewDataDirectory();
        Store = TestStores.Create(Provider, dir);
        await using var db = await TestStores.MigratedAsync(Store);
        var users = new List<User>
        {
            new() { UserName = "admin", Role = Role.ProvinceAdmin, RegionCode = 430000 },
            new() { UserName = "sd.jy", Role = Role.CountyEducation, RegionCode = Shaodong },
            new() { UserName = "sd.xc", Role = Role.CountyRural, RegionCode = Shaodong },
            new() { UserName = "lh.jy", Role = Role.CountyEducation, RegionCode = Longhui },
            new() { UserName = "school", Role = Role.SchoolAid, RegionCode = Shaodong },
            new() { UserName = "audit", Role = Role.Auditor, RegionCode = 430000 },
        };
        foreach (var u in users) { u.DisplayName = u.UserName; u.PasswordHash = PasswordHashing.Hash(Password); }
        db.Users.AddRange(users);
        await db.SaveChangesAsync();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Files = DemoGenerator.Generate(Path.Combine(dir, "demo-inputs"), new DemoOptions(DemoSize.Small, 1, ReferenceDates.Default(today), today));
        Admin = Actor.Of(users[0]);
        RoundId = await RunRoundAsync("第一批", Files.StudentsPath, Files.PovertyPath, Files.AidPath);

        // The school officer gets the 邵东市 school with the most school cases.
        string school = await db.Cases.Where(c => c.CountyCode == Shaodong && c.Unit == Unit.School)
            .GroupBy(c => c.SchoolCode).OrderByDescending(g => g.Count()).Select(g => g.Key!).FirstAsync();
        users[4].SchoolCode = school;
        await db.SaveChangesAsync();
        (ShaodongEducation, ShaodongRural, LonghuiEducation, School, Auditor) =
            (Actor.Of(users[1]), Actor.Of(users[2]), Actor.Of(users[3]), Actor.Of(users[4]), Actor.Of(users[5]));
    }

    /// <summary>Creates a round, uploads the files, compares, confirms the proposed coverage and imports; returns its id.</summary>
    public async Task<int> RunRoundAsync(string name, string students, string poverty, string? aid)
    {
        int id = await CompareAsync(name, students, poverty, aid);
        await using (var db = Context(UserScope.System))
        {
            var rounds = new RoundService(db, new Audit.AuditLog(db, Clock), Store, Clock);
            var coverage = await rounds.CoverageAsync(id);
            await rounds.ConfirmAsync(Admin, id, [.. coverage.Counties.Where(c => c.Covered).Select(c => c.CountyCode)], acceptShortInputs: false);
        }
        await Runner().ImportAsync(id);
        // The runner records a failed import on the round (and undoes it): a test must not go on with no cases.
        await using (var db = Context(UserScope.System))
        {
            var done = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == id);
            if (done.State != RoundState.Done) throw new InvalidOperationException($"round {id} import: {done.State}, {done.LastError}");
        }
        return id;
    }

    public RoundRunner Runner() => new(Store, new RoundProgressBoard(), Clock);

    /// <summary>Creates a round, uploads the files and compares them: the round waits for its coverage to be confirmed.</summary>
    public async Task<int> CompareAsync(string name, string students, string poverty, string? aid)
    {
        int id;
        await using (var db = Context(UserScope.System))
        {
            var rounds = new RoundService(db, new Audit.AuditLog(db, Clock), Store, Clock);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var round = await rounds.CreateAsync(Admin, new NewRound(name, "2026-2027", "秋季学期", ReferenceDates.Default(today), today.AddDays(30)));
            id = round.Id;
            foreach (var (kind, path) in new[] { (RoundFiles.Students, students), (RoundFiles.Poverty, poverty), (RoundFiles.Aid, aid) })
            {
                if (path is null) continue;
                await using var s = File.OpenRead(path);
                await rounds.SaveInputAsync(Admin, id, kind, Path.GetFileName(path), s);
            }
            await rounds.StartAsync(Admin, id);
        }
        await Runner().RunAsync(id);
        return id;
    }

    public BiduiDbContext Context(UserScope scope)
    {
        var db = Store.CreateContext();
        db.SetScope(scope);
        return db;
    }

    public Task DisposeAsync()
    {
        if (Available) TestStores.Drop(Store);
        return Task.CompletedTask;
    }
}

public sealed class SqliteDemoRound : DemoRoundFixture
{
    protected override StoreProvider Provider => StoreProvider.Sqlite;
}

public sealed class PostgresDemoRound : DemoRoundFixture
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

/// <summary>One demo store per kind, shared by every test class of that kind (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class SqliteStore : ICollectionFixture<SqliteDemoRound>
{
    public const string Name = "SQLite store";
}

[CollectionDefinition(Name)]
public sealed class PostgresStore : ICollectionFixture<PostgresDemoRound>
{
    public const string Name = "PostgreSQL store";
}
