using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Tests;

/// <summary>
/// A round states the counties it covers and touches nothing outside them; an input that loads no
/// row is refused, one far shorter than last time needs a confirmation; a round can be withdrawn.
/// </summary>
public abstract class RoundCoverageTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    private RoundService Rounds(BiduiDbContext db) => new(db, new AuditLog(db, f.Clock), f.Store, f.Clock);

    [SkippableFact]
    public async Task A_round_of_one_county_touches_no_other_county_and_can_be_withdrawn()
    {
        TestStores.Require(f.Available);
        int full = await f.RunRoundAsync("全省批次", f.Files.StudentsPath, f.Files.PovertyPath, f.Files.AidPath);
        var shaodongOnly = TestInputs.Students(f, "shaodong-students", (_, county) => county == DemoRoundFixture.Shaodong);
        int partial = await f.CompareAsync("只有邵东市学籍的批次", shaodongOnly, f.Files.PovertyPath, f.Files.AidPath);

        await using (var db = f.Context(UserScope.System))
        {
            var rounds = Rounds(db);
            Assert.Equal(RoundState.AwaitingConfirmation, (await db.Rounds.SingleAsync(r => r.Id == partial)).State);
            Assert.Equal(0, await db.Cases.CountAsync(c => c.RoundId == partial));
            var coverage = await rounds.CoverageAsync(partial);
            // 邵东市 has both inputs; 隆回县 has register rows but no students: proposed as not covered.
            var shaodong = coverage.Counties.Single(c => c.CountyCode == DemoRoundFixture.Shaodong);
            var longhui = coverage.Counties.Single(c => c.CountyCode == DemoRoundFixture.Longhui);
            Assert.True(shaodong.Covered && shaodong.EducationRows > 0 && shaodong.RuralRows > 0);
            Assert.True(!longhui.Covered && longhui.EducationRows == 0 && longhui.RuralRows > 0 && longhui.CaseRows > 0);
            Assert.Equal([DemoRoundFixture.Shaodong], coverage.Counties.Where(c => c.Covered).Select(c => c.CountyCode));

            // A third of the students of last time: refused without an explicit confirmation.
            Assert.Contains(coverage.ShortInputs, w => w.Contains("学籍数据", StringComparison.Ordinal));
            var refused = await Assert.ThrowsAsync<WorkflowException>(() => rounds.ConfirmAsync(f.Admin, partial, [DemoRoundFixture.Shaodong], acceptShortInputs: false));
            Assert.Contains("数据量明显少于上一批次", refused.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<WorkflowException>(() => rounds.ConfirmAsync(f.Admin, partial, [], acceptShortInputs: true));
            await rounds.ConfirmAsync(f.Admin, partial, [DemoRoundFixture.Shaodong], acceptShortInputs: true);
        }
        await f.Runner().ImportAsync(partial);

        long resolvedShaodong;
        await using (var db = f.Context(UserScope.System))
        {
            var round = await db.Rounds.SingleAsync(r => r.Id == partial);
            Assert.Equal(RoundState.Done, round.State);
            Assert.True(round.SkippedCaseCount > 0, "隆回县 and 新邵县's list rows are not imported");
            Assert.All(await db.Cases.Where(c => c.RoundId == partial).ToListAsync(), c => Assert.Equal(DemoRoundFixture.Shaodong, c.CountyCode));
            // The full round is superseded in 邵东市 only: the other counties' cases of it are untouched, still current.
            Assert.Equal([(DemoRoundFixture.Shaodong, (int?)partial)], (await db.RoundCounties.Where(x => x.RoundId == full && x.SupersededBy != null)
                .Select(x => new { x.CountyCode, x.SupersededBy }).ToListAsync()).Select(x => (x.CountyCode, x.SupersededBy)));
            Assert.Equal(0, await db.Cases.CountAsync(c => c.RoundId == partial && c.PreviousCaseId != null
                && db.Cases.Any(p => p.Id == c.PreviousCaseId && p.CountyCode != DemoRoundFixture.Shaodong)));
            Assert.True(await db.Cases.AnyAsync(c => c.RoundId == partial && c.PreviousCaseId != null), "邵东市's cases link to the full round");
            // 邵东市's earlier cases are each carried on (a case of the partial round links to it) or resolved, never both;
            // no earlier case of another county is resolved. The import set no mark on any earlier case.
            var queries = new CaseQueries(db, f.Clock);
            var carriedOn = (await db.Cases.Where(c => c.RoundId == partial && c.PreviousCaseId != null).Select(c => c.PreviousCaseId!.Value).ToListAsync()).ToHashSet();
            var resolved = new List<long>();
            foreach (var c in await db.Cases.AsNoTracking().Where(c => c.RoundId == full).ToListAsync())
            {
                int? resolvedIn = await queries.ResolvedInAsync(c);
                Assert.True(resolvedIn is null || (resolvedIn == partial && c.CountyCode == DemoRoundFixture.Shaodong && !carriedOn.Contains(c.Id)), $"case {c.Id}");
                if (resolvedIn is not null) resolved.Add(c.Id);
            }
            resolvedShaodong = resolved.Count;
            Assert.Equal(round.ResolvedCount, resolvedShaodong);
            Assert.Equal(await db.Cases.CountAsync(c => c.RoundId == full && c.CountyCode == DemoRoundFixture.Shaodong), carriedOn.Count + resolved.Count);
            Assert.False(await db.Cases.AnyAsync(c => c.ResolvedInRoundId != null || c.CarriedInRoundId != null));

            // The full round cannot go while the partial one carries its cases on.
            var blocked = await Assert.ThrowsAsync<WorkflowException>(() => Rounds(db).WithdrawAsync(f.Admin, full, "测试", discardWork: true));
            Assert.Contains($"批次 {partial}", blocked.Message, StringComparison.Ordinal);
        }

        // One case of the partial round was worked on: withdrawing needs the confirmation to discard it.
        long worked;
        await using (var db = f.Context(f.ShaodongEducation.Scope))
        {
            worked = await db.Cases.Where(c => c.RoundId == partial && c.Category == "dropout_suspect").OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            await new CaseWorkflow(db, new AuditLog(db, f.Clock), f.Clock, f.Store).SubmitAsync(f.ShaodongEducation, worked, "死亡", null);
        }
        await using (var db = f.Context(UserScope.System))
        {
            var rounds = Rounds(db);
            var needs = await Assert.ThrowsAsync<WorkflowException>(() => rounds.WithdrawAsync(f.Admin, partial, "学籍文件只有邵东市", discardWork: false));
            Assert.Contains("1 条任务已有核查或审核记录", needs.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<WorkflowException>(() => rounds.WithdrawAsync(f.ShaodongEducation, partial, "x", discardWork: true));
            var view = await rounds.WithdrawAsync(f.Admin, partial, "学籍文件只有邵东市", discardWork: true);
            Assert.Equal((1, (int)resolvedShaodong), (view.Worked, view.Reopens));
        }
        await f.Runner().PurgeAsync(partial);

        await using (var check = f.Context(UserScope.System))
        {
            Assert.Equal(RoundState.Withdrawn, (await check.Rounds.SingleAsync(r => r.Id == partial)).State);
            Assert.Equal(0, await check.Cases.CountAsync(c => c.RoundId == partial));
            Assert.Equal(0, await check.CaseEvents.CountAsync(e => e.CaseId == worked));
            Assert.Equal(0, await check.MatchedStats.CountAsync(m => m.RoundId == partial));
            // The full round's 邵东市 cases are current again.
            Assert.Equal(0, await check.RoundCounties.CountAsync(x => x.SupersededBy == partial));
            var entry = await check.Audit.Where(a => a.Action == "撤回批次" && a.Target == RoundRunner.RoundTarget(partial)).SingleAsync();
            Assert.Contains($"恢复此前标为已消除的任务 {resolvedShaodong} 条", entry.Detail, StringComparison.Ordinal);
            Assert.Contains("学籍文件只有邵东市", entry.Detail, StringComparison.Ordinal);
            // The next round links to the full round again, in every county.
            Assert.False(await check.Cases.Where(c => c.RoundId == partial).AnyAsync());
        }
        int next = await f.RunRoundAsync("撤回后的全省批次", f.Files.StudentsPath, f.Files.PovertyPath, f.Files.AidPath);
        await using (var check = f.Context(UserScope.System))
        {
            var linked = await check.Cases.Where(c => c.RoundId == next && c.PreviousCaseId != null).Select(c => c.PreviousCaseId!.Value).ToListAsync();
            Assert.NotEmpty(linked);
            Assert.Equal(linked.Count, await check.Cases.CountAsync(c => c.RoundId == next));
            Assert.All(await check.Cases.Where(c => linked.Contains(c.Id)).Select(c => c.RoundId).Distinct().ToListAsync(), r => Assert.Equal(full, r));
        }
    }

    [SkippableFact]
    public async Task An_input_that_loads_no_row_is_refused_and_nothing_is_dispatched()
    {
        TestStores.Require(f.Available);
        // Every row lacks both name and ID (rejected): nothing is loaded.
        var nobody = TestInputs.Filter(f.Files.StudentsPath, Bidui.Inputs.DatasetSchema.Students, "学校所在地代码", (i, _) => i < 50,
            Path.Combine(f.Store.DataDirectory, "nobody.csv"), "姓名", "身份证件号");
        int id = await f.CompareAsync("空学籍批次", nobody, f.Files.PovertyPath, null);

        await using var db = f.Context(UserScope.System);
        var round = await db.Rounds.SingleAsync(r => r.Id == id);
        Assert.Equal(RoundState.Draft, round.State);
        Assert.Contains("没有可用的学籍数据行", round.LastError, StringComparison.Ordinal);
        // Named as it was uploaded, not by where the server keeps it.
        Assert.Contains("nobody.csv", round.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Store.DataDirectory, round.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await db.Cases.CountAsync(c => c.RoundId == id || c.ResolvedInRoundId == id));
        Assert.Equal(0, await db.RoundCounties.CountAsync(x => x.RoundId == id));
        await Assert.ThrowsAsync<WorkflowException>(() => Rounds(db).ConfirmAsync(f.Admin, id, [DemoRoundFixture.Shaodong], acceptShortInputs: true));
    }
}

[Collection(SqliteStore.Name)]
public sealed class SqliteRoundCoverageTests(SqliteDemoRound f) : RoundCoverageTests<SqliteDemoRound>(f);

[Collection(PostgresStore.Name)]
public sealed class PostgresRoundCoverageTests(PostgresDemoRound f) : RoundCoverageTests<PostgresDemoRound>(f);
