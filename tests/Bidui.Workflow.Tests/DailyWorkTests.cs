using System.Text.Json;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Tests;

/// <summary>
/// The county officer's daily work on a store of its own (the demo round, untouched by other classes): bulk
/// approve and return through the single-case rules, the to-do, and townships and villages below the county
/// with dispatch of dropout cases, scoped by the store's query filters.
/// </summary>
public abstract class DailyWorkTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    private (BiduiDbContext Db, CaseWorkflow Workflow) Open(Actor actor)
    {
        var db = f.Context(actor.Scope);
        return (db, new CaseWorkflow(db, new AuditLog(db, f.Clock), f.Clock, f.Store));
    }

    private async Task<List<Case>> CasesAsync(Func<IQueryable<Case>, IQueryable<Case>> where)
    {
        await using var db = f.Context(UserScope.System);
        return await where(db.Cases.Where(c => c.RoundId == f.RoundId)).OrderBy(c => c.Id).ToListAsync();
    }

    private async Task<Actor> UserAsync(Role role, string? township = null, string? village = null)
    {
        await using var db = f.Context(UserScope.System);
        var user = new User
        {
            UserName = "u" + Guid.NewGuid().ToString("N")[..10], DisplayName = "测试", Role = role, RegionCode = DemoRoundFixture.Shaodong,
            Township = township, Village = village, PasswordHash = "x",
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return Actor.Of(user);
    }

    [SkippableFact]
    public async Task Import_keeps_the_households_township_and_village_when_the_household_is_in_the_responsible_county()
    {
        TestStores.Require(f.Available);
        var cases = await CasesAsync(q => q);
        int withTownship = 0;
        foreach (var c in cases)
        {
            var row = JsonSerializer.Deserialize<Dictionary<string, string>>(c.Details)!;
            bool here = row.TryGetValue("户籍县级代码", out var county) && county == c.CountyCode.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && row.TryGetValue("乡镇", out var t) && t.Length > 0;
            Assert.Equal(here ? row["乡镇"] : null, c.Township);
            Assert.Equal(here && row["村"].Length > 0 ? row["村"] : null, c.Village);
            if (here) withTownship++;
        }
        Assert.True(cases.Count(c => c.Category == "dropout_suspect" && c.Township != null) >= 4, "the demo's dropout cases carry townships");
        Assert.True(withTownship > 0);
    }

    [SkippableFact]
    public async Task Schema_V008_fills_the_township_of_cases_imported_before_it()
    {
        TestStores.Require(f.Available);
        var before = await CasesAsync(q => q.Where(c => c.Township != null));
        var script = SchemaMigrator.Scripts(f.Store.Provider).Single(s => s.Version == 8).Sql;
        string update = script[script.IndexOf("UPDATE", StringComparison.Ordinal)..script.IndexOf(';', script.IndexOf("UPDATE", StringComparison.Ordinal))];
        await using (var db = f.Context(UserScope.System))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Cases.Where(c => c.RoundId == f.RoundId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Township, (string?)null).SetProperty(c => c.Village, (string?)null));
#pragma warning disable EF1002 // The statement is the migration's own.
            await db.Database.ExecuteSqlRawAsync(update);
#pragma warning restore EF1002
            var after = await db.Cases.Where(c => c.Township != null && c.RoundId == f.RoundId).OrderBy(c => c.Id).Select(c => new { c.Id, c.Township, c.Village }).ToListAsync();
            Assert.Equal(before.Select(c => new { c.Id, c.Township, c.Village }), after);
            await tx.RollbackAsync();
        }
    }

    [SkippableFact]
    public async Task Bulk_approve_and_return_apply_the_single_case_rules_to_each_case()
    {
        TestStores.Require(f.Available);
        var rural = await CasesAsync(q => q.Where(c => c.CountyCode == DemoRoundFixture.Shaodong && c.Category == "status_mismatch" && c.State == CaseState.Open));
        Assert.True(rural.Count >= 6, "the demo has status_mismatch cases in 邵东市");
        var (db, workflow) = Open(f.ShaodongRural);
        await using var _ = db;
        foreach (var c in rural.Take(5)) await workflow.SubmitAsync(f.ShaodongRural, c.Id, "其他", "已入户核实");
        var submitted = await CasesAsync(q => q.Where(c => rural.Take(5).Select(r => r.Id).Contains(c.Id)));
        var longhui = (await CasesAsync(q => q.Where(c => c.CountyCode == DemoRoundFixture.Longhui))).First();

        // The education office may not review the rural office's cases: every one is refused, nothing changes.
        var (eduDb, education) = Open(f.ShaodongEducation);
        await using (eduDb)
        {
            var refusedAll = await education.BulkAsync(f.ShaodongEducation, BulkAction.Approve, [.. submitted.Select(c => new BulkItem(c.Id, c.Version))], null);
            Assert.Equal(0, refusedAll.Done);
            Assert.All(refusedAll.Refused, r => Assert.Contains("县级乡村振兴部门核查", r.Reason, StringComparison.Ordinal));
        }

        var items = new List<BulkItem>
        {
            new(submitted[0].Id, submitted[0].Version), new(submitted[1].Id, submitted[1].Version), new(submitted[2].Id, submitted[2].Version),
            new(submitted[3].Id, submitted[3].Version - 1), // the page showed an older version
            new(rural[5].Id, rural[5].Version),             // not submitted
            new(longhui.Id, longhui.Version),               // another county
        };
        var t0 = DateTime.UtcNow.AddSeconds(-1);
        var outcome = await workflow.BulkAsync(f.ShaodongRural, BulkAction.Approve, items, "材料齐全");
        var t1 = DateTime.UtcNow.AddSeconds(1);
        Assert.Equal(3, outcome.Done);
        Assert.Equal([submitted[3].Id, rural[5].Id, longhui.Id], outcome.Refused.Select(r => r.CaseId));
        Assert.Contains("已被他人处理或修改", outcome.Refused[0].Reason, StringComparison.Ordinal);
        Assert.Contains("待核查", outcome.Refused[1].Reason, StringComparison.Ordinal);
        Assert.Contains("不在您的管辖范围内", outcome.Refused[2].Reason, StringComparison.Ordinal);
        Assert.Null(outcome.Refused[2].PersonName); // nothing of another county is told

        await Assert.ThrowsAsync<WorkflowException>(() => workflow.BulkAsync(f.ShaodongRural, BulkAction.Return, [new(submitted[4].Id, submitted[4].Version)], " "));
        var returned = await workflow.BulkAsync(f.ShaodongRural, BulkAction.Return, [new(submitted[3].Id, submitted[3].Version), new(submitted[4].Id, submitted[4].Version)], "请补充说明");
        Assert.Equal((2, 0), (returned.Done, returned.Refused.Count));

        await using var check = f.Context(UserScope.System);
        var states = await check.Cases.Where(c => rural.Select(r => r.Id).Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.State).ToListAsync();
        Assert.Equal([CaseState.Closed, CaseState.Closed, CaseState.Closed, CaseState.Returned, CaseState.Returned], states.Take(5));
        Assert.Equal(CaseState.Open, states[5]);
        Assert.Equal(CaseState.Open, (await check.Cases.SingleAsync(c => c.Id == longhui.Id)).State);
        foreach (var c in submitted.Take(3))
        {
            Assert.Equal(["提交核查结果", "审核通过"], await check.CaseEvents.Where(e => e.CaseId == c.Id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
            var entry = await check.Audit.SingleAsync(a => a.Target == CaseWorkflow.CaseTarget(c.Id) && a.Action == "审核通过");
            Assert.Contains("材料齐全", entry.Detail, StringComparison.Ordinal);
            // Written by the bulk path's own statements: every field as the single action writes it, and times the store
            // compares as it compares EF's (a range in the store's own terms finds them).
            var approval = await check.CaseEvents.Where(e => e.CaseId == c.Id).OrderBy(e => e.Id).LastAsync();
            Assert.Equal((f.ShaodongRural.UserName, (string?)null, "材料齐全"), (approval.UserName, approval.Result, approval.Note));
            Assert.InRange(approval.At, t0, t1);
            Assert.True(await check.CaseEvents.AnyAsync(e => e.Id == approval.Id && e.At >= t0 && e.At <= t1));
            Assert.True(await check.Audit.AnyAsync(a => a.Id == entry.Id && a.At >= t0 && a.At <= t1 && a.UserName == f.ShaodongRural.UserName));
        }
        Assert.Equal("请补充说明", (await check.CaseEvents.Where(e => e.CaseId == submitted[4].Id).OrderBy(e => e.Id).LastAsync()).Note);
        Assert.Contains(await check.Audit.Where(a => a.Action == "批量审核通过" && a.UserName == f.ShaodongRural.UserName).Select(a => a.Detail).ToListAsync(),
            d => d.StartsWith("3 条已处理，3 条未处理", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task More_than_500_cases_or_none_are_refused_whole()
    {
        TestStores.Require(f.Available);
        var (db, workflow) = Open(f.ShaodongEducation);
        await using var _ = db;
        var ex = await Assert.ThrowsAsync<WorkflowException>(() => workflow.BulkAsync(f.ShaodongEducation, BulkAction.Approve,
            [.. Enumerable.Range(1, CaseWorkflow.MaxBulk + 1).Select(i => new BulkItem(i, 1))], null));
        Assert.Contains("500", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<WorkflowException>(() => workflow.BulkAsync(f.ShaodongEducation, BulkAction.Approve, [], null));
    }

    [SkippableFact]
    public async Task Simultaneous_bulk_approvals_close_each_case_once()
    {
        TestStores.Require(f.Available);
        var open = (await CasesAsync(q => q.Where(c => c.CountyCode == DemoRoundFixture.Shaodong && c.Unit == Unit.School && c.State == CaseState.Open))).Take(6).ToList();
        Assert.Equal(6, open.Count);
        // Submitted by their schools' officers (the scope is the case's school).
        foreach (var c in open)
        {
            var school = f.School with { SchoolCode = c.SchoolCode };
            await using var sdb = f.Context(school.Scope);
            await new CaseWorkflow(sdb, new AuditLog(sdb, f.Clock), f.Clock, f.Store).SubmitAsync(school, c.Id, Bidui.Matching.Categories.VerificationResults.For(c.Category)[0], "核实");
        }
        var items = (await CasesAsync(q => q.Where(c => open.Select(o => o.Id).Contains(c.Id)))).Select(c => new BulkItem(c.Id, c.Version)).ToList();
        using var start = new SemaphoreSlim(0);
        var runs = Enumerable.Range(0, 4).Select(async _ =>
        {
            var (db, workflow) = Open(f.ShaodongEducation);
            await using (db)
            {
                await start.WaitAsync();
                return await workflow.BulkAsync(f.ShaodongEducation, BulkAction.Approve, items, null);
            }
        }).ToList();
        start.Release(runs.Count);
        var outcomes = await Task.WhenAll(runs);
        Assert.Equal(6, outcomes.Sum(o => o.Done));
        Assert.Equal(18, outcomes.Sum(o => o.Refused.Count));
        await using var check = f.Context(UserScope.System);
        foreach (var c in open)
            Assert.Equal(1, await check.CaseEvents.CountAsync(e => e.CaseId == c.Id && e.Action == "审核通过"));
    }

    [SkippableFact]
    public async Task County_dispatches_dropout_cases_to_the_township_which_answers_and_the_village_sees_its_own()
    {
        TestStores.Require(f.Available);
        var dropout = await CasesAsync(q => q.Where(c => c.CountyCode == DemoRoundFixture.Shaodong && c.Category == "dropout_suspect" && c.State == CaseState.Open));
        var town = dropout.Where(c => c.Township != null).GroupBy(c => c.Township!).OrderByDescending(g => g.Count()).First();
        var mine = town.ToList();
        var other = dropout.First(c => c.Township != null && c.Township != town.Key);
        var township = await UserAsync(Role.Township, town.Key);
        var village = await UserAsync(Role.Village, town.Key, mine[0].Village);
        var statusCase = (await CasesAsync(q => q.Where(c => c.CountyCode == DemoRoundFixture.Shaodong && c.Category == "status_mismatch" && c.State == CaseState.Open))).Last();

        var (db, county) = Open(f.ShaodongEducation);
        await using var _ = db;
        // Only the education office dispatches, only dropout cases with a township.
        var (rdb, rural) = Open(f.ShaodongRural);
        await using (rdb)
            Assert.Contains("只有县级教育部门", (await rural.BulkAsync(f.ShaodongRural, BulkAction.Dispatch, [new(mine[0].Id, mine[0].Version)], null)).Refused.Single().Reason, StringComparison.Ordinal);
        var dispatched = await county.BulkAsync(f.ShaodongEducation, BulkAction.Dispatch, [.. mine.Select(c => new BulkItem(c.Id, c.Version)), new(statusCase.Id, statusCase.Version)], "请一周内入户");
        Assert.Equal(mine.Count, dispatched.Done);
        Assert.Contains("不派发至乡镇", dispatched.Refused.Single().Reason, StringComparison.Ordinal);

        // The township sees its township's cases only; the other township's case does not exist for it.
        await using (var tdb = f.Context(township.Scope))
        {
            var queries = new CaseQueries(tdb, f.Clock);
            var seen = await queries.Query(new CaseFilter { RoundId = f.RoundId }).ToListAsync();
            Assert.All(seen, c => Assert.Equal((DemoRoundFixture.Shaodong, town.Key), (c.CountyCode, c.Township)));
            Assert.Superset(mine.Select(c => c.Id).ToHashSet(), seen.Select(c => c.Id).ToHashSet());
            Assert.Null(await queries.FindAsync(other.Id));
            var todo = await (await new CaseToDo(tdb, queries).QueryAsync(township, ToDoKind.Submit)).Select(c => c.Id).ToListAsync();
            Assert.Equal(mine.Select(c => c.Id).Order(), todo.Order());
            var workflow = new CaseWorkflow(tdb, new AuditLog(tdb, f.Clock), f.Clock, f.Store);
            await Assert.ThrowsAsync<WorkflowException>(() => workflow.SubmitAsync(township, other.Id, "其他", "不是本乡镇"));
            await workflow.SubmitAsync(township, mine[0].Id, "省外就读无学籍", "入户核实，在广东就读");
            Assert.Equal(0, (await workflow.BulkAsync(township, BulkAction.Approve, [new(mine[0].Id, mine[0].Version + 2)], null)).Done);
        }
        // The village sees its village only, and has the township's open cases there as its to-do (read only).
        await using (var vdb = f.Context(village.Scope))
        {
            var seen = await new CaseQueries(vdb, f.Clock).Query(new CaseFilter()).ToListAsync();
            Assert.NotEmpty(seen);
            Assert.All(seen, c => Assert.Equal((town.Key, mine[0].Village), (c.Township, c.Village)));
            await Assert.ThrowsAsync<WorkflowException>(() =>
                new CaseWorkflow(vdb, new AuditLog(vdb, f.Clock), f.Clock, f.Store).SubmitAsync(village, seen[0].Id, "其他", "村不能填报"));
        }
        // The county reviews what the township submitted, and takes back one it has not answered.
        var answered = (await CasesAsync(q => q.Where(c => c.Id == mine[0].Id))).Single();
        Assert.Equal((CaseState.Submitted, Unit.Township), (answered.State, answered.Unit));
        await county.ApproveAsync(f.ShaodongEducation, answered.Id, "同意");
        if (mine.Count > 1)
        {
            var back = (await CasesAsync(q => q.Where(c => c.Id == mine[1].Id))).Single();
            Assert.Equal(1, (await county.BulkAsync(f.ShaodongEducation, BulkAction.Recall, [new(back.Id, back.Version)], null)).Done);
            Assert.Equal(Unit.Education, (await CasesAsync(q => q.Where(c => c.Id == back.Id))).Single().Unit);
        }
        await using var check = f.Context(UserScope.System);
        Assert.Equal(["派发乡镇", "提交核查结果", "审核通过"], await check.CaseEvents.Where(e => e.CaseId == mine[0].Id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Contains($"派发至 {town.Key}：请一周内入户", (await check.CaseEvents.FirstAsync(e => e.CaseId == mine[0].Id)).Note, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_to_do_holds_what_each_role_must_act_on_now()
    {
        TestStores.Require(f.Available);
        await using var all = f.Context(UserScope.System);
        var cases = await all.Cases.Where(c => all.Rounds.Any(r => r.Id == c.RoundId && r.State == RoundState.Done)).ToListAsync();
        // Current: no later finished round covers the case's county (that round carried it on or resolved it).
        var finished = await all.Rounds.Where(r => r.State == RoundState.Done).ToDictionaryAsync(r => r.Id, r => (r.FinishedAt ?? DateTime.MinValue, r.Id));
        var covering = await all.RoundCounties.Where(x => x.Covered).Select(x => new { x.RoundId, x.CountyCode }).ToListAsync();
        var current = cases.Where(c => !covering.Any(x => x.CountyCode == c.CountyCode && finished.TryGetValue(x.RoundId, out var later)
            && later.CompareTo(finished[c.RoundId]) > 0)).ToList();
        var carriedOn = cases.Where(c => c.PreviousCaseId != null).Select(c => c.PreviousCaseId!.Value).ToHashSet();
        Assert.DoesNotContain(current, c => carriedOn.Contains(c.Id));
        foreach (var actor in new[] { f.ShaodongEducation, f.ShaodongRural, f.School, f.Admin, f.LonghuiEducation })
        {
            var mine = current.Where(c => actor.Scope.Contains(c.CountyCode) && (actor.Scope.SchoolCode is null || c.SchoolCode == actor.Scope.SchoolCode)).ToList();
            int submit = actor.Role == Role.ProvinceAdmin ? 0 : mine.Count(c => c.State is CaseState.Open or CaseState.Returned && RoleInfo.MaySubmit(actor.Role, c.Unit));
            int review = actor.Role is Role.ProvinceAdmin or Role.SchoolAid ? 0 : mine.Count(c => c.State == CaseState.Submitted && RoleInfo.MayReview(actor.Role, c.Unit));
            int reassign = actor.Role == Role.ProvinceAdmin ? mine.Count(c => c.State != CaseState.Closed && c.CountyCode % 10000 == 0) : 0;
            await using var db = f.Context(actor.Scope);
            var counts = await new CaseToDo(db, new CaseQueries(db, f.Clock)).CountAsync(actor);
            Assert.Equal((submit, review, reassign), (counts.Submit, counts.Review, counts.Reassign));
        }
        Assert.True(current.Count(c => c.CountyCode == DemoRoundFixture.Shaodong && c.Unit == Unit.Education && c.State == CaseState.Open) > 0);
    }

    [SkippableFact]
    public async Task Township_and_village_accounts_name_a_township_and_village_of_the_county()
    {
        TestStores.Require(f.Available);
        var known = (await CasesAsync(q => q.Where(c => c.CountyCode == DemoRoundFixture.Shaodong && c.Village != null))).First();
        await using var db = f.Context(f.Admin.Scope);
        var admin = new UserAdmin(db, new AuditLog(db, f.Clock));
        const string password = "Xq7#mPz2!vLr9";
        NewUser Spec(Role role, string? township, string? village, int region = DemoRoundFixture.Shaodong) =>
            new("t" + Guid.NewGuid().ToString("N")[..8], "乡镇账户", role, region, null, password, township, village);
        Assert.Contains("须填写所属乡镇", (await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, Spec(Role.Township, null, null)))).Message, StringComparison.Ordinal);
        Assert.Contains("没有乡镇“不存在镇”", (await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, Spec(Role.Township, "不存在镇", null)))).Message, StringComparison.Ordinal);
        Assert.Contains("须为县级单位", (await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, Spec(Role.Township, known.Township, null, 430500)))).Message, StringComparison.Ordinal);
        Assert.Contains("须填写所属村", (await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, Spec(Role.Village, known.Township, null)))).Message, StringComparison.Ordinal);
        Assert.Contains("没有村", (await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, Spec(Role.Village, known.Township, "不存在村")))).Message, StringComparison.Ordinal);
        var t = await admin.CreateAsync(f.Admin, Spec(Role.Township, known.Township, "忽略的村"));
        var v = await admin.CreateAsync(f.Admin, Spec(Role.Village, known.Township, known.Village));
        Assert.Equal((known.Township, (string?)null), (t.Township, t.Village));
        Assert.Equal((known.Township, known.Village), (v.Township, v.Village));
        Assert.Equal(UserScope.ForTownship(DemoRoundFixture.Shaodong, known.Township!, known.Village), Actor.Of(v).Scope);
    }

    [SkippableFact]
    public async Task A_county_education_office_manages_its_own_townships_and_villages_accounts_only()
    {
        TestStores.Require(f.Available);
        var known = (await CasesAsync(q => q.Where(c => c.CountyCode == DemoRoundFixture.Shaodong && c.Village != null))).First();
        await using var db = f.Context(f.ShaodongEducation.Scope);
        var audit = new AuditLog(db, f.Clock);
        var admin = new UserAdmin(db, audit);
        var county = f.ShaodongEducation;
        const string password = "Xq7#mPz2!vLr9";
        string Name() => "c" + Guid.NewGuid().ToString("N")[..8];

        var t = await admin.CreateAsync(county, new(Name(), "某镇", Role.Township, DemoRoundFixture.Shaodong, null, password, known.Township));
        var v = await admin.CreateAsync(county, new(Name(), "某村", Role.Village, DemoRoundFixture.Shaodong, null, password, known.Township, known.Village));
        Assert.Equal((Role.Township, DemoRoundFixture.Shaodong, known.Township), (t.Role, t.RegionCode, t.Township));
        // Nothing above a township, nothing in another county.
        foreach (var role in new[] { Role.CountyEducation, Role.CountyRural, Role.SchoolAid, Role.Auditor, Role.ProvinceAdmin })
            Assert.Contains("只能创建", (await Assert.ThrowsAsync<WorkflowException>(() =>
                admin.CreateAsync(county, new(Name(), "x", role, DemoRoundFixture.Shaodong, f.School.SchoolCode, password)))).Message, StringComparison.Ordinal);
        Assert.Contains("须为本县", (await Assert.ThrowsAsync<WorkflowException>(() =>
            admin.CreateAsync(county, new(Name(), "x", Role.Township, DemoRoundFixture.Longhui, null, password, known.Township)))).Message, StringComparison.Ordinal);

        // Its list holds its county's township and village accounts, not the county's own officers nor others'.
        var listed = await admin.ListAsync(county);
        Assert.Contains(listed, u => u.Id == t.Id);
        Assert.Contains(listed, u => u.Id == v.Id);
        Assert.All(listed, u => Assert.True(u.RegionCode == DemoRoundFixture.Shaodong && u.Role is Role.Township or Role.Village, u.UserName));
        // It may deactivate its township's account, not its own nor another county officer's.
        await admin.ResetAsync(county, t.Id, null, active: false);
        Assert.False((await db.Users.AsNoTracking().SingleAsync(u => u.Id == t.Id)).Active);
        await Assert.ThrowsAsync<WorkflowException>(() => admin.ResetAsync(county, county.UserId, password, active: true));
        // Other roles manage nobody.
        await Assert.ThrowsAsync<WorkflowException>(() => admin.ListAsync(Actor.Of(t)));
        await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.ShaodongRural, new(Name(), "x", Role.Township, DemoRoundFixture.Shaodong, null, password, known.Township)));
    }
}

/// <summary>A demo store of its own: these tests change many cases and count them.</summary>
public sealed class SqliteDailyRound : DemoRoundFixture
{
    protected override StoreProvider Provider => StoreProvider.Sqlite;
}

public sealed class PostgresDailyRound : DemoRoundFixture
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

[CollectionDefinition(Name)]
public sealed class SqliteDailyStore : ICollectionFixture<SqliteDailyRound>
{
    public const string Name = "SQLite store for the daily work";
}

[CollectionDefinition(Name)]
public sealed class PostgresDailyStore : ICollectionFixture<PostgresDailyRound>
{
    public const string Name = "PostgreSQL store for the daily work";
}

[Collection(SqliteDailyStore.Name)]
public sealed class SqliteDailyWorkTests(SqliteDailyRound f) : DailyWorkTests<SqliteDailyRound>(f);

[Collection(PostgresDailyStore.Name)]
public sealed class PostgresDailyWorkTests(PostgresDailyRound f) : DailyWorkTests<PostgresDailyRound>(f);
