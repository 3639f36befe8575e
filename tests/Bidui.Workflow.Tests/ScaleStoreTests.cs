using System.Data.Common;
using System.Text;
using System.Text.Json;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bidui.Workflow.Tests;

/// <summary>
/// The store at scale, on small data: the bulk importer (every row, its search columns, links to the
/// round before), the case counts the store keeps against a recount after every kind of change, search
/// semantics and the indexes behind them, and deep pages against the ordered list. Each test has its own store.
/// </summary>
public abstract class ScaleStoreTests(StoreProvider provider) : IAsyncLifetime
{
    private const int CountyA = 430582, CountyB = 430524, Uncovered = 430521;
    private static readonly DateTime Now = DateTime.UtcNow;
    private StoreOptions _store = null!;
    private bool _available;
    private readonly CommandLog _log = new();

    public Task InitializeAsync()
    {
        if (provider == StoreProvider.Postgres && TestStores.PostgresServer() is null) return Task.CompletedTask;
        _available = true;
        _store = TestStores.Create(provider, TestStores.NewDataDirectory());
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        if (_available) TestStores.Drop(_store);
        return Task.CompletedTask;
    }

    [SkippableFact]
    public async Task Simultaneous_bulk_actions_on_cases_in_crossing_orders_all_succeed_and_keep_the_counts()
    {
        // Each bulk action updates its cases in id order, and each update moves counters of its school and list:
        // actions whose cases alternate between schools in different orders once deadlocked on PostgreSQL (40P01).
        TestStores.Require(_available);
        int round;
        await using (var setup = await TestStores.MigratedAsync(_store))
            round = await ImportManyAsync(setup, 300);
        var admin = new Actor(1, "admin", Role.ProvinceAdmin, 430000, null);
        var random = new Random(14);
        // A few waves: whether two transactions meet in crossing orders depends on timing.
        for (int wave = 0; wave < 4; wave++)
        {
            List<BulkItem> all;
            await using (var db = Context(UserScope.System))
            {
                await db.Cases.Where(c => c.RoundId == round).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CaseState.Submitted).SetProperty(c => c.ClosedAt, (DateTime?)null));
                // Odd waves: the cases of each action at two versions, so that each changes them by two UPDATEs (the
                // path that locks its cases first); even waves: one version, one UPDATE that locks them itself.
                if (wave % 2 == 1) await db.Cases.Where(c => c.RoundId == round && c.Id % 2 == 0).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1));
                all = await db.Cases.Where(c => c.RoundId == round).OrderBy(c => c.Id).Select(c => new BulkItem(c.Id, c.Version)).ToListAsync();
            }
            var groups = all.GroupBy(_ => random.Next(8)).Select(g => g.ToList()).ToList();
            using var start = new SemaphoreSlim(0);
            var runs = groups.Select(async (items, i) =>
            {
                await using var db = Context(admin.Scope);
                var workflow = new CaseWorkflow(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, _store);
                await start.WaitAsync();
                return await workflow.BulkAsync(admin, i % 2 == 0 ? BulkAction.Approve : BulkAction.Return, items, "核实");
            }).ToList();
            start.Release(runs.Count);
            var outcomes = await Task.WhenAll(runs);
            Assert.All(outcomes, o => Assert.Empty(o.Refused));
            Assert.Equal(all.Count, outcomes.Sum(o => o.Done));
            await using (var db = Context(UserScope.System))
            {
                Assert.Equal(groups.Where((_, i) => i % 2 == 0).Sum(g => g.Count), await db.Cases.CountAsync(c => c.RoundId == round && c.State == CaseState.Closed));
                Assert.Equal(groups.Where((_, i) => i % 2 == 1).Sum(g => g.Count), await db.Cases.CountAsync(c => c.RoundId == round && c.State == CaseState.Returned));
                await AssertCountsEqualRecountAsync(db);
            }
        }
    }

    [SkippableFact]
    public async Task One_bulk_action_on_cases_of_two_rounds_changes_every_one_and_keeps_the_counts()
    {
        // The bulk UPDATE names the rounds of the cases it changes (on PostgreSQL it then reads their partitions only):
        // a selection across rounds, as the to-do can hold, must still change every case it accepted.
        TestStores.Require(_available);
        int first, second;
        await using (var setup = await TestStores.MigratedAsync(_store))
        {
            first = await ImportManyAsync(setup, 30);
            second = await ImportManyAsync(setup, 30);
        }
        var admin = new Actor(1, "admin", Role.ProvinceAdmin, 430000, null);
        List<BulkItem> items;
        await using (var db = Context(UserScope.System))
        {
            await db.Cases.Where(c => c.Id % 2 == 0).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CaseState.Submitted));
            items = await db.Cases.Where(c => c.State == CaseState.Submitted).OrderBy(c => c.Id).Select(c => new BulkItem(c.Id, c.Version)).ToListAsync();
            Assert.Equal([first, second], await db.Cases.Where(c => c.State == CaseState.Submitted).Select(c => c.RoundId).Distinct().OrderBy(r => r).ToListAsync());
        }
        await using (var db = Context(admin.Scope))
        {
            var outcome = await new CaseWorkflow(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, _store).BulkAsync(admin, BulkAction.Approve, items, "核实");
            Assert.Empty(outcome.Refused);
            Assert.Equal(items.Count, outcome.Done);
        }
        await using (var db = Context(UserScope.System))
        {
            var ids = items.Select(i => i.CaseId).ToList();
            Assert.Equal(items.Count, await db.Cases.CountAsync(c => ids.Contains(c.Id) && c.State == CaseState.Closed && c.ClosedAt != null));
            Assert.Equal(0, await db.Cases.CountAsync(c => !ids.Contains(c.Id) && c.State == CaseState.Closed));
            await AssertCountsEqualRecountAsync(db);
        }
    }

    [SkippableFact]
    public async Task Counts_kept_before_V011_stay_right_through_the_upgrade_and_the_changes_after_it()
    {
        // V011 keeps each PostgreSQL counter in slots: a store upgraded with counts in it must keep them, and the
        // counts must follow every change made after the upgrade (SQLite's V011 changes nothing).
        TestStores.Require(_available);
        int round = await RoundAtV010Async(360, (old, r) =>
            old.Cases.Where(c => c.RoundId == r && c.Id % 3 == 0).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CaseState.Submitted)));
        await using var db = Context(UserScope.System);
        Assert.Contains(11, await SchemaMigrator.MigrateAsync(db, _store.Provider));
        await AssertCountsEqualRecountAsync(db);

        var admin = new Actor(1, "admin", Role.ProvinceAdmin, 430000, null);
        var items = await db.Cases.Where(c => c.RoundId == round && c.State == CaseState.Submitted).OrderBy(c => c.Id).Select(c => new BulkItem(c.Id, c.Version)).ToListAsync();
        var workflow = new CaseWorkflow(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, _store);
        Assert.Equal(items.Count, (await workflow.BulkAsync(admin, BulkAction.Approve, items, "核实")).Done);
        await db.Cases.Where(c => c.RoundId == round && c.Id % 3 == 1).ExecuteDeleteAsync();
        await AssertCountsEqualRecountAsync(db);
    }

    [SkippableFact]
    public async Task The_upgrade_records_which_later_round_superseded_each_county_of_a_round()
    {
        // V016: the rounds before it marked every earlier case; the upgrade records instead, on each finished round's
        // covered county, the next finished round that covered it too. A withdrawn round supersedes nothing.
        TestStores.Require(_available);
        int second = 0, withdrawn = 0;
        int first = await RoundAtV010Async(30, async (old, _) =>
        {
            async Task<int> Later(RoundState state, int days, params int[] counties)
            {
                int id = await NewRoundAsync(old);
                await old.Database.ExecuteSqlAsync($"UPDATE rounds SET \"State\" = {(int)state}, \"FinishedAt\" = {Now.AddDays(days)} WHERE \"Id\" = {id}");
                await CoverAsV010Async(old, id, counties);
                return id;
            }
            withdrawn = await Later(RoundState.Withdrawn, 1, CountyA, CountyB);
            second = await Later(RoundState.Done, 2, CountyA);
        });
        await using var db = Context(UserScope.System);
        Assert.Contains(16, await SchemaMigrator.MigrateAsync(db, _store.Provider));
        var rows = await db.RoundCounties.AsNoTracking().Select(x => new { x.RoundId, x.CountyCode, x.SupersededBy }).ToListAsync();
        Assert.Equal([(first, CountyA, (int?)second), (first, CountyB, null), (withdrawn, CountyA, null), (withdrawn, CountyB, null), (second, CountyA, null)],
            rows.Select(x => (x.RoundId, x.CountyCode, x.SupersededBy)).OrderBy(x => x.RoundId).ThenByDescending(x => x.CountyCode));
        // The first round's cases of county A are no longer in the to-do; county B's still are.
        var educationA = new Actor(2, "eduA", Role.CountyEducation, CountyA, null);
        var educationB = new Actor(3, "eduB", Role.CountyEducation, CountyB, null);
        await using (var a = Context(educationA.Scope))
            Assert.Empty(await (await new CaseToDo(a, new CaseQueries(a, TimeProvider.System)).QueryAsync(educationA, ToDoKind.Submit)).ToListAsync());
        await using (var b = Context(educationB.Scope))
            Assert.NotEmpty(await (await new CaseToDo(b, new CaseQueries(b, TimeProvider.System)).QueryAsync(educationB, ToDoKind.Submit)).ToListAsync());
    }

    [SkippableFact]
    public async Task Search_keys_follow_the_cases_through_the_upgrade_and_every_insert_change_and_delete()
    {
        // SQLite keeps the search keys in case_keys (V014): filled from a store's cases by the upgrade, by the importer
        // after a round's cases, and by triggers for every other change. PostgreSQL searches the cases' own indexes.
        TestStores.Require(_available);
        int round = await RoundAtV010Async(30);
        await using var db = Context(UserScope.System);
        Assert.Contains(14, await SchemaMigrator.MigrateAsync(db, _store.Provider));
        var queries = new CaseQueries(db, TimeProvider.System);
        async Task<string[]> Find(string text) =>
            [.. (await queries.PageAsync(new CaseFilter { RoundId = round, Text = text }, 1, 50)).Select(c => c.PersonName).Order(StringComparer.Ordinal)];

        string[] ones = ["王某1", .. Enumerable.Range(10, 10).Select(i => "王某" + i)];
        Assert.Equal(ones, await Find("王某1"));
        var seventh = await db.Cases.AsNoTracking().Where(c => c.RoundId == round && c.PersonName == "王某7").SingleAsync();
        Assert.Contains("王某7", await Find(seventh.IdNumber[^4..]));
        Assert.Equal(["王某7"], await Find(seventh.IdNumber));

        // A case written outside an import (the round is done): the insert trigger.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO cases ("RoundId", "Category", "SourceRow", "PersonKey", "PersonName", "IdNumber", "IdTail", "StudentNo", "CountyCode", "CountyName",
                "Unit", "Details", "State", "Linkage", "RoundsSeen", "CreatedAt", "Version")
            VALUES ({round}, {"aid_missing"}, {99}, {"k"}, {"欧阳补录"}, {"430582201501019999"}, {"9999"}, {"G2015999"}, {CountyA}, {"县"}, {(int)Unit.Education}, {"{}"}, 0, 0, 1, {Now}, 1)
            """);
        Assert.Equal(["欧阳补录"], await Find("欧阳"));
        Assert.Equal(["欧阳补录"], await Find("9999"));
        Assert.Equal(["欧阳补录"], await Find("G2015999"));

        // A changed name: found by the new one only.
        await db.Cases.Where(c => c.Id == seventh.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.PersonName, "诸葛七"));
        Assert.Equal(["诸葛七"], await Find("诸葛"));
        Assert.DoesNotContain("王某7", await Find("王某"));

        // Deleted cases take their keys with them.
        await db.Cases.Where(c => c.RoundId == round && c.PersonName.StartsWith("王某2")).ExecuteDeleteAsync();
        Assert.Empty(await Find("王某2"));
        if (_store.Provider == StoreProvider.Sqlite)
        {
            var live = await db.Cases.AsNoTracking().Select(c => new { c.Id, c.IdTail, c.StudentNo }).ToListAsync();
            long expected = live.Count * 2 + live.Count(c => c.IdTail is not null) + live.Count(c => c.StudentNo is not null);
            Assert.Equal(expected, await db.Database.SqlQuery<long>($"SELECT COUNT(*) AS \"Value\" FROM case_keys").SingleAsync());
        }
    }

    [SkippableFact]
    public async Task The_importer_writes_every_row_of_covered_counties_with_its_search_columns_in_many_batches()
    {
        TestStores.Require(_available);
        await using var db = await TestStores.MigratedAsync(_store);
        var results = Lists(new()
        {
            ["dropout_suspect"] = [Dropout("王小明", "430582201304056506", CountyA), Dropout("李四", "43052420130612459x", CountyB), Dropout("赵六", "430521201306124592", Uncovered)],
            ["aid_missing"] = [AidMissing("张三", "430582202005011401", CountyA, "2143004221", "G430582202005011401"),
                AidMissing("=HYPERLINK(\"x\")", "430582201710051192", CountyA, "2143004152", "")],
            ["invalid_id"] = [Invalid("乡村振兴", "钱七", "43058220210701233", CountyA)],
        });
        int round = await NewRoundAsync(db, CountyA, CountyB);
        var progress = new Reports();
        await new RoundImporter(db, TimeProvider.System) { BatchSize = 2 }.ImportAsync(round, results, progress);

        var cases = await db.Cases.AsNoTracking().Where(c => c.RoundId == round).OrderBy(c => c.Id).ToListAsync();
        // In the lists' report order (aid_missing, dropout_suspect, … invalid_id), each in its file's order.
        Assert.Equal(["张三", "=HYPERLINK(\"x\")", "王小明", "李四", "钱七"], cases.Select(c => c.PersonName));
        var done = await db.Rounds.SingleAsync(r => r.Id == round);
        Assert.Equal((RoundState.Done, 5, 1), (done.State, done.CaseCount, done.SkippedCaseCount));
        Assert.True(progress.Count >= 3, $"{progress.Count} progress reports");
        Assert.Equal(["1401", "1192", "6506", "459X", "1233"], cases.Select(c => c.IdTail));
        Assert.Equal("G430582202005011401", cases[0].StudentNo);
        Assert.Null(cases[1].StudentNo);
        Assert.Equal((Unit.School, "2143004221"), (cases[0].Unit, cases[0].SchoolCode));
        Assert.Equal(Unit.Rural, cases[4].Unit);
        // The row as the list held it (formula marks undone), header → cell.
        var details = JsonSerializer.Deserialize<Dictionary<string, string>>(cases[1].Details)!;
        Assert.Equal("=HYPERLINK(\"x\")", details["姓名"]);
        Assert.Equal("2143004152", details["学校标识码"]);
        Assert.InRange(cases[0].CreatedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.True(await db.Schools.AnyAsync(s => s.Code == "2143004221"));
        Assert.True(await db.Regions.AnyAsync(r => r.Code == CountyB));
        await AssertCountsEqualRecountAsync(db);
    }

    [SkippableFact]
    public async Task The_next_round_links_the_nth_row_of_a_person_to_the_nth_before_and_resolves_the_rest()
    {
        TestStores.Require(_available);
        await using var db = await TestStores.MigratedAsync(_store);
        var first = Lists(new()
        {
            ["duplicate_enrollment"] = [Duplicate("甲", "430582201902143047", CountyA), Duplicate("甲", "430582201902143047", CountyA)],
            ["dropout_suspect"] = [Dropout("乙", "430582201304056506", CountyA), Dropout("丙", "430524201306124590", CountyB), Dropout("无号", "", CountyA)],
        });
        int one = await NewRoundAsync(db, CountyA, CountyB);
        await new RoundImporter(db, TimeProvider.System).ImportAsync(one, first);
        var before = await db.Cases.AsNoTracking().Where(c => c.RoundId == one).OrderBy(c => c.Id).ToListAsync();
        await db.Cases.Where(c => c.Id == before[2].Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CaseState.Closed).SetProperty(c => c.ClosedAt, c => c.CreatedAt.AddDays(2).AddHours(1)));

        var second = Lists(new()
        {
            ["duplicate_enrollment"] = [Duplicate("甲", "430582201902143047", CountyA), Duplicate("甲", "430582201902143047", CountyA), Duplicate("甲", "430582201902143047", CountyA)],
            ["dropout_suspect"] = [Dropout("乙", "430582201304056506", CountyA), Dropout("无号", "", CountyA)],
        });
        int two = await NewRoundAsync(db, CountyA, CountyB);
        await new RoundImporter(db, TimeProvider.System) { BatchSize = 2 }.ImportAsync(two, second);
        var after = await db.Cases.AsNoTracking().Where(c => c.RoundId == two).OrderBy(c => c.Id).ToListAsync();
        // Imported list by list (dropout_suspect before duplicate_enrollment): before = 乙, 丙, 无号 (closed), 甲, 甲;
        // after = 乙, 无号, 甲, 甲, 甲 — the third 甲 is new, 无号 (invalid ID: linked by name and number as written) reappears.
        Assert.Equal([before[0].Id, before[2].Id, before[3].Id, before[4].Id, null], after.Select(c => c.PreviousCaseId));
        Assert.Equal([Linkage.Persisting, Linkage.Reappeared, Linkage.Persisting, Linkage.Persisting, Linkage.New], after.Select(c => c.Linkage));
        Assert.Equal([2, 2, 2, 2, 1], after.Select(c => c.RoundsSeen));
        // Round two supersedes round one in both counties it covers, by one row a county: no earlier case is marked.
        Assert.Equal([two, two], await db.RoundCounties.Where(x => x.RoundId == one).Select(x => x.SupersededBy).ToListAsync());
        Assert.False(await db.Cases.AnyAsync(c => c.ResolvedInRoundId != null || c.CarriedInRoundId != null));
        // 丙 (county B, covered again) is no longer listed: resolved by round two; the others are carried on.
        var queries = new CaseQueries(db, TimeProvider.System);
        async Task<List<int?>> ResolvedIn() { var r = new List<int?>(); foreach (var c in before) r.Add(await queries.ResolvedInAsync(c)); return r; }
        Assert.Equal([null, two, null, null, null], await ResolvedIn());
        Assert.Equal(1, (await db.Rounds.SingleAsync(r => r.Id == two)).ResolvedCount);
        if (_store.Provider == StoreProvider.Postgres)
        {
            // Each round's table has every index of cases, made by the import (named after the partitioned table's: the
            // attach had none to build), the marks' indexes with the empty table and the others after the COPY.
            async Task<List<string>> IndexesOf(string table) => await db.Database.SqlQuery<string>(
                $"SELECT c.relname AS \"Value\" FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = {table}::regclass").ToListAsync();
            var parent = await IndexesOf("cases");
            Assert.Contains(parent, n => n.Contains("CarriedInRoundId", StringComparison.Ordinal));
            foreach (int r in new[] { one, two })
                Assert.Equal(parent.Select(n => $"{n}_r{r}").Order(StringComparer.Ordinal), (await IndexesOf($"cases_round_{r}")).Order(StringComparer.Ordinal));
        }
        var educationA = new Actor(2, "eduA", Role.CountyEducation, CountyA, null);
        async Task<List<long>> ToDo() => await (await new CaseToDo(db, new CaseQueries(db, TimeProvider.System)).QueryAsync(educationA, ToDoKind.Submit)).Select(c => c.Id).ToListAsync();
        Assert.Equal(after[0].Id, Assert.Single(await ToDo(), id => id == before[0].Id || id == after[0].Id));
        // The to-do's number comes from the counters, which know the carried cases too.
        async Task<int> ToDoCount() => (await new CaseToDo(db, new CaseQueries(db, TimeProvider.System)).CountAsync(educationA)).Submit;
        Assert.Equal((await ToDo()).Count, await ToDoCount());
        await AssertCountsEqualRecountAsync(db);

        // An import undone: its cases go, round one is current again (丙 no longer resolved), the counts follow.
        await new RoundImporter(db, TimeProvider.System) { BatchSize = 2 }.UndoAsync(two);
        Assert.False(await db.Cases.AnyAsync(c => c.RoundId == two));
        Assert.Equal([null, null], await db.RoundCounties.Where(x => x.RoundId == one).Select(x => x.SupersededBy).ToListAsync());
        Assert.Equal([null, null, null, null, null], await ResolvedIn());
        Assert.Contains(before[0].Id, await ToDo());
        Assert.Equal((await ToDo()).Count, await ToDoCount());
        // Not tracked: on PostgreSQL a key's counter is several rows (slots), which tracking would fold into one.
        Assert.DoesNotContain((await db.CaseCounts.AsNoTracking().Where(x => x.RoundId == two).ToListAsync())
            .GroupBy(x => (x.CountyCode, x.SchoolCode, x.Category, x.State, x.Unit, x.ClosedDays)), g => g.Sum(x => x.Count) != 0);
        await AssertCountsEqualRecountAsync(db);
    }

    [SkippableFact]
    public async Task An_import_stopped_after_writing_cases_leaves_none_and_the_round_imports_again()
    {
        // On PostgreSQL the cases go into the round's own table, attached as its partition only at the end: stopped
        // half way, the import leaves no case in cases and, once undone, no table; the round then imports in full.
        TestStores.Require(_available);
        await using var db = await TestStores.MigratedAsync(_store);
        var rows = new Dictionary<string, List<Dictionary<string, string>>> { ["dropout_suspect"] = [] };
        for (int i = 0; i < 60; i++)
            rows["dropout_suspect"].Add(Dropout("王某" + i, $"{CountyA}2013{i % 12 + 1:D2}{i % 28 + 1:D2}{i:D3}{i % 10}", CountyA));
        string lists = Lists(rows);
        int round = await NewRoundAsync(db, CountyA, CountyB);
        using var stop = new CancellationTokenSource();
        var stopAfterFirstBatch = new StopAfter(stop, 20);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new RoundImporter(db, TimeProvider.System) { BatchSize = 10 }.ImportAsync(round, lists, stopAfterFirstBatch, stop.Token));
        Assert.True(stopAfterFirstBatch.Reported >= 20, "cases were written before the stop");
        // SQLite's batches are in cases already, hidden until the round is done; PostgreSQL's are in a table of their own.
        if (_store.Provider == StoreProvider.Postgres) Assert.False(await db.Cases.AnyAsync(c => c.RoundId == round));
        else Assert.True(await db.Cases.AnyAsync(c => c.RoundId == round));
        db.ChangeTracker.Clear();
        await new RoundImporter(db, TimeProvider.System).UndoAsync(round);
        Assert.False(await db.Cases.AnyAsync(c => c.RoundId == round));
        if (_store.Provider == StoreProvider.Postgres)
            Assert.Empty(await db.Database.SqlQuery<string>($"SELECT relname AS \"Value\" FROM pg_class WHERE relname = {"cases_round_" + round}").ToListAsync());

        await new RoundImporter(db, TimeProvider.System) { BatchSize = 10 }.ImportAsync(round, lists);
        Assert.Equal(60, await db.Cases.CountAsync(c => c.RoundId == round));
        Assert.Equal(60, (await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == round)).CaseCount);
        await AssertCountsEqualRecountAsync(db);
        // Withdrawn and imported again (on PostgreSQL its partition is then empty, and replaced).
        await new RoundImporter(db, TimeProvider.System).UndoAsync(round);
        Assert.False(await db.Cases.AnyAsync(c => c.RoundId == round));
        await new RoundImporter(db, TimeProvider.System) { BatchSize = 10 }.ImportAsync(round, lists);
        Assert.Equal(60, await db.Cases.CountAsync(c => c.RoundId == round));
        await AssertCountsEqualRecountAsync(db);
    }

    /// <summary>
    /// PostgreSQL: re-importing a withdrawn round drops its empty partition, which locks all of cases. While another
    /// transaction reads cases (as another round's import does while it copies), that gives up after its 5 s lock
    /// timeout with a message, instead of holding every reader behind it; once the reader is gone it succeeds.
    /// </summary>
    protected async Task ReimportWaitsAtMostItsLockTimeoutForAReaderAsync()
    {
        TestStores.Require(_available);
        await using var db = await TestStores.MigratedAsync(_store);
        string lists = Lists(new() { ["dropout_suspect"] = [Dropout("王某", "430582201304056506", CountyA)] });
        int round = await NewRoundAsync(db, CountyA);
        await new RoundImporter(db, TimeProvider.System).ImportAsync(round, lists);
        await new RoundImporter(db, TimeProvider.System).UndoAsync(round);

        await using (var reader = _store.CreateContext())
        {
            await using var tx = await reader.Database.BeginTransactionAsync();
            _ = await reader.Database.SqlQuery<int>($"SELECT 1 AS \"Value\" FROM cases LIMIT 1").ToListAsync();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => new RoundImporter(db, TimeProvider.System).ImportAsync(round, lists));
            Assert.Contains("暂不能重新导入", ex.Message, StringComparison.Ordinal);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30));
        }
        await new RoundImporter(db, TimeProvider.System).UndoAsync(round);
        await new RoundImporter(db, TimeProvider.System).ImportAsync(round, lists);
        Assert.Equal(1, await db.Cases.CountAsync(c => c.RoundId == round));
        await AssertCountsEqualRecountAsync(db);
    }

    /// <summary>Stops the import once this many cases are reported written.</summary>
    private sealed class StopAfter(CancellationTokenSource stop, int cases) : Bidui.Pipeline.IProgressStep
    {
        public long Reported { get; private set; }

        public void Report(long done)
        {
            Reported = done;
            if (done >= cases) stop.Cancel();
        }

        public void Dispose() { }
    }

    [SkippableFact]
    public async Task Case_counts_equal_a_recount_after_submit_approve_return_reassign_bulk_updates_and_withdrawal()
    {
        TestStores.Require(_available);
        int round;
        await using (var setup = await TestStores.MigratedAsync(_store))
        {
            round = await ImportManyAsync(setup, 60);
            setup.Users.Add(new User { UserName = "admin", DisplayName = "admin", Role = Role.ProvinceAdmin, RegionCode = 430000, PasswordHash = "x" });
            await setup.SaveChangesAsync();
            await AssertCountsEqualRecountAsync(setup);
        }
        var admin = new Actor(1, "admin", Role.ProvinceAdmin, 430000, null);
        var education = new Actor(2, "edu", Role.CountyEducation, CountyA, null);
        List<long> ids;
        await using (var db = Context(UserScope.System))
            ids = await db.Cases.Where(c => c.RoundId == round && c.CountyCode == CountyA && c.Unit == Unit.Education).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();

        async Task Step(Actor actor, Func<CaseWorkflow, Task> change)
        {
            await using var db = Context(actor.Scope);
            await change(new CaseWorkflow(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, _store));
            await AssertCountsEqualRecountAsync(db);
        }
        await Step(education, w => w.SubmitAsync(education, ids[0], "已在校并注册学籍", null));
        await Step(education, w => w.SubmitAsync(education, ids[1], "已在校并注册学籍", null));
        await Step(education, w => w.SubmitAsync(education, ids[2], "已在校并注册学籍", null));
        await Step(education, w => w.ApproveAsync(education, ids[0], null));
        await Step(education, w => w.ReturnAsync(education, ids[1], "材料不全"));
        await Step(admin, w => w.ReassignAsync(admin, ids[3], CountyB, "户籍在隆回"));
        // The list's totals come from the counts for every filter they are kept by, the unit among them.
        await using (var db = Context(education.Scope))
        {
            var queries = new CaseQueries(db, TimeProvider.System);
            foreach (var unit in Enum.GetValues<Unit>())
                foreach (CaseState? state in new CaseState?[] { null, CaseState.Open, CaseState.Submitted })
                {
                    var filter = new CaseFilter { RoundId = round, Unit = unit, State = state, Category = unit == Unit.School ? "aid_missing" : null };
                    Assert.Equal(await queries.Query(filter).CountAsync(), await queries.CountAsync(filter));
                }
        }

        await using (var db = Context(UserScope.System))
        {
            // Bulk paths that bypass the entities: ExecuteUpdate of state and county, ExecuteDelete.
            await db.Cases.Where(c => c.RoundId == round && c.Category == "aid_missing").ExecuteUpdateAsync(s => s
                .SetProperty(c => c.State, CaseState.Closed).SetProperty(c => c.ClosedAt, c => c.CreatedAt.AddDays(3).AddHours(1)));
            await AssertCountsEqualRecountAsync(db);
            await db.Cases.Where(c => c.RoundId == round && c.Category == "dropout_suspect" && c.CountyCode == CountyB).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.CountyCode, CountyA).SetProperty(c => c.SchoolCode, (string?)null));
            await AssertCountsEqualRecountAsync(db);
            await db.Cases.Where(c => c.Id == ids[4]).ExecuteDeleteAsync();
            await AssertCountsEqualRecountAsync(db);
            // The closed aid cases were closed three days after import.
            Assert.True(await db.CaseCounts.Where(x => x.RoundId == round && x.Category == "aid_missing" && x.ClosedDays == 3).SumAsync(x => x.Count) > 0);
        }

        await using (var db = Context(UserScope.System))
        {
            var rounds = new RoundService(db, new AuditLog(db, TimeProvider.System), _store, TimeProvider.System);
            await rounds.WithdrawAsync(admin, round, "测试撤回", discardWork: true);
            await new RoundImporter(db, TimeProvider.System) { BatchSize = 7 }.PurgeCasesAsync(round);
            Assert.False(await db.Cases.AnyAsync(c => c.RoundId == round));
            await AssertCountsEqualRecountAsync(db);
        }
    }

    [SkippableFact]
    public async Task Cells_longer_than_their_columns_are_cut_to_fit_and_kept_whole_in_the_details()
    {
        // A school's name in the code column, a paragraph in 乡镇: PostgreSQL refused the whole import for one such cell.
        TestStores.Require(_available);
        await using var db = await TestStores.MigratedAsync(_store);
        string longCode = "湖南省邵阳市邵东市第一中学（本部）高中部" + "𠀀"; // 22 UTF-16 units: a school name, not a code
        string township = new('镇', 150), village = new('村', 120), studentNo = "G" + new string('9', 60), name = new('名', 250);
        var row = AidMissing(name, "430582201304056506", CountyA, longCode, studentNo);
        row["户籍县级代码"] = CountyA.ToString(System.Globalization.CultureInfo.InvariantCulture);
        row["乡镇"] = township;
        row["村"] = village;
        row["学校名称"] = new string('校', 260);
        var results = Lists(new() { ["aid_missing"] = [row, AidMissing("王小明", "430582202005011401", CountyA, "2143004221", "")] });
        int round = await NewRoundAsync(db, CountyA);
        await new RoundImporter(db, TimeProvider.System) { BatchSize = 1 }.ImportAsync(round, results);

        var cases = await db.Cases.AsNoTracking().Where(c => c.RoundId == round).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(2, cases.Count);
        var c = cases[0];
        Assert.Equal(longCode[..20], c.SchoolCode);
        Assert.Equal((new string('镇', 100), new string('村', 100)), (c.Township, c.Village));
        Assert.Equal(studentNo[..40], c.StudentNo);
        Assert.Equal(200, c.PersonKey.Length);
        Assert.Equal(name, c.PersonName);
        var details = JsonSerializer.Deserialize<Dictionary<string, string>>(c.Details)!;
        Assert.Equal((longCode, township, studentNo), (details["学校标识码"], details["乡镇"], details["学籍号"]));
        Assert.Equal(new string('校', 200), (await db.Schools.AsNoTracking().SingleAsync(x => x.Code == c.SchoolCode)).Name);
        Assert.Equal("𠀀", CaseRowReader.Fit("ab𠀀", 4)![2..]);
        Assert.Equal("ab", CaseRowReader.Fit("ab𠀀", 3));
    }

    [SkippableFact]
    public async Task Search_finds_names_by_their_start_ids_by_first_or_last_digits_and_student_numbers()
    {
        TestStores.Require(_available);
        await using var db = await TestStores.MigratedAsync(_store);
        var results = Lists(new()
        {
            ["aid_missing"] = [AidMissing("王小明", "430582201304056506", CountyA, "2143004221", "G430582201304056506"),
                AidMissing("王小红", "430582201304051234", CountyA, "2143004221", "L2026000123"),
                AidMissing("欧阳娜娜", "43052420130612459x", CountyB, "2143004152", ""),
                AidMissing("李王", "430582201304069999", CountyA, "2143004221", "")],
        });
        int round = await NewRoundAsync(db, CountyA, CountyB);
        await new RoundImporter(db, TimeProvider.System).ImportAsync(round, results);
        var queries = new CaseQueries(db, TimeProvider.System);
        async Task<string[]> Find(string text) =>
            [.. (await queries.PageAsync(new CaseFilter { RoundId = round, Text = text }, 1, 50)).Select(c => c.PersonName).Order(StringComparer.Ordinal)];

        Assert.Equal(["王小明", "王小红"], await Find("王小"));        // the start of a name
        Assert.Equal(["王小明"], await Find(" 王小明 "));
        Assert.Equal(["欧阳娜娜"], await Find("欧阳"));
        Assert.Empty(await Find("小明"));                           // not the middle of a name (no index can find it)
        Assert.Equal(["王小红"], await Find("1234"));              // the last four digits the mask shows
        Assert.Equal(["王小明"], await Find("056506"));            // the last six
        Assert.Equal(["欧阳娜娜"], await Find("459x"));            // a check character X, in either case
        Assert.Equal(["李王", "王小明", "王小红"], await Find("430582"));    // the first six: the county
        Assert.Equal(["王小明"], await Find("430582201304056506"));          // the full number
        Assert.Equal(["王小明"], await Find("g4305822013"));       // the start of a 学籍号
        Assert.Equal(["王小红"], await Find("L2026000123"));
        Assert.Empty(await Find("123"));                            // three digits are too few to mean anything
        Assert.Equal(2, await queries.CountAsync(new CaseFilter { RoundId = round, Text = "王小" }));
    }

    [SkippableFact]
    public async Task Searches_and_the_id_step_of_a_deep_page_are_answered_by_indexes()
    {
        TestStores.Require(_available);
        int round;
        await using (var setup = await TestStores.MigratedAsync(_store))
            round = await ImportManyAsync(setup, 40);
        // Searched by the province (no county range an index could seek instead), paged by a county.
        await using var province = Logged(UserScope.System);
        var queries = new CaseQueries(province, TimeProvider.System);
        // A search's first step (the numbers of the matches) reads the search's own index; the digits are three searches
        // in one (the tail, the ID's start, the 学籍号's start), each by its index. SQLite keeps the search keys in
        // case_keys (V014): a range of its primary key, then the cases by number, never a pass over the cases.
        const string Keys = "SEARCH case_keys USING PRIMARY KEY", ByNumber = "USING INTEGER PRIMARY KEY (rowid=?)";
        bool sqlite = provider == StoreProvider.Sqlite;
        foreach (var (text, indexes) in new[]
        {
            ("王", sqlite ? [Keys, ByNumber] : new[] { "IX_cases_PersonName" }), ("1234", sqlite ? [Keys, ByNumber] : ["IX_cases_IdTail"]),
            ("G43058220", sqlite ? [Keys, ByNumber] : ["IX_cases_StudentNo"]),
            ("430582201", sqlite ? [Keys, ByNumber] : ["IX_cases_IdTail", "IX_cases_IdNumber", "IX_cases_StudentNo"]),
        })
        {
            _ = await queries.CountAsync(new CaseFilter { RoundId = round, Text = text });
            string searchPlan = await PlanAsync(province, _log.Commands[^2], onlyBitmaps: true);
            foreach (var index in indexes) Assert.True(searchPlan.Contains(index, StringComparison.Ordinal), $"{text}: {index} not in\n{searchPlan}");
            if (sqlite) Assert.False(searchPlan.Contains("SCAN c", StringComparison.Ordinal) || searchPlan.Contains("SCAN case_keys", StringComparison.Ordinal), $"{text}: a pass over a table\n{searchPlan}");
        }
        await using var db = Logged(UserScope.ForRegion(CountyA));
        _ = await new CaseQueries(db, TimeProvider.System).PageAsync(new CaseFilter { RoundId = round, State = CaseState.Open }, 3, 5);
        // The numbers of the page (the first of its two commands) come in the list's order straight from its index: no sort.
        var plan = await PlanAsync(db, _log.Commands[^2]);
        Assert.Contains("IX_cases_RoundId_CountyCode_Category_Id", plan);
        Assert.DoesNotContain(plan.Split('\n'), l => l.Contains("Sort  (", StringComparison.Ordinal) || l.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Deep_pages_are_the_slices_of_the_ordered_list_and_counts_from_the_kept_counts_equal_counted_cases()
    {
        TestStores.Require(_available);
        int round;
        await using (var setup = await TestStores.MigratedAsync(_store))
        {
            round = await ImportManyAsync(setup, 90);
            await setup.Cases.Where(c => c.RoundId == round && c.Id % 3 == 0).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CaseState.Submitted));
        }
        // Pages from the start are walked in the list index; deep ones (here: every one) skip whole groups by the counts.
        foreach (var (scope, deepFrom) in new[] { UserScope.System, UserScope.ForRegion(CountyA), UserScope.ForRegion(CountyA, "2143004221") }
            .SelectMany(s => new[] { (s, int.MaxValue), (s, 0) }))
        {
            await using var db = Context(scope);
            var queries = new CaseQueries(db, TimeProvider.System) { DeepPageFrom = deepFrom };
            foreach (var filter in new[]
            {
                new CaseFilter { RoundId = round }, new CaseFilter { RoundId = round, State = CaseState.Submitted },
                new CaseFilter { RoundId = round, Category = "aid_missing", RegionCode = CountyA }, new CaseFilter { RoundId = round, SchoolCode = "2143004152" },
                new CaseFilter(), new CaseFilter { RoundId = round, Linkage = Linkage.New },
            })
            {
                var all = await queries.Query(filter).OrderBy(c => c.CountyCode).ThenBy(c => c.Category).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync();
                Assert.Equal(all.Count, await queries.CountAsync(filter));
                for (int page = 1; page <= all.Count / 7 + 2; page++)
                    Assert.Equal(all.Skip((page - 1) * 7).Take(7), (await queries.PageAsync(filter, page, 7)).Select(c => c.Id));
            }
        }
        // A round not yet done is counted nowhere, as its cases are invisible.
        await using (var db = Context(UserScope.System))
        {
            await db.Rounds.Where(r => r.Id == round).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RoundState.Importing));
            Assert.Equal(0, await new CaseQueries(db, TimeProvider.System).CountAsync(new CaseFilter { RoundId = round }));
        }
    }

    // ---- helpers ----


    private BiduiDbContext Context(UserScope scope)
    {
        var db = _store.CreateContext();
        db.SetScope(scope);
        return db;
    }

    private BiduiDbContext Logged(UserScope scope)
    {
        var builder = new DbContextOptionsBuilder<BiduiDbContext>();
        _store.Configure(builder);
        builder.AddInterceptors(_log);
        var db = new BiduiDbContext(builder.Options);
        db.SetScope(scope);
        return db;
    }

    /// <summary>
    /// The plan of a logged command (the last by default), with its parameters. PostgreSQL is told to avoid scans it
    /// could avoid (and, for a search, plain index scans): the question is whether an index CAN answer, not whether
    /// on a table this small it is worth it.
    /// </summary>
    private async Task<string> PlanAsync(BiduiDbContext db, LoggedCommand? command = null, bool onlyBitmaps = false)
    {
        command ??= _log.Commands[^1];
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        if (provider == StoreProvider.Postgres)
        {
            await using var off = connection.CreateCommand();
            // Without plain index scans a small table's primary key cannot stand in for a search index either.
            off.CommandText = "SET enable_seqscan = off; SET enable_indexscan = " + (onlyBitmaps ? "off" : "on");
            await off.ExecuteNonQueryAsync();
        }
#pragma warning disable CA2100 // The command EF generated.
        explain.CommandText = (provider == StoreProvider.Postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.Text;
#pragma warning restore CA2100
        foreach (var (name, value, type) in command.Parameters)
        {
            var copy = explain.CreateParameter();
            copy.ParameterName = name;
            copy.Value = value;
            copy.DbType = type;
            explain.Parameters.Add(copy);
        }
        var lines = new StringBuilder();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.AppendLine(reader.GetValue(reader.FieldCount - 1).ToString());
        return lines.ToString();
    }

    private async Task AssertCountsEqualRecountAsync(BiduiDbContext db)
    {
        db.SetScope(UserScope.System);
        var recount = (await db.Cases.AsNoTracking().Select(c => new { c.RoundId, c.CountyCode, c.SchoolCode, c.Category, c.State, c.Unit, c.CreatedAt, c.ClosedAt, c.ResolvedInRoundId, c.CarriedInRoundId }).ToListAsync())
            .GroupBy(c => (c.RoundId, c.CountyCode, c.SchoolCode ?? "", c.Category, c.State, c.Unit, c.ClosedAt is { } closed ? (int)Math.Floor((closed - c.CreatedAt).TotalDays) : -1,
                c.ResolvedInRoundId == null && c.CarriedInRoundId == null))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        // PostgreSQL keeps a counter in slots (V011): a key's count is the sum of its rows.
        var kept = (await db.CaseCounts.AsNoTracking().ToListAsync())
            .GroupBy(x => (x.RoundId, x.CountyCode, x.SchoolCode, x.Category, x.State, x.Unit, x.ClosedDays, x.Current))
            .Select(g => (g.Key, Count: g.Sum(x => x.Count))).Where(x => x.Count != 0).ToDictionary(x => x.Key, x => x.Count);
        Assert.Equal(recount.OrderBy(kv => kv.Key.ToString(), StringComparer.Ordinal), kept.OrderBy(kv => kv.Key.ToString(), StringComparer.Ordinal));
    }

    /// <summary>A round covering the counties, waiting for its import (as after the administrator's confirmation).</summary>
    private static async Task<int> NewRoundAsync(BiduiDbContext db, params int[] counties)
    {
        var round = new Round
        {
            Name = "测试批次", SchoolYear = "2026-2027", Term = "秋季学期", ProvinceCode = 43, State = RoundState.Importing, CreatedAt = Now, CreatedBy = "admin",
            ReferenceDate = new DateOnly(2026, 9, 1), Deadline = new DateOnly(2026, 12, 1),
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        db.RoundCounties.AddRange(counties.Select(c => new RoundCounty { RoundId = round.Id, CountyCode = c, CountyName = c.ToString(System.Globalization.CultureInfo.InvariantCulture), Covered = true }));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return round.Id;
    }

    /// <summary>
    /// The test's store brought up to V010 only, holding a finished round of n cases written as that release wrote them;
    /// <paramref name="then"/> changes it further while the store is still at V010. Returns the round.
    /// </summary>
    private async Task<int> RoundAtV010Async(int n, Func<BiduiDbContext, int, Task>? then = null)
    {
        await using var old = _store.CreateContext();
        old.SetScope(UserScope.System);
        Assert.Equal(Enumerable.Range(1, 10), await SchemaMigrator.MigrateAsync(old, _store.Provider, upTo: 10));
        int round = await InsertAsV010Async(old, n);
        if (then is not null) await then(old, round);
        return round;
    }

    /// <summary>The round covers these counties, written as a store before V016 holds them (no SupersededBy column).</summary>
    private static async Task CoverAsV010Async(BiduiDbContext db, int round, params int[] counties)
    {
        foreach (int county in counties)
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO round_counties ("RoundId", "CountyCode", "CountyName", "EducationRows", "RuralRows", "CaseRows", "Covered") VALUES ({round}, {county}, {"县"}, 0, 0, 0, {true})
                """);
    }

    /// <summary>
    /// A finished round of n cases in a store at V010, written as that release wrote them (plain inserts into cases,
    /// counted by V007's trigger): today's importer writes a round's partition (V013), which that store has not.
    /// </summary>
    private static async Task<int> InsertAsV010Async(BiduiDbContext db, int n)
    {
        int round = await NewRoundAsync(db);
        await CoverAsV010Async(db, round, CountyA, CountyB);
        string[] lists = ["dropout_suspect", "aid_missing", "status_mismatch"];
        for (int i = 0; i < n; i++)
        {
            int county = i % 3 == 0 ? CountyB : CountyA;
            string id = $"{county}2013{i % 12 + 1:D2}{i % 28 + 1:D2}{i % 1000:D3}{i % 10}";
            string? school = lists[i % 3] == "aid_missing" ? (i % 2 == 0 ? "2143004221" : "2143004152") : null;
            string? schoolName = school is null ? null : "学校" + school;
            int unit = (int)(school is null ? Unit.Education : Unit.School);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO cases ("RoundId", "Category", "SourceRow", "PersonKey", "PersonName", "IdNumber", "IdTail", "CountyCode", "CountyName",
                    "SchoolCode", "SchoolName", "Unit", "Details", "State", "Linkage", "RoundsSeen", "CreatedAt", "Version")
                VALUES ({round}, {lists[i % 3]}, {i + 2}, {id}, {"王某" + i}, {id}, {id[^4..]}, {county}, {"县" + county},
                    {school}, {schoolName}, {unit}, {"{}"}, 0, 0, 1, {Now}, 1)
                """);
        }
        await db.Database.ExecuteSqlAsync($"UPDATE rounds SET \"State\" = {(int)RoundState.Done}, \"FinishedAt\" = {Now} WHERE \"Id\" = {round}");
        return round;
    }

    /// <summary>A round of n rows of each of three lists over two counties and two schools.</summary>
    private static async Task<int> ImportManyAsync(BiduiDbContext db, int n)
    {
        var rows = new Dictionary<string, List<Dictionary<string, string>>> { ["dropout_suspect"] = [], ["aid_missing"] = [], ["status_mismatch"] = [] };
        for (int i = 0; i < n; i++)
        {
            int county = i % 3 == 0 ? CountyB : CountyA;
            string id = $"{county}2013{i % 12 + 1:D2}{i % 28 + 1:D2}{i % 1000:D3}{i % 10}";
            string name = (i % 4 == 0 ? "王" : "李") + "某" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            rows["dropout_suspect"].Add(Dropout(name, id, county));
            rows["aid_missing"].Add(AidMissing(name, id[..14] + "1234", county, i % 2 == 0 ? "2143004221" : "2143004152", "G" + id));
            rows["status_mismatch"].Add(Dropout(name, id, county));
        }
        int round = await NewRoundAsync(db, CountyA, CountyB);
        await new RoundImporter(db, TimeProvider.System) { BatchSize = 25 }.ImportAsync(round, Lists(rows));
        return round;
    }

    private static Dictionary<string, string> Dropout(string name, string id, int county) => new()
    {
        ["乡村振兴行号"] = "7", ["原因"] = "13周岁，学籍库中未查到在籍学籍", ["姓名"] = name, ["证件号码"] = id, ["责任县代码"] = county.ToString(System.Globalization.CultureInfo.InvariantCulture), ["责任县"] = "县" + county,
    };

    private static Dictionary<string, string> AidMissing(string name, string id, int county, string school, string studentNo) => new()
    {
        ["乡村振兴行号"] = "8", ["学籍行号"] = "9", ["原因"] = "小学学生未查到资助发放记录", ["姓名"] = name, ["证件号码"] = id, ["学校名称"] = "学校" + school,
        ["学校标识码"] = school, ["学籍号"] = studentNo, ["责任县代码"] = county.ToString(System.Globalization.CultureInfo.InvariantCulture), ["责任县"] = "县" + county,
    };

    private static Dictionary<string, string> Duplicate(string name, string id, int county) => new()
    {
        ["学籍行号"] = "3", ["重复次数"] = "2", ["学籍姓名"] = name, ["学籍身份证件号"] = id, ["责任县代码"] = county.ToString(System.Globalization.CultureInfo.InvariantCulture), ["责任县"] = "县" + county,
    };

    private static Dictionary<string, string> Invalid(string source, string name, string id, int county) => new()
    {
        ["来源数据"] = source, ["来源行号"] = "12", ["原因"] = "位数错误", ["姓名"] = name, ["证件号码"] = id, ["所在单位"] = "某乡某村",
        ["责任县代码"] = county.ToString(System.Globalization.CultureInfo.InvariantCulture), ["责任县"] = "县" + county,
    };

    /// <summary>A results folder with one list CSV per entry, as CompareJob writes them (UTF-8 with BOM, formula marks).</summary>
    private static string Lists(Dictionary<string, List<Dictionary<string, string>>> lists)
    {
        var dir = TestStores.NewDataDirectory();
        foreach (var (code, rows) in lists)
        {
            var headers = rows.SelectMany(r => r.Keys).Distinct().ToList();
            var text = new StringBuilder();
            text.AppendLine(string.Join(",", headers));
            foreach (var row in rows)
                text.AppendLine(string.Join(",", headers.Select(h => Csv(row.GetValueOrDefault(h, "")))));
            File.WriteAllText(Path.Combine(dir, code + ".csv"), text.ToString(), new UTF8Encoding(true));
        }
        return dir;
    }

    private static string Csv(string cell)
    {
        cell = Bidui.Reports.FormulaSafety.Escape(cell);
        return cell.Contains(',', StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal) ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    private sealed class Reports : Bidui.Pipeline.IProgressStep
    {
        public int Count { get; private set; }
        public void Report(long done) => Count++;
        public void Dispose() { }
    }

    private sealed record LoggedCommand(string Text, List<(string Name, object? Value, System.Data.DbType Type)> Parameters);

    /// <summary>The commands EF sends, as sent (the command objects themselves are disposed after use).</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<LoggedCommand> Commands { get; } = [];

        private void Add(DbCommand command) =>
            Commands.Add(new(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value, p.DbType))]));

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Add(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Add(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

public sealed class SqliteScaleStoreTests() : ScaleStoreTests(StoreProvider.Sqlite);

public sealed class PostgresScaleStoreTests() : ScaleStoreTests(StoreProvider.Postgres)
{
    [SkippableFact]
    public Task Reimporting_a_withdrawn_round_waits_at_most_its_lock_timeout_for_a_reader_of_cases() => ReimportWaitsAtMostItsLockTimeoutForAReaderAsync();
}
