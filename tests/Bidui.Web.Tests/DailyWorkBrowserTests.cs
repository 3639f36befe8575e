using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bidui.Web.Demo;
using Bidui.Workflow;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Bidui.Workflow.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bidui.Web.Tests;

/// <summary>
/// A county officer's daily work in Chromium, on a demo app of its own (these tests change and count many cases):
/// the to-do and bulk approval, the case list's filters, sorting, deadline columns and the way back from a case,
/// a township account created, given dropout cases and answering them, a village seeing its own, and the
/// county dashboard's ranked, paged schools.
/// </summary>
public abstract class DailyWorkBrowserTests<TFixture>(TFixture f) where TFixture : WebAppFixture
{
    private const string NewPassword = "Xq7#mPz2!vLr9";

    private async Task<Actor> ActorAsync(string userName)
    {
        await using var db = f.Context();
        return Actor.Of(await db.Users.SingleAsync(u => u.UserName == userName));
    }

    private BiduiDbContext Scoped(Actor actor)
    {
        var db = f.Store.CreateContext();
        db.SetScope(actor.Scope);
        return db;
    }

    private async Task<ToDoCounts> ToDoAsync(Actor actor)
    {
        await using var db = Scoped(actor);
        return await new CaseToDo(db, new CaseQueries(db, TimeProvider.System)).CountAsync(actor);
    }

    private static async Task<Browser> OpenAsync(TFixture f)
    {
        var browser = await Browser.OpenAsync(f.BaseAddress);
        // Bulk actions ask for confirmation.
        browser.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        return browser;
    }

