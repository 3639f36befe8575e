using Bidui.Assessment.Indicators;
using Bidui.Inputs;
using Bidui.Workflow.Access;
using Bidui.Workflow.Assessment;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Store;

namespace Bidui.Workflow.Tests;

/// <summary>A clock that stands still, for deadlines.</summary>
public sealed class FixedClock(DateTime utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
}

/// <summary>
/// Two hand-made rounds in a real store, whose workflow indicators are worked out by hand in the comments:
/// two counties, cases closed either side of a deadline at Beijing midnight, returns, reappearances.
/// </summary>
public abstract class AssessmentStore : IAsyncLifetime
{
    public const int A = 430582, B = 430524;
    protected abstract StoreProvider Provider { get; }
    public StoreOptions Store { get; private set; } = null!;
    public bool Available { get; private set; }
    public int Previous { get; private set; }
    public int Current { get; private set; }
    /// <summary>2026-11-05 12:00 Beijing time: the current round's deadline (2026-10-31) has passed.</summary>
    public TimeProvider Clock { get; } = new FixedClock(new DateTime(2026, 11, 5, 4, 0, 0, DateTimeKind.Utc));
    public Dictionary<string, long> Ids { get; } = [];

    public async Task InitializeAsync()
    {
        if (Provider == StoreProvider.Postgres && TestStores.PostgresServer() is null) return;
        Available = true;
        Store = TestStores.Create(Provider, TestStores.NewDataDirectory());
        await using var db = await TestStores.MigratedAsync(Store);
        var r1 = new Round { Name = "第一批", ProvinceCode = 43, State = RoundState.Done, Deadline = new(2026, 9, 30), ReferenceDate = new(2026, 9, 1), CreatedAt = T(9, 1, 0) };
        db.Rounds.Add(r1);
        await db.SaveChangesAsync();
        var r2 = new Round { Name = "第二批", ProvinceCode = 43, State = RoundState.Done, Deadline = new(2026, 10, 31), ReferenceDate = new(2026, 10, 1), CreatedAt = T(10, 1, 0), PreviousRoundId = r1.Id };
        db.Rounds.Add(r2);
        await db.SaveChangesAsync();
        (Previous, Current) = (r1.Id, r2.Id);

        var created1 = T(9, 10, 2);
        var created2 = T(10, 10, 2); // 10:00 Beijing time
        var cases = new (string Key, Case Case, bool Returned)[]
        {
            ("p1", New(r1.Id, A, "dropout_suspect", created1, closed: T(9, 20, 2)), false),
            ("p2", New(r1.Id, A, "aid_missing", created1, closed: T(9, 20, 2)), false),
            ("p3", New(r1.Id, A, "aid_missing", created1), false),
            ("p4", New(r1.Id, A, "aid_missing", created1, closed: T(9, 25, 2)), false),
            ("q1", New(r1.Id, B, "aid_missing", created1, closed: T(9, 12, 2)), false),
            // 23:30 Beijing time on the deadline day: in time; 21.5625 days → 21.6.
            ("a1", New(r2.Id, A, "dropout_suspect", created2, closed: new DateTime(2026, 10, 31, 15, 30, 0, DateTimeKind.Utc)), false),
            // 00:30 Beijing time the day after: late; 21.6042 days → 21.6.
            ("a2", New(r2.Id, A, "dropout_suspect", created2, closed: new DateTime(2026, 10, 31, 16, 30, 0, DateTimeKind.Utc)), false),
            ("a3", New(r2.Id, A, "dropout_suspect", created2, linkage: Linkage.Reappeared), false),          // open, reappeared after p1
            ("a4", New(r2.Id, A, "aid_missing", created2, submitted: T(10, 20, 2), state: CaseState.Submitted), true), // returned once, resubmitted
            ("a5", New(r2.Id, A, "aid_missing", created2, closed: T(10, 12, 2), linkage: Linkage.Reappeared), false), // 2.0 days, reappeared after p2
            ("a6", New(r2.Id, A, "aid_missing", created2, submitted: T(10, 15, 2), state: CaseState.Returned), true),
            ("b1", New(r2.Id, B, "aid_missing", created2, closed: T(10, 15, 2)), false),                    // 5.0 days
            ("u1", New(r2.Id, 430000, "aid_missing", created2), false),                                     // no known county: not assessed
        };
        db.Cases.AddRange(cases.Select(c => c.Case));
        await db.SaveChangesAsync();
        foreach (var (key, c, returned) in cases)
        {
            Ids[key] = c.Id;
            if (returned) db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = T(10, 16, 2), UserName = "sd.jy", Action = CaseFacts.ReturnAction, Note = "材料不全" });
            db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = T(10, 16, 3), UserName = "sd.jy", Action = "上传附件" }); // not a return
        }
        await db.SaveChangesAsync();
    }

    private static DateTime T(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static Case New(int round, int county, string category, DateTime created, DateTime? closed = null, DateTime? submitted = null,
        CaseState state = CaseState.Open, Linkage linkage = Linkage.New) => new()
        {
            RoundId = round, CountyCode = county, CountyName = county.ToString(System.Globalization.CultureInfo.InvariantCulture), Category = category,
            PersonKey = Guid.NewGuid().ToString("N"), PersonName = "测试", IdNumber = "430582201001011234", Unit = Unit.Education, CreatedAt = created,
            ClosedAt = closed, SubmittedAt = submitted ?? (closed?.AddHours(-1)), State = closed is null ? state : CaseState.Closed, Linkage = linkage,
        };

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

public sealed class SqliteAssessmentStore : AssessmentStore
{
    protected override StoreProvider Provider => StoreProvider.Sqlite;
}

public sealed class PostgresAssessmentStore : AssessmentStore
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

public abstract class AssessmentStoreTests<TStore>(TStore f) where TStore : AssessmentStore
{
    private AssessmentService Service() => new(f.Store, new AssessmentSettings(f.Store), f.Clock);

    private static double? Value(Bidui.Assessment.Scoring.CountyScore county, Indicator i) => county.Of(i)?.Value.Value;

    [SkippableFact]
    public async Task Workflow_indicators_of_each_county_are_the_hand_computed_ones()
    {
        TestStores.Require(f.Available);
        var a = (await Service().BuildAsync(f.Current))!;
        Assert.Equal(f.Previous, a.Previous?.Id);
        Assert.False(a.HasComparison);
        Assert.Equal([AssessmentStore.B, AssessmentStore.A], a.Result.Counties.Select(c => c.County).Order().ToList()); // 430000 is not assessed

        var countyA = a.County(AssessmentStore.A)!;
        Assert.Equal(200.0 / 3, Value(countyA, Indicator.DropoutOverdueShare)!.Value, 6); // a2 late, a3 open, of a1 a2 a3
        Assert.Equal(200.0 / 6, Value(countyA, Indicator.Timeliness)!.Value, 6);          // a1 (23:30 Beijing on the deadline) and a5, of 6 due
        Assert.Equal(50, Value(countyA, Indicator.ClosureRate)!.Value, 6);                 // a1 a2 a5 of 6
        Assert.Equal(21.6, Value(countyA, Indicator.MedianDaysToClose)!.Value, 6);         // 2.0, 21.6, 21.6
        Assert.Equal(40, Value(countyA, Indicator.ReturnRate)!.Value, 6);                  // a4 a6 of the 5 submitted (a1 a2 a4 a5 a6)
        Assert.Equal(200.0 / 3, Value(countyA, Indicator.RecurrenceRate)!.Value, 6);       // a3 a5 of p1 p2 p4

        var countyB = a.County(AssessmentStore.B)!;
        Assert.Null(Value(countyB, Indicator.DropoutOverdueShare));
        Assert.Equal(100, Value(countyB, Indicator.Timeliness)!.Value, 6);
        Assert.Equal(5.0, Value(countyB, Indicator.MedianDaysToClose)!.Value, 6);
        Assert.Equal(0, Value(countyB, Indicator.ReturnRate)!.Value, 6);
        Assert.Equal(0, Value(countyB, Indicator.RecurrenceRate)!.Value, 6);               // q1 closed, not listed again

        // B is at least as good on every indicator: first in the province and the prefecture.
        Assert.Equal((1, 1), (countyB.ProvinceRank, countyB.PrefectureRank));
        Assert.Equal((2, 2), (countyA.ProvinceRank, countyA.PrefectureRank));
        Assert.Equal(2, a.Trend.Count);
        Assert.Null(a.Trend[0].Counties[AssessmentStore.A].Of(Indicator.RecurrenceRate)!.Value.Value); // the first round has nothing to recur from
        Assert.NotNull(countyA.TotalChange);
    }

    [SkippableFact]
    public async Task Drill_down_lists_exactly_the_cases_each_figure_counts_and_only_in_scope()
    {
        TestStores.Require(f.Available);
        var a = (await Service().BuildAsync(f.Current))!;
        async Task<long[]> Ids(UserScope scope, Indicator i, FigurePart part)
        {
            await using var db = f.Context(scope);
            var drill = await new AssessmentDrill(db).CasesAsync(a.Round, a.Previous?.Id, AssessmentStore.A, i, part, a.Today);
            Assert.Equal(drill.Count, drill.Cases.Count);
            return [.. drill.Cases.Select(c => c.Id)];
        }
        long[] Of(params string[] keys) => [.. keys.Select(k => f.Ids[k]).Order()];
        var county = UserScope.ForRegion(AssessmentStore.A);

        Assert.Equal(Of("a1", "a5"), await Ids(county, Indicator.Timeliness, FigurePart.Numerator));
        Assert.Equal(Of("a1", "a2", "a3", "a4", "a5", "a6"), await Ids(county, Indicator.Timeliness, FigurePart.Base));
        Assert.Equal(Of("a2", "a3"), await Ids(county, Indicator.DropoutOverdueShare, FigurePart.Numerator));
        Assert.Equal(Of("a4", "a6"), await Ids(county, Indicator.ReturnRate, FigurePart.Numerator));
        Assert.Equal(Of("a3", "a5"), await Ids(county, Indicator.RecurrenceRate, FigurePart.Numerator));
        Assert.Equal(Of("p1", "p2", "p4"), await Ids(county, Indicator.RecurrenceRate, FigurePart.Base));
        Assert.Equal(Of("a1", "a2", "a3"), await Ids(county, Indicator.DropoutRate, FigurePart.Numerator));
        // The figure and its list agree: the numerator's count is the indicator's numerator.
        Assert.Equal(a.County(AssessmentStore.A)!.Of(Indicator.ReturnRate)!.Value.Numerator, (await Ids(county, Indicator.ReturnRate, FigurePart.Numerator)).Length);
        // Another county's user sees none of them.
        Assert.Empty(await Ids(UserScope.ForRegion(AssessmentStore.B), Indicator.Timeliness, FigurePart.Base));
    }

    [SkippableFact]
    public async Task Key_counties_are_uploaded_whole_marked_and_ranked_among_themselves_and_the_export_is_audited()
    {
        TestStores.Require(f.Available);
        var settings = new AssessmentSettings(f.Store);
        string dir = Path.Combine(f.Store.DataDirectory, "uploads");
        Directory.CreateDirectory(dir);
        string good = Path.Combine(dir, "重点县.csv"), bad = Path.Combine(dir, "错误.csv");
        await File.WriteAllTextAsync(good, "县级代码,县\n430524,隆回县\n");
        await File.WriteAllTextAsync(bad, "县级代码\n430524\n999999\n");
        Assert.Equal([AssessmentStore.B], settings.ReplaceKeyCounties(good).ToList());
        var e = Assert.Throws<InputFileException>(() => settings.ReplaceKeyCounties(bad));
        Assert.Contains("第3行", e.Message, StringComparison.Ordinal);
        Assert.Equal([AssessmentStore.B], settings.KeyCounties().ToList()); // the bad file changed nothing

        var a = (await Service().BuildAsync(f.Current))!;
        var b = a.County(AssessmentStore.B)!;
        Assert.True(b.IsKey);
        Assert.Equal(1, b.KeyRank);
        Assert.False(a.County(AssessmentStore.A)!.IsKey);
        Assert.Equal([AssessmentStore.B], a.Result.KeyCounties.Select(c => c.County).ToList());

        await using var db = f.Context(UserScope.System);
        var actor = new Actor(1, "admin", Role.ProvinceAdmin, 430000, null);
        string path = Path.Combine(dir, AssessmentWorkbook.FileName);
        await new AssessmentWorkbook(new AuditLog(db, f.Clock)).WriteAsync(actor, a, a.Result.Counties, path);
        var rows = TestStores.ReadSheet(path);
        Assert.Equal(["430524", "430582"], rows.Take(2).Select(r => r["县级代码"]).ToList()); // by rank
        Assert.Equal("是", rows[0]["重点帮扶县"]);
        Assert.Equal(40, double.Parse(rows[1]["退回率（%）"], System.Globalization.CultureInfo.InvariantCulture), 6); // a number cell
        Assert.Equal(AssessmentWorkbook.SignatureLines, rows.Skip(2).Select(r => r["县级代码"]).Where(s => s.Length > 0).ToArray());
        Assert.Contains(db.Audit, x => x.Action == "导出" && x.Target == "考核评估表" && x.Detail.Contains("2 个县"));
        File.Delete(Path.Combine(f.Store.DataDirectory, AssessmentSettings.KeyCountiesFile));
    }
}

public sealed class SqliteAssessmentStoreTests(SqliteAssessmentStore f) : AssessmentStoreTests<SqliteAssessmentStore>(f), IClassFixture<SqliteAssessmentStore>;

public sealed class PostgresAssessmentStoreTests(PostgresAssessmentStore f) : AssessmentStoreTests<PostgresAssessmentStore>(f), IClassFixture<PostgresAssessmentStore>;
