using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Tests;

/// <summary>Simultaneous changes of one case: one wins, the others are refused and told to reload; a change from an old page is refused.</summary>
public abstract class CaseConcurrencyTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    /// <summary>An open case no other test touched (never given an attachment), and its version.</summary>
    private async Task<(long Id, int Version)> OpenCaseAsync(int skip)
    {
        await using var db = f.Context(UserScope.System);
        var c = await db.Cases.Where(c => c.RoundId == f.RoundId && c.CountyCode == DemoRoundFixture.Shaodong && c.Category == "dropout_suspect"
                && c.State == CaseState.Open && !c.Events.Any())
            .OrderByDescending(c => c.Id).Skip(skip).FirstAsync();
        return (c.Id, c.Version);
    }

    /// <summary>Runs the actions at once, each with its own context (as separate requests would); returns how many succeeded and the refusals.</summary>
    private async Task<(int Won, List<WorkflowException> Refused)> AtOnceAsync(Actor actor, IEnumerable<Func<CaseWorkflow, Task>> actions)
    {
        using var start = new SemaphoreSlim(0);
        var tasks = actions.Select(async action =>
        {
            await using var db = f.Context(actor.Scope);
            var workflow = new CaseWorkflow(db, new AuditLog(db, f.Clock), f.Clock, f.Store);
            await start.WaitAsync();
            try { await action(workflow); return (WorkflowException?)null; }
            catch (WorkflowException ex) { return ex; }
        }).ToList();
        start.Release(tasks.Count);
        var outcomes = await Task.WhenAll(tasks);
        return (outcomes.Count(o => o is null), [.. outcomes.OfType<WorkflowException>()]);
    }

    [SkippableFact]
    public async Task Eight_simultaneous_submissions_give_one_result_and_seven_refusals()
    {
        TestStores.Require(f.Available);
        var (id, version) = await OpenCaseAsync(0);
        var (won, refused) = await AtOnceAsync(f.ShaodongEducation, Enumerable.Range(0, 8).Select(i =>
            (Func<CaseWorkflow, Task>)(w => w.SubmitAsync(f.ShaodongEducation, id, "其他", $"第 {i} 次提交", expectedVersion: version))));

        Assert.Equal(1, won);
        Assert.Equal(7, refused.Count);
        Assert.All(refused, ex => Assert.IsType<CaseConflictException>(ex));
        await using var db = f.Context(UserScope.System);
        Assert.Equal(1, await db.CaseEvents.CountAsync(e => e.CaseId == id));
        Assert.Equal(1, await db.Audit.CountAsync(a => a.Target == CaseWorkflow.CaseTarget(id) && a.Action == "提交核查结果"));
        var c = await db.Cases.SingleAsync(x => x.Id == id);
        Assert.Equal((CaseState.Submitted, version + 1), (c.State, c.Version));
    }

    [SkippableFact]
    public async Task Simultaneous_approvals_and_returns_leave_one_consistent_decision()
    {
        TestStores.Require(f.Available);
        var (id, version) = await OpenCaseAsync(1);
        await using (var db = f.Context(f.ShaodongEducation.Scope))
            await new CaseWorkflow(db, new AuditLog(db, f.Clock), f.Clock, f.Store).SubmitAsync(f.ShaodongEducation, id, "死亡", null, version);

        var actions = Enumerable.Range(0, 6).Select(i => i % 2 == 0
            ? (Func<CaseWorkflow, Task>)(w => w.ApproveAsync(f.ShaodongEducation, id, "通过", expectedVersion: version + 1))
            : w => w.ReturnAsync(f.ShaodongEducation, id, "请补充材料", expectedVersion: version + 1));
        var (won, refused) = await AtOnceAsync(f.ShaodongEducation, actions);

        Assert.Equal((1, 5), (won, refused.Count));
        await using var check = f.Context(UserScope.System);
        var c = await check.Cases.SingleAsync(x => x.Id == id);
        Assert.True(c.State == CaseState.Closed ? c.ClosedAt is not null : c.State == CaseState.Returned && c.ClosedAt is null, $"{c.State} / {c.ClosedAt}");
        Assert.Equal(2, await check.CaseEvents.CountAsync(e => e.CaseId == id));
    }

    [SkippableFact]
    public async Task A_change_made_from_an_old_page_is_refused_and_changes_nothing()
    {
        TestStores.Require(f.Available);
        var (id, version) = await OpenCaseAsync(2);
        await using var db = f.Context(f.ShaodongEducation.Scope);
        var workflow = new CaseWorkflow(db, new AuditLog(db, f.Clock), f.Clock, f.Store);
        await workflow.SubmitAsync(f.ShaodongEducation, id, "死亡", null, expectedVersion: version);
        db.ChangeTracker.Clear();
        await workflow.ReturnAsync(f.ShaodongEducation, id, "请补充材料", expectedVersion: version + 1);
        db.ChangeTracker.Clear();

        // Someone still looking at the submitted case approves it.
        var ex = await Assert.ThrowsAsync<CaseConflictException>(() => workflow.ApproveAsync(f.ShaodongEducation, id, null, expectedVersion: version + 1));
        Assert.Contains("已退回", ex.Message, StringComparison.Ordinal);
        await using var check = f.Context(UserScope.System);
        var c = await check.Cases.SingleAsync(x => x.Id == id);
        Assert.Equal((CaseState.Returned, version + 2, (DateTime?)null), (c.State, c.Version, c.ClosedAt));
    }
}

[Collection(SqliteStore.Name)]
public sealed class SqliteCaseConcurrencyTests(SqliteDemoRound f) : CaseConcurrencyTests<SqliteDemoRound>(f);

[Collection(PostgresStore.Name)]
public sealed class PostgresCaseConcurrencyTests(PostgresDemoRound f) : CaseConcurrencyTests<PostgresDemoRound>(f);
