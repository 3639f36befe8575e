using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Tests;

/// <summary>Who downloads which output of a run, that only the run's own files can be named, that downloads are audited, and the input accounting.</summary>
public abstract class RoundOutputsTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    private async Task<(IReadOnlyList<RoundOutput> Outputs, Round Round)> ListAsync(Actor actor)
    {
        await using var db = f.Context(actor.Scope);
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == f.RoundId);
        return (await new RoundOutputs(db, new AuditLog(db, f.Clock), f.Store).ListAsync(actor, round), round);
    }

    [SkippableFact]
    public async Task The_province_gets_every_output_the_auditor_no_people_a_county_its_workbook_a_school_nothing()
    {
        TestStores.Require(f.Available);
        var (all, _) = await ListAsync(f.Admin);
        var kinds = all.Select(o => o.Kind).ToHashSet();
        Assert.Superset(new HashSet<OutputKind> { OutputKind.Report, OutputKind.SummaryWorkbook, OutputKind.Summary, OutputKind.Rejects, OutputKind.ListCsv, OutputKind.CountyWorkbook }, kinds);
        Assert.Contains(all, o => o.Name == "dropout_suspect.csv");
        Assert.Contains(all, o => o.Kind == OutputKind.CountyWorkbook && o.CountyCode == DemoRoundFixture.Shaodong && o.Name.StartsWith("按县分发/430582_", StringComparison.Ordinal));
        Assert.Equal(all.Count, all.Select(o => o.Name).Distinct().Count());
        string results = Path.Combine(f.Store.RoundDirectory(f.RoundId), "results");
        Assert.All(all, o => Assert.True(File.Exists(Path.Combine(results, o.Name)), o.Name));

        var (audited, _) = await ListAsync(f.Auditor);
        Assert.NotEmpty(audited);
        Assert.All(audited, o => Assert.False(o.HoldsPeople, o.Name));
        Assert.Equal(all.Count(o => !o.HoldsPeople), audited.Count);

        var (county, _) = await ListAsync(f.ShaodongEducation);
        var own = Assert.Single(county);
        Assert.Equal((OutputKind.CountyWorkbook, (int?)DemoRoundFixture.Shaodong), (own.Kind, own.CountyCode));
        var (rural, _) = await ListAsync(f.ShaodongRural);
        Assert.Equal(own.Name, Assert.Single(rural).Name);
        var (longhui, _) = await ListAsync(f.LonghuiEducation);
        Assert.All(longhui, o => Assert.Equal(DemoRoundFixture.Longhui, o.CountyCode));
        Assert.Empty((await ListAsync(f.School)).Outputs);
    }

    [SkippableFact]
    public async Task Only_names_the_run_produced_open_and_every_download_is_audited()
    {
        TestStores.Require(f.Available);
        await using var db = f.Context(f.Admin.Scope);
        var outputs = new RoundOutputs(db, new AuditLog(db, f.Clock), f.Store);
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == f.RoundId);
        // A file put beside the results is not an output; nor is anything reached by a relative or absolute path.
        string results = outputs.ResultsDirectory(f.RoundId);
        await File.WriteAllTextAsync(Path.Combine(results, "planted.csv"), "x");
        foreach (string name in new[] { "planted.csv", "../inputs/students.csv", "按县分发/../summary.json", "/etc/passwd", "../../../bidui.db", "按县分发", "", "SUMMARY.JSON" })
            Assert.Null(await outputs.OpenAsync(f.Admin, round, name));
        File.Delete(Path.Combine(results, "planted.csv"));
        int before = await db.Audit.CountAsync(a => a.Action == AuditActions.DownloadOutput);
        Assert.Equal(before, await db.Audit.CountAsync(a => a.Action == AuditActions.DownloadOutput));

        var report = await outputs.OpenAsync(f.Admin, round, "比对报告.html");
        Assert.NotNull(report);
        Assert.True(File.Exists(report.Value.Path));
        var county = (await outputs.ListAsync(f.Admin, round)).First(o => o.Kind == OutputKind.CountyWorkbook);
        Assert.NotNull(await outputs.OpenAsync(f.Admin, round, county.Name));
        var entries = await db.Audit.Where(a => a.Action == AuditActions.DownloadOutput && a.UserName == f.Admin.UserName).OrderByDescending(a => a.Id).Take(2).ToListAsync();
        Assert.Contains("含完整证件号码", entries[0].Detail, StringComparison.Ordinal);
        Assert.Contains("不含个人信息", entries[1].Detail, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.Equal(RoundRunner.RoundTarget(f.RoundId), e.Target));

        // A county cannot name another county's workbook, nor a province-wide list.
        await using var longhuiDb = f.Context(f.LonghuiEducation.Scope);
        var longhui = new RoundOutputs(longhuiDb, new AuditLog(longhuiDb, f.Clock), f.Store);
        string shaodongBook = (await outputs.ListAsync(f.Admin, round)).Single(o => o.Kind == OutputKind.CountyWorkbook && o.CountyCode == DemoRoundFixture.Shaodong).Name;
        Assert.Null(await longhui.OpenAsync(f.LonghuiEducation, round, shaodongBook));
        Assert.Null(await longhui.OpenAsync(f.LonghuiEducation, round, "dropout_suspect.csv"));
    }

    [SkippableFact]
    public async Task Input_accounting_adds_up_per_input_under_the_uploaded_names()
    {
        TestStores.Require(f.Available);
        await using var db = f.Context(f.Admin.Scope);
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == f.RoundId);
        var accounting = new RoundOutputs(db, new AuditLog(db, f.Clock), f.Store).Accounting(round);
        Assert.Equal(["学籍数据", "乡村振兴数据", "资助发放明细"], accounting.Select(a => a.Input));
        Assert.Equal([Path.GetFileName(f.Files.StudentsPath), Path.GetFileName(f.Files.PovertyPath), Path.GetFileName(f.Files.AidPath)], accounting.Select(a => a.FileName));
        Assert.All(accounting, a => Assert.Equal(a.Read, a.Blank + a.Rejected + a.Loaded));
        Assert.Equal(round.StudentsRows, (int)accounting[0].Loaded);
        Assert.Equal(round.PovertyRows, (int)accounting[1].Loaded);
    }
}

[Collection(SqliteStore.Name)]
public sealed class SqliteRoundOutputsTests(SqliteDemoRound f) : RoundOutputsTests<SqliteDemoRound>(f);

[Collection(PostgresStore.Name)]
public sealed class PostgresRoundOutputsTests(PostgresDemoRound f) : RoundOutputsTests<PostgresDemoRound>(f);
