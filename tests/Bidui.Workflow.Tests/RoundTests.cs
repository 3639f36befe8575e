using System.Text.Json;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Tests;

/// <summary>Round import, failure and linking to the next round, on a real store.</summary>
public abstract class RoundTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    [SkippableFact]
    public async Task Every_row_of_every_action_list_becomes_a_case_and_matched_only_counts()
    {
        TestStores.Require(f.Available);
        var results = Path.Combine(f.Store.RoundDirectory(f.RoundId), "results");
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(results, "summary.json")));
        var counts = summary.RootElement.GetProperty("categories").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());

        await using var db = f.Context(UserScope.System);
        // The round offers summary.json for download: its inputs are named as uploaded, not by the server's paths.
        var uploaded = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == f.RoundId);
        var inputs = summary.RootElement.GetProperty("inputs");
        Assert.Equal(uploaded.StudentsFile, inputs.GetProperty("students").GetProperty("file").GetString());
        Assert.Equal(uploaded.PovertyFile, inputs.GetProperty("poverty").GetProperty("file").GetString());
        Assert.DoesNotContain(f.Store.DataDirectory, summary.RootElement.GetRawText(), StringComparison.Ordinal);
        var imported = await db.Cases.Where(c => c.RoundId == f.RoundId).GroupBy(c => c.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        foreach (var (code, count) in counts.Where(kv => kv.Key != "matched" && kv.Value > 0))
            Assert.Equal(count, imported.Single(i => i.Key == code).Count);
        Assert.DoesNotContain(imported, i => i.Key == "matched");
        var round = await db.Rounds.SingleAsync(r => r.Id == f.RoundId);
        Assert.Equal((RoundState.Done, counts["matched"]), (round.State, round.MatchedCount));
        Assert.Equal(counts["matched"], await db.MatchedStats.Where(m => m.RoundId == f.RoundId).SumAsync(m => m.Matched));
        // Units follow SPEC §4: school lists go to schools, dropout to the county education office, status to the rural office.
        Assert.All(await db.Cases.Where(c => c.RoundId == f.RoundId && c.Category == "dropout_suspect").ToListAsync(), c => Assert.Equal(Unit.Education, c.Unit));
        Assert.All(await db.Cases.Where(c => c.RoundId == f.RoundId && c.Category == "status_mismatch").ToListAsync(), c => Assert.Equal(Unit.Rural, c.Unit));
        Assert.All(await db.Cases.Where(c => c.RoundId == f.RoundId && c.Category == "aid_missing").ToListAsync(), c => Assert.Equal(Unit.School, c.Unit));
    }

    [SkippableFact]
    public async Task A_failed_run_leaves_the_round_as_it_was()
    {
        TestStores.Require(f.Available);
        var broken = Path.Combine(f.Store.DataDirectory, "broken.csv");
        await File.WriteAllTextAsync(broken, "这不是乡村振兴数据\n随便,写点\n");
        await using var db = f.Context(UserScope.System);
        var rounds = new RoundService(db, new AuditLog(db, f.Clock), f.Store, f.Clock);
        var round = await rounds.CreateAsync(f.Admin, new NewRound("会失败的批次", "2026-2027", "秋季学期", new(2026, 8, 31), new(2026, 12, 31)));
        await using (var s = File.OpenRead(f.Files.StudentsPath)) await rounds.SaveInputAsync(f.Admin, round.Id, RoundFiles.Students, "学籍.xlsx", s);
        await using (var s = File.OpenRead(broken)) await rounds.SaveInputAsync(f.Admin, round.Id, RoundFiles.Poverty, "脱贫.csv", s);
        await rounds.StartAsync(f.Admin, round.Id);

        await new RoundRunner(f.Store, new RoundProgressBoard(), f.Clock).RunAsync(round.Id);

        await using var check = f.Context(UserScope.System);
        var after = await check.Rounds.SingleAsync(r => r.Id == round.Id);
        Assert.Equal(RoundState.Draft, after.State);
        Assert.False(string.IsNullOrEmpty(after.LastError));
        Assert.Equal("学籍.xlsx", after.StudentsFile);
        Assert.Equal(0, await check.Cases.CountAsync(c => c.RoundId == round.Id));
        Assert.False(Directory.Exists(Path.Combine(f.Store.RoundDirectory(round.Id), "results")));
    }

    [SkippableFact]
    public async Task Next_rounds_link_persisting_reappeared_and_resolved_cases()
    {
        TestStores.Require(f.Available);
        int first = await f.RunRoundAsync("链接测试一", f.Files.StudentsPath, f.Files.PovertyPath, f.Files.AidPath);
        // Close one case of that round, as the rural office and its review would.
        long closedId;
        await using (var db = f.Context(f.ShaodongRural.Scope))
        {
            var workflow = new CaseWorkflow(db, new AuditLog(db, f.Clock), f.Clock, f.Store);
            closedId = await db.Cases.Where(c => c.RoundId == first && c.Category == "duplicate_poverty").OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            await workflow.SubmitAsync(f.ShaodongRural, closedId, "已删除重复登记", null);
            await workflow.ApproveAsync(f.ShaodongRural, closedId, null);
        }

        int second = await f.RunRoundAsync("链接测试二", f.Files.StudentsPath, f.Files.PovertyPath, f.Files.AidPath);
        await using (var db = f.Context(UserScope.System))
        {
            var cases = await db.Cases.Where(c => c.RoundId == second).ToListAsync();
            Assert.Equal(await db.Cases.CountAsync(c => c.RoundId == first), cases.Count);
            Assert.All(cases, c => Assert.NotNull(c.PreviousCaseId));
            var again = Assert.Single(cases, c => c.PreviousCaseId == closedId);
            int before = await db.Cases.Where(c => c.Id == closedId).Select(c => c.RoundsSeen).SingleAsync();
            Assert.Equal((Linkage.Reappeared, before + 1), (again.Linkage, again.RoundsSeen));
            // Same files, same problems: everything else persists, each row linked to its own predecessor.
            Assert.All(cases.Where(c => c.Id != again.Id), c => Assert.Equal(Linkage.Persisting, c.Linkage));
            Assert.Equal(cases.Count, cases.Select(c => c.PreviousCaseId).Distinct().Count());
        }

        // A third round whose dropout list lost its first row: that person's case is resolved.
        var results2 = Path.Combine(f.Store.RoundDirectory(second), "results");
        var results3 = Path.Combine(f.Store.DataDirectory, "results-three");
        Directory.CreateDirectory(results3);
        foreach (var file in Directory.EnumerateFiles(results2, "*.csv")) File.Copy(file, Path.Combine(results3, Path.GetFileName(file)), true);
        var dropout = await File.ReadAllLinesAsync(Path.Combine(results3, "dropout_suspect.csv"));
        await File.WriteAllLinesAsync(Path.Combine(results3, "dropout_suspect.csv"), [dropout[0], .. dropout[2..]], new System.Text.UTF8Encoding(true));
        int third;
        await using (var db = f.Context(UserScope.System))
        {
            var round = await new RoundService(db, new AuditLog(db, f.Clock), f.Store, f.Clock)
                .CreateAsync(f.Admin, new NewRound("链接测试三", "2027-2028", "春季学期", new(2027, 2, 28), new(2027, 4, 30)));
            third = round.Id;
            // It covers what the second round covered.
            db.RoundCounties.AddRange(db.RoundCounties.AsNoTracking().Where(x => x.RoundId == second).AsEnumerable()
                .Select(x => new RoundCounty { RoundId = third, CountyCode = x.CountyCode, CountyName = x.CountyName, Covered = x.Covered }).ToList());
            await db.SaveChangesAsync();
            await new RoundImporter(db, f.Clock).ImportAsync(third, results3);
        }
        await using (var db = f.Context(UserScope.System))
        {
            // Resolved: its county superseded by the third round, and no case of it carries the case on.
            var queries = new CaseQueries(db, f.Clock);
            var resolved = new List<Case>();
            foreach (var c in await db.Cases.AsNoTracking().Where(c => c.RoundId == second).ToListAsync())
                if (await queries.ResolvedInAsync(c) == third) resolved.Add(c);
            var gone = Assert.Single(resolved);
            Assert.Equal("dropout_suspect", gone.Category);
            Assert.Equal(1, (await db.Rounds.SingleAsync(r => r.Id == third)).ResolvedCount);
            var seenBefore = await db.Cases.Where(c => c.RoundId == second).ToDictionaryAsync(c => c.Id, c => c.RoundsSeen);
            Assert.All(await db.Cases.Where(c => c.RoundId == third && c.Category == "dropout_suspect").ToListAsync(),
                c => Assert.Equal(seenBefore[c.PreviousCaseId!.Value] + 1, c.RoundsSeen));
        }
    }

    [SkippableFact]
    public async Task Schema_scripts_hold_every_mapped_column_and_apply_once()
    {
        TestStores.Require(f.Available);
        await using var db = f.Context(UserScope.System);
        Assert.Empty(await SchemaMigrator.MigrateAsync(db, f.Store.Provider));
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var columns = string.Join(", ", entity.GetProperties().Select(p => $"\"{p.GetColumnName()}\""));
#pragma warning disable EF1002 // Names come from the model, not from input.
            await db.Database.ExecuteSqlRawAsync($"SELECT {columns} FROM \"{entity.GetTableName()}\" WHERE 1 = 0");
#pragma warning restore EF1002
        }
    }
}

[Collection(SqliteStore.Name)]
public sealed class SqliteRoundTests(SqliteDemoRound f) : RoundTests<SqliteDemoRound>(f);

[Collection(PostgresStore.Name)]
public sealed class PostgresRoundTests(PostgresDemoRound f) : RoundTests<PostgresDemoRound>(f);
