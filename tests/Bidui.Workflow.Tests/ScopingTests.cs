using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Dashboard;
using Bidui.Workflow.Feedback;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Tests;

/// <summary>
/// The scoping rule on a real store: whatever lists, counts, searches or exports cases, a county
/// user of 隆回县 gets nothing of 邵东市 (and a school officer nothing beyond the school).
/// </summary>
public abstract class ScopingTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    [SkippableFact]
    public async Task Lists_and_counts_hold_only_the_users_county()
    {
        TestStores.Require(f.Available);
        await using var all = f.Context(UserScope.System);
        int longhuiTotal = await all.Cases.CountAsync(c => c.RoundId == f.RoundId && c.CountyCode == DemoRoundFixture.Longhui);
        int shaodongTotal = await all.Cases.CountAsync(c => c.RoundId == f.RoundId && c.CountyCode == DemoRoundFixture.Shaodong);
        Assert.True(longhuiTotal > 0 && shaodongTotal > 0, "the demo has cases in both counties");

        await using var db = f.Context(f.LonghuiEducation.Scope);
        var queries = new CaseQueries(db, f.Clock);
        var listed = await queries.PageAsync(new CaseFilter { RoundId = f.RoundId }, 1, 100_000);
        Assert.Equal(longhuiTotal, listed.Count);
        Assert.All(listed, c => Assert.Equal(DemoRoundFixture.Longhui, c.CountyCode));
        Assert.Equal(longhuiTotal, await queries.CountAsync(new CaseFilter { RoundId = f.RoundId }));
        // Asking for the other county explicitly still gives nothing.
        Assert.Equal(0, await queries.CountAsync(new CaseFilter { RoundId = f.RoundId, RegionCode = DemoRoundFixture.Shaodong }));
        Assert.Empty(await db.Cases.Where(c => c.CountyCode == DemoRoundFixture.Shaodong).ToListAsync());
        Assert.Empty(await db.MatchedStats.Where(m => m.CountyCode == DemoRoundFixture.Shaodong).ToListAsync());
    }

    [SkippableFact]
    public async Task Search_and_direct_access_do_not_reach_another_county()
    {
        TestStores.Require(f.Available);
        await using var all = f.Context(UserScope.System);
        var other = await all.Cases.Where(c => c.CountyCode == DemoRoundFixture.Shaodong && c.IdNumber.Length == 18).OrderBy(c => c.Id).FirstAsync();

        await using var db = f.Context(f.LonghuiEducation.Scope);
        var queries = new CaseQueries(db, f.Clock);
        Assert.DoesNotContain(await queries.PageAsync(new CaseFilter { Text = other.IdNumber }, 1, 100), c => c.Id == other.Id);
        Assert.All(await queries.PageAsync(new CaseFilter { Text = other.PersonName }, 1, 100), c => Assert.Equal(DemoRoundFixture.Longhui, c.CountyCode));
        Assert.Null(await queries.FindAsync(other.Id));
        var workflow = new CaseWorkflow(db, new AuditLog(db, f.Clock), f.Clock, f.Store);
        await Assert.ThrowsAsync<WorkflowException>(() => workflow.RevealIdAsync(f.LonghuiEducation, other.Id));
        await Assert.ThrowsAsync<WorkflowException>(() => workflow.SubmitAsync(f.LonghuiEducation, other.Id, "其他", "x"));
        Assert.Empty(await db.CaseEvents.Where(e => e.CaseId == other.Id).ToListAsync());
    }

    [SkippableFact]
    public async Task Export_holds_only_the_users_county_and_masks_numbers()
    {
        TestStores.Require(f.Available);
        await using var db = f.Context(f.LonghuiEducation.Scope);
        var path = Path.Combine(f.Store.DataDirectory, Guid.NewGuid().ToString("N") + ".xlsx");
        int rows = await new CaseExport(db, new CaseQueries(db, f.Clock), new AuditLog(db, f.Clock)).WriteAsync(f.LonghuiEducation, new CaseFilter { RoundId = f.RoundId }, false, path);
        Assert.True(rows > 0);
        var read = TestStores.ReadSheet(path);
        Assert.Equal(rows, read.Count);
        Assert.All(read, r => Assert.Equal("430524", r["责任县代码"]));
        // The columns an officer sorts and assigns by, as the store holds them.
        var cases = await db.Cases.AsNoTracking().Where(c => c.RoundId == f.RoundId).ToDictionaryAsync(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var deadline = (await db.Rounds.SingleAsync(r => r.Id == f.RoundId)).Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(read, r =>
        {
            var c = cases[r["任务编号"]];
            Assert.Equal((c.SchoolCode ?? "", c.Township ?? "", c.Village ?? "", deadline), (r["学校标识码"], r["乡镇"], r["村"], r["截止日期"]));
        });
        Assert.Contains(read, r => r["乡镇"].Length > 0);
        Assert.Contains($"；{rows} 条；", (await db.Audit.Where(a => a.Action == "导出").OrderBy(a => a.Id).LastAsync()).Detail, StringComparison.Ordinal);
        Assert.All(read.Where(r => r["证件号码"].Length == 18), r => Assert.Matches(@"^\w{4}\*{10}\w{4}$", r["证件号码"]));
        Assert.Contains(await db.Audit.ToListAsync(), a => a.Action == "导出" && a.UserName == f.LonghuiEducation.UserName);
    }

    [SkippableFact]
    public async Task Dashboard_counts_only_the_users_county_even_when_asked_for_the_province()
    {
        TestStores.Require(f.Available);
        await using var all = f.Context(UserScope.System);
        int longhuiTotal = await all.Cases.CountAsync(c => c.RoundId == f.RoundId && c.CountyCode == DemoRoundFixture.Longhui);
        await using var db = f.Context(f.LonghuiEducation.Scope);
        var view = await new DashboardService(db, f.Clock).BuildAsync(f.LonghuiEducation, f.RoundId, 430000);
        Assert.NotNull(view);
        Assert.Equal(DemoRoundFixture.Longhui, view.RegionCode);
        Assert.Equal(longhuiTotal, view.Totals.Total);
        Assert.Equal(longhuiTotal, view.ByCategory.Sum(c => c.Total));
        Assert.DoesNotContain(view.Children, c => c.Name.Contains("邵东", StringComparison.Ordinal));

        // The province sees both, one row per prefecture.
        await using var province = f.Context(f.Admin.Scope);
        var whole = await new DashboardService(province, f.Clock).BuildAsync(f.Admin, f.RoundId, null);
        Assert.True(whole!.Totals.Total > longhuiTotal);
        Assert.Contains(whole.Children, c => c.Name == "邵阳市");
    }

    [SkippableFact]
    public async Task Feedback_workbook_cannot_touch_another_countys_case()
    {
        TestStores.Require(f.Available);
        await using var all = f.Context(UserScope.System);
        var other = await all.Cases.Where(c => c.CountyCode == DemoRoundFixture.Shaodong && c.Category == "dropout_suspect").OrderBy(c => c.Id).FirstAsync();
        var path = Path.Combine(f.Store.DataDirectory, Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(path, $"任务编号,核查结果,核查说明\n{other.Id},已在校并注册学籍,\n");
        await using var db = f.Context(f.LonghuiEducation.Scope);
        var audit = new AuditLog(db, f.Clock);
        var workbook = new FeedbackWorkbook(db, new CaseQueries(db, f.Clock), new CaseWorkflow(db, audit, f.Clock, f.Store), audit);
        var result = await workbook.UploadAsync(f.LonghuiEducation, f.RoundId, path, applyValidRows: true);
        Assert.Equal(0, result.Applied);
        Assert.Contains("不在您的管辖范围", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        await using var check = f.Context(UserScope.System);
        Assert.Equal(CaseState.Open, (await check.Cases.SingleAsync(c => c.Id == other.Id)).State);
    }

    [SkippableFact]
    public async Task School_officer_sees_only_the_school_and_nobody_unscoped_sees_anything()
    {
        TestStores.Require(f.Available);
        await using var db = f.Context(f.School.Scope);
        var cases = await new CaseQueries(db, f.Clock).PageAsync(new CaseFilter(), 1, 100_000);
        Assert.NotEmpty(cases);
        Assert.All(cases, c => Assert.Equal(f.School.SchoolCode, c.SchoolCode));

        await using var none = f.Store.CreateContext();
        Assert.Equal(0, await none.Cases.CountAsync());
    }
}

[Collection(SqliteStore.Name)]
public sealed class SqliteScopingTests(SqliteDemoRound f) : ScopingTests<SqliteDemoRound>(f);

[Collection(PostgresStore.Name)]
public sealed class PostgresScopingTests(PostgresDemoRound f) : ScopingTests<PostgresDemoRound>(f);