    [SkippableFact]
    public async Task The_to_do_shows_what_to_review_and_bulk_approval_closes_the_ticked_cases()
    {
        TestStores.Require(f.Available);
        var rural = await ActorAsync("shaodong.xc");
        List<Case> submitted;
        await using (var db = Scoped(rural))
        {
            var workflow = new CaseWorkflow(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, f.Store);
            var open = await db.LiveCases.Where(c => c.Unit == Unit.Rural && c.State == CaseState.Open).OrderBy(c => c.Id).Take(4).ToListAsync();
            Assert.Equal(4, open.Count);
            foreach (var c in open) await workflow.SubmitAsync(rural, c.Id, "其他", "入户核实");
            submitted = await db.LiveCases.AsNoTracking().Where(c => open.Select(o => o.Id).Contains(c.Id)).OrderBy(c => c.Id).ToListAsync();
        }
        var counts = await ToDoAsync(rural);
        Assert.True(counts.Review >= 4);

        await using var browser = await OpenAsync(f);
        var page = browser.Page;
        await browser.SignInAsync("shaodong.xc");
        await Expect(page.Locator("#todo-count")).ToHaveTextAsync(counts.Total.ToString(CultureInfo.InvariantCulture));
        await page.ClickAsync("#nav-todo");
        await Expect(page.Locator("h1")).ToHaveTextAsync("我的待办");
        await page.ClickAsync("#tab-review");
        await Expect(page.Locator("#tab-review b")).ToHaveTextAsync(counts.Review.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#cases tbody tr")).ToHaveCountAsync(Math.Min(50, counts.Review));
        foreach (var c in submitted.Take(3)) await page.Locator($"#cases tr[data-case='{c.Id}'] input[name=items]").CheckAsync();
        await Expect(page.Locator("#selected-count")).ToHaveTextAsync("3");
        await page.FillAsync("#bulk-note", "材料齐全");
        await page.ClickAsync("#bulk-approve");
        await Expect(page.Locator("h1")).ToHaveTextAsync("批量处理结果");
        await Expect(page.Locator("#bulk-done")).ToHaveTextAsync("3");
        await Expect(page.Locator("#bulk-refused")).ToHaveTextAsync("0");
        await using (var check = f.Context())
        {
            var states = await check.Cases.Where(c => submitted.Select(s => s.Id).Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.State).ToListAsync();
            Assert.Equal([CaseState.Closed, CaseState.Closed, CaseState.Closed, CaseState.Submitted], states);
            Assert.Equal(3, await check.Audit.CountAsync(a => a.Action == "审核通过" && a.UserName == "shaodong.xc" && a.Detail.Contains("材料齐全")));
        }

        // Back to the to-do it came from; the last one, ticked from a page the first approval made stale, is refused with the reason.
        await page.ClickAsync("#back-to-list");
        await Expect(page.Locator("#tab-review b")).ToHaveTextAsync((counts.Review - 3).ToString(CultureInfo.InvariantCulture));
        var last = page.Locator($"#cases tr[data-case='{submitted[3].Id}'] input[name=items]");
        await last.CheckAsync();
        await page.ClickAsync("#bulk-return"); // no reason given
        await Expect(page.Locator("#bulk-error")).ToHaveTextAsync("退回时须说明原因。");
        await page.GoBackAsync();
        await using (var db = Scoped(rural))
            await new CaseWorkflow(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, f.Store).ApproveAsync(rural, submitted[3].Id, "他人已审核");
        await page.Locator($"#cases tr[data-case='{submitted[3].Id}'] input[name=items]").CheckAsync();
        await page.FillAsync("#bulk-note", "请补充证明");
        await page.ClickAsync("#bulk-return");
        await Expect(page.Locator("#bulk-refused")).ToHaveTextAsync("1");
        await Expect(page.Locator("#refused tbody tr td").Nth(2)).ToContainTextAsync("已被他人处理或修改");
    }

    [SkippableFact]
    public async Task The_case_list_filters_sorts_shows_deadlines_and_the_case_page_leads_back_with_the_filters_kept()
    {
        TestStores.Require(f.Available);
        int roundId;
        DateOnly deadline;
        string township;
        await using (var db = f.Context())
        {
            var round = await db.Rounds.OrderBy(r => r.Id).FirstAsync(r => r.State == RoundState.Done);
            roundId = round.Id;
            // Five days past the deadline, in the users' zone.
            deadline = f.Services.GetRequiredService<TimeProvider>().Today().AddDays(-5);
            round.Deadline = deadline;
            await db.SaveChangesAsync();
            // A township with dropout cases still at the education office (the dispatch test may have sent one township's away).
            township = await db.Cases.Where(c => c.RoundId == roundId && c.CountyCode == DemoAccounts.Shaodong && c.Category == "dropout_suspect" && c.Township != null
                    && c.Unit == Unit.Education && c.State != CaseState.Closed)
                .GroupBy(c => c.Township!).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        }
        await using var browser = await OpenAsync(f);
        var page = browser.Page;
        await browser.SignInAsync("shaodong.jy");
        await page.GotoAsync($"Cases?RoundId={roundId}");
        await page.SelectOptionAsync("#case-filters select[name=Category]", "dropout_suspect");
        await page.SelectOptionAsync("#case-filters select[name=Unit]", "Education");
        await page.SelectOptionAsync("#case-filters select[name=Township]", township);
        await page.CheckAsync("#case-filters input[name=Overdue]");
        await page.ClickAsync("#filter");
        await page.WaitForURLAsync(new Regex("Township="));
        int expected;
        await using (var db = f.Context())
            expected = await db.Cases.CountAsync(c => c.RoundId == roundId && c.CountyCode == DemoAccounts.Shaodong && c.Category == "dropout_suspect"
                && c.Unit == Unit.Education && c.Township == township && c.State != CaseState.Closed);
        Assert.True(expected > 0);
        await Expect(page.Locator("#case-count b")).ToHaveTextAsync(expected.ToString(CultureInfo.InvariantCulture));
        var rows = page.Locator("#cases tbody tr");
        await Expect(rows).ToHaveCountAsync(expected);
        for (int i = 0; i < expected; i++)
        {
            var cells = rows.Nth(i).Locator("td");
            await Expect(cells.Nth(1)).ToHaveTextAsync("疑似失学辍学");
            await Expect(cells.Nth(4)).ToContainTextAsync(township);
            await Expect(cells.Nth(11)).ToHaveTextAsync(deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await Expect(cells.Nth(12)).ToHaveTextAsync("5");
        }

        // A 学籍号 (G + the ID number) shows masked like the ID, and the search finds the case by it.
        long numbered;
        string studentNo;
        await using (var db = f.Context())
        {
            var c = await db.Cases.Where(c => c.RoundId == roundId && c.CountyCode == DemoAccounts.Shaodong && c.IdNumber.Length == 18).OrderBy(c => c.Id).FirstAsync();
            (numbered, studentNo) = (c.Id, "G" + c.IdNumber);
            await db.Cases.Where(x => x.Id == numbered).ExecuteUpdateAsync(x => x.SetProperty(y => y.StudentNo, studentNo));
        }
        await page.GotoAsync($"Cases?RoundId={roundId}&Q={studentNo}");
        var found = page.Locator($"#cases tr[data-case='{numbered}'] td");
        await Expect(found.Nth(7)).ToHaveTextAsync(IdMasking.Mask(studentNo));
        Assert.DoesNotContain(studentNo[1..], await page.Locator("#cases").InnerTextAsync(), StringComparison.Ordinal);

        // Sorted by state, descending: the state classes never rise down the list.
        await page.SelectOptionAsync("#sort", "State");
        await page.WaitForURLAsync(new Regex("Sort=State"));
        await page.SelectOptionAsync("#desc", "true");
        await page.WaitForURLAsync(new Regex("Desc=true"));
        await page.GotoAsync($"Cases?RoundId={roundId}&Sort=State&Desc=true&Size=500");
        var states = (await page.Locator("#cases tbody td[class^=state-]").EvaluateAllAsync<string[]>("els => els.map(e => e.className)"))
            .Select(c => int.Parse(c["state-".Length..], CultureInfo.InvariantCulture)).ToList();
        int inCounty;
        await using (var db = f.Context())
            inCounty = await db.Cases.CountAsync(c => c.RoundId == roundId && c.CountyCode == DemoAccounts.Shaodong);
        Assert.Equal(Math.Min(500, inCounty), states.Count);
        Assert.Equal(states.OrderDescending(), states);

        // The case page shows its deadline and leads back to the list as it was.
        await page.GotoAsync($"Cases?RoundId={roundId}&Category=dropout_suspect&Township={Uri.EscapeDataString(township)}&Sort=Name");
        string listUrl = page.Url;
        await page.Locator("#cases tbody tr td a").First.ClickAsync();
        await Expect(page.Locator("#case-deadline")).ToContainTextAsync(deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Expect(page.Locator("#case-overdue")).ToHaveTextAsync("已逾期 5 天");
        await page.ClickAsync("#back-to-list");
        await page.WaitForURLAsync(new Regex("^" + Regex.Escape(listUrl) + "$"));
        await Expect(page.Locator("#case-filters select[name=Township]")).ToHaveValueAsync(township);
    }

    [SkippableFact]
    public async Task A_township_account_is_created_given_dropout_cases_by_the_county_and_answers_them_and_a_village_sees_its_own()
    {
        TestStores.Require(f.Available);
        string township, village;
        List<long> dispatchable;
        await using (var db = f.Context())
        {
            var cases = await db.LiveCases.Where(c => c.CountyCode == DemoAccounts.Shaodong && c.Category == "dropout_suspect" && c.Township != null
                && c.Unit == Unit.Education && (c.State == CaseState.Open || c.State == CaseState.Returned)).ToListAsync();
            var group = cases.GroupBy(c => c.Township!).OrderByDescending(g => g.Count()).First();
            township = group.Key;
            village = group.First(c => c.Village != null).Village!;
            dispatchable = [.. group.Select(c => c.Id).Order()];
        }
        string userName = "xz" + Guid.NewGuid().ToString("N")[..6];
        await using var browser = await OpenAsync(f);
        var page = browser.Page;

        // The county education office creates the township's account (its own county's, and only townships and villages).
        await browser.SignInAsync("shaodong.jy");
        await page.ClickAsync("nav a:text-is('乡镇和村账户')");
        Assert.Equal(["", "Village", "Township"], await page.Locator("#new-user select[name=Role] option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)"));
        await Expect(page.Locator("#new-user input[name=RegionCode]")).ToHaveValueAsync(DemoAccounts.Shaodong.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#new-user input[name=UserName]", userName);
        await page.FillAsync("#new-user input[name=DisplayName]", township + "人民政府");
        await page.SelectOptionAsync("#new-user select[name=Role]", "Township");
        await page.FillAsync("#new-user input[name=Township]", township);
        await page.FillAsync("#new-user input[name=Password]", NewPassword);
        await page.ClickAsync("#new-user button[type=submit]");
        await Expect(page.Locator(".notice")).ToHaveTextAsync("用户已创建。");
        await Expect(page.Locator("#users tr", new() { HasText = userName })).ToContainTextAsync(township);
        // Its list shows no officer of the county or the province.
        var roles = await page.Locator("#users tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.All(roles, r => Assert.True(r is "乡镇" or "村", r));

        // It dispatches the township's dropout cases from its list.
        await page.GotoAsync($"Cases?Category=dropout_suspect&Unit=Education&Township={Uri.EscapeDataString(township)}&State=Open");
        await page.CheckAsync("#select-all");
        await page.FillAsync("#bulk-note", "请一周内入户核实");
        await page.ClickAsync("#bulk-dispatch");
        await Expect(page.Locator("#bulk-done")).ToHaveTextAsync(dispatchable.Count.ToString(CultureInfo.InvariantCulture));
        await browser.SignOutAsync();

        // The township finds them in its to-do and answers one.
        await browser.SignInAsync(userName, NewPassword);
        await Expect(page.Locator("#todo-count")).ToHaveTextAsync(dispatchable.Count.ToString(CultureInfo.InvariantCulture));
        await page.ClickAsync("#nav-todo");
        var ids = await page.Locator("#cases tbody tr").EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.case))");
        Assert.Equal(dispatchable, ids.Order());
        await page.Locator($"#cases tr[data-case='{dispatchable[0]}'] td a").First.ClickAsync();
        await Expect(page.Locator("#case-state")).ToHaveTextAsync("待核查");
        await page.SelectOptionAsync("#result", "省外就读无学籍");
        await page.FillAsync("#submit-form textarea[name=Note]", "入户核实：在广东东莞就读");
        await page.ClickAsync("#submit");
        await Expect(page.Locator("#case-state")).ToHaveTextAsync("待审核");
        // The township sees nothing of another township.
        await page.GotoAsync("Cases");
        var townships = await page.Locator("#cases tbody tr td:nth-child(5)").AllInnerTextsAsync();
        Assert.NotEmpty(townships);
        Assert.All(townships, t => Assert.StartsWith(township, t, StringComparison.Ordinal));
        await browser.SignOutAsync();

        // The county reviews it from its to-do.
        await browser.SignInAsync("shaodong.jy");
        await page.GotoAsync("Cases/Todo?Kind=Review");
        await page.Locator($"#cases tr[data-case='{dispatchable[0]}'] td a").First.ClickAsync();
        await page.ClickAsync("#approve");
        await Expect(page.Locator("#case-state")).ToHaveTextAsync("已办结");
        await Expect(page.Locator("#history tbody tr").First).ToContainTextAsync("派发乡镇");
        // Another dispatched case taken back from its own page, then sent again.
        Assert.True(dispatchable.Count >= 2);
        await page.GotoAsync($"Cases/Detail/{dispatchable[1]}");
        await Expect(page.Locator("#dispatch")).ToHaveTextAsync("收回县级教育部门");
        await page.ClickAsync("#dispatch");
        await Expect(page.Locator(".notice")).ToHaveTextAsync("已收回县级教育部门。");
        await Expect(page.Locator("#dispatch")).ToHaveTextAsync($"派发至 {township}");
        await page.FillAsync("#dispatch-form input[name=note]", "请入户核实");
        await page.ClickAsync("#dispatch");
        await Expect(page.Locator(".notice")).ToHaveTextAsync("已派发乡镇。");
        await using (var db = f.Context())
        {
            var again = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == dispatchable[1]);
            Assert.Equal((Unit.Township, CaseState.Open), (again.Unit, again.State));
        }
        await browser.SignOutAsync();

        // The county creates a village account, which sees its village's cases only.
        string villager = "cun" + Guid.NewGuid().ToString("N")[..6];
        await browser.SignInAsync("shaodong.jy");
        await page.GotoAsync("Users");
        await page.FillAsync("#new-user input[name=UserName]", villager);
        await page.FillAsync("#new-user input[name=DisplayName]", village + "村委会");
        await page.SelectOptionAsync("#new-user select[name=Role]", "Village");
        await page.FillAsync("#new-user input[name=Township]", township);
        await page.FillAsync("#new-user input[name=Village]", village);
        await page.FillAsync("#new-user input[name=Password]", NewPassword);
        await page.ClickAsync("#new-user button[type=submit]");
        await Expect(page.Locator(".notice")).ToHaveTextAsync("用户已创建。");
        await browser.SignOutAsync();
        await browser.SignInAsync(villager, NewPassword);
        await page.GotoAsync("Cases");
        var places = await page.Locator("#cases tbody tr td:nth-child(5)").AllInnerTextsAsync();
        Assert.NotEmpty(places);
        Assert.All(places, p => Assert.Equal($"{township} {village}", p.Trim()));
        await Expect(page.Locator("#bulk-form input[name=items]")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task The_county_dashboard_ranks_and_pages_its_schools_and_charts_only_the_top()
    {
        TestStores.Require(f.Available);
        await using var browser = await OpenAsync(f);
        var page = browser.Page;
        await browser.SignInAsync("shaodong.jy");
        await page.GotoAsync("Dashboard");
        await page.SelectOptionAsync("#children-sort-by", "Total");
        await page.WaitForURLAsync(new Regex("Sort=Total"));
        await page.SelectOptionAsync("#children-size", "10");
        await page.WaitForURLAsync(new Regex("Size=10"));
        var rows = page.Locator("#children tbody tr");
        await Expect(rows).ToHaveCountAsync(10);
        var json = JsonDocument.Parse(await page.Locator("#chart-data").TextContentAsync() ?? "{}").RootElement;
        int bars = json.GetProperty("names").GetArrayLength();
        string heading = await page.Locator("h2", new() { HasText = "各学校" }).InnerTextAsync();
        int schools = int.Parse(Regex.Match(heading, @"共 (\d+) 个").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(schools > 15, "the demo county has more schools than the chart shows");
        Assert.Equal(15, bars);

        var totals = new List<int>();
        for (int p = 1; ; p++)
        {
            var ranks = await rows.Locator("td:nth-child(1)").AllInnerTextsAsync();
            Assert.Equal(Enumerable.Range((p - 1) * 10 + 1, ranks.Count).Select(r => r.ToString(CultureInfo.InvariantCulture)), ranks);
            totals.AddRange((await rows.Locator("td:nth-child(3)").AllInnerTextsAsync()).Select(t => int.Parse(t, CultureInfo.InvariantCulture)));
            if (await page.Locator("#children-next").CountAsync() == 0) break;
            await page.ClickAsync("#children-next");
            await page.WaitForURLAsync(new Regex($"p={p + 1}"));
        }
        Assert.Equal(schools, totals.Count);
        Assert.Equal(totals.OrderDescending(), totals);
        await Expect(page.Locator("#total-cases")).ToHaveTextAsync(totals.Sum().ToString(CultureInfo.InvariantCulture));
    }

    [SkippableFact]
    public async Task The_to_do_and_bulk_actions_touch_nothing_of_another_county()
    {
        TestStores.Require(f.Available);
        long shaodongCase;
        int version;
        await using (var db = f.Context())
        {
            var c = await db.Cases.Where(c => c.CountyCode == DemoAccounts.Shaodong && c.State == CaseState.Open && c.Unit == Unit.Education).OrderByDescending(c => c.Id).FirstAsync();
            (shaodongCase, version) = (c.Id, c.Version);
        }
        var longhui = await ActorAsync("longhui.jy");
        var counts = await ToDoAsync(longhui);
        using var client = await SignedInClient.SignInAsync(f.BaseAddress, "longhui.jy", DemoAccounts.Password);
        Assert.Equal(counts.Total.ToString(CultureInfo.InvariantCulture), await client.GetStringAsync("/Cases/Todo?handler=Count"));
        string todo = await client.GetStringAsync("/Cases/Todo?Kind=Submit&Size=500");
        var listed = Regex.Matches(todo, "data-case=\"(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(counts.Submit, listed.Count);
        await using (var db = f.Context())
            Assert.All(await db.Cases.Where(c => listed.Contains(c.Id)).Select(c => c.CountyCode).ToListAsync(), county => Assert.Equal(DemoAccounts.Longhui, county));

        var response = await client.PostAsync("/Cases/Bulk", new() { ["action"] = "Dispatch", ["items"] = $"{shaodongCase}:{version}", ["returnUrl"] = "https://example.com/" });
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("不在您的管辖范围内", html, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", html, StringComparison.Ordinal); // never sent back elsewhere
        await using (var check = f.Context())
            Assert.Equal(version, (await check.Cases.SingleAsync(c => c.Id == shaodongCase)).Version);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

/// <summary>A demo app of its own: these tests change and count many cases.</summary>
public sealed class SqliteDailyWebApp : WebAppFixture
{
    protected override StoreProvider Provider => StoreProvider.Sqlite;
}

public sealed class PostgresDailyWebApp : WebAppFixture
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

[CollectionDefinition(Name)]
public sealed class SqliteDailyWeb : ICollectionFixture<SqliteDailyWebApp>
{
    public const string Name = "web on SQLite for the daily work";
}

[CollectionDefinition(Name)]
public sealed class PostgresDailyWeb : ICollectionFixture<PostgresDailyWebApp>
{
    public const string Name = "web on PostgreSQL for the daily work";
}

[Collection(SqliteDailyWeb.Name)]
public sealed class SqliteDailyWorkBrowserTests(SqliteDailyWebApp f) : DailyWorkBrowserTests<SqliteDailyWebApp>(f);

[Collection(PostgresDailyWeb.Name)]
public sealed class PostgresDailyWorkBrowserTests(PostgresDailyWebApp f) : DailyWorkBrowserTests<PostgresDailyWebApp>(f);
