using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Tests;

/// <summary>Evidence added without a submission, previewed, and deleted before submission (never after), on a real store.</summary>
public abstract class AttachmentTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private (BiduiDbContext Db, CaseWorkflow Workflow) Open(Actor actor)
    {
        var db = f.Context(actor.Scope);
        return (db, new CaseWorkflow(db, new AuditLog(db, f.Clock), f.Clock, f.Store));
    }

    /// <summary>
    /// The n-th school case of 邵东市 from the end, picked by position only (not by state), so that each test has its own case
    /// whatever the others did; the county education office reviews school cases and may answer them.
    /// </summary>
    private async Task<Case> OpenCaseAsync(int n)
    {
        await using var db = f.Context(UserScope.System);
        var c = await db.Cases.Where(c => c.RoundId == f.RoundId && c.CountyCode == DemoRoundFixture.Shaodong && c.Unit == Unit.School)
            .OrderByDescending(c => c.Id).Skip(n).FirstAsync();
        Assert.Equal(CaseState.Open, c.State);
        return c;
    }

    private async Task<Attachment> AddAsync(Actor actor, long caseId, string name = "照片.png")
    {
        var (db, workflow) = Open(actor);
        await using var _ = db;
        await using var s = new MemoryStream(Png);
        return await workflow.AddAttachmentAsync(actor, caseId, name, "image/png", s);
    }

    [SkippableFact]
    public async Task Evidence_is_added_without_submitting_and_deleted_before_submission_with_its_file()
    {
        TestStores.Require(f.Available);
        var c = await OpenCaseAsync(0);
        var added = await AddAsync(f.ShaodongEducation, c.Id);
        string stored = Path.Combine(f.Store.AttachmentsDirectory, added.StoredName);
        Assert.True(File.Exists(stored));
        await using (var check = f.Context(UserScope.System))
            Assert.Equal(CaseState.Open, (await check.Cases.SingleAsync(x => x.Id == c.Id)).State);

        // Another county's office does not even find the case; the rural office of the county is not the unit.
        var (otherDb, other) = Open(f.LonghuiEducation);
        await using (otherDb)
            await Assert.ThrowsAsync<WorkflowException>(() => other.DeleteAttachmentAsync(f.LonghuiEducation, c.Id, added.Id));
        var (ruralDb, rural) = Open(f.ShaodongRural);
        await using (ruralDb)
            Assert.Contains("上传者", (await Assert.ThrowsAsync<WorkflowException>(() => rural.DeleteAttachmentAsync(f.ShaodongRural, c.Id, added.Id))).Message, StringComparison.Ordinal);

        var (db, workflow) = Open(f.ShaodongEducation);
        await using (db)
        {
            int version = (await db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id)).Version;
            await Assert.ThrowsAsync<CaseConflictException>(() => workflow.DeleteAttachmentAsync(f.ShaodongEducation, c.Id, added.Id, version - 1));
            await workflow.DeleteAttachmentAsync(f.ShaodongEducation, c.Id, added.Id, version);
        }
        Assert.False(File.Exists(stored));
        await using (var check = f.Context(UserScope.System))
        {
            Assert.False(await check.Attachments.AnyAsync(a => a.Id == added.Id));
            Assert.True(await check.CaseEvents.AnyAsync(e => e.CaseId == c.Id && e.Action == AuditActions.DeleteAttachment && e.Note == "照片.png"));
            Assert.True(await check.Audit.AnyAsync(a => a.Action == AuditActions.DeleteAttachment && a.Target == CaseWorkflow.CaseTarget(c.Id) && a.UserName == f.ShaodongEducation.UserName));
        }
    }

    [SkippableFact]
    public async Task Submitted_evidence_stays_and_a_closed_case_takes_no_more()
    {
        TestStores.Require(f.Available);
        var c = await OpenCaseAsync(1);
        var before = await AddAsync(f.ShaodongEducation, c.Id, "在读证明.png");
        var (db, workflow) = Open(f.ShaodongEducation);
        await using var _ = db;
        await workflow.SubmitAsync(f.ShaodongEducation, c.Id, Bidui.Matching.Categories.VerificationResults.For(c.Category)[0], "学校未反馈，县资助中心核实");
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => workflow.DeleteAttachmentAsync(f.ShaodongEducation, c.Id, before.Id));
        Assert.Contains("待审核", refused.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(f.Store.AttachmentsDirectory, before.StoredName)));

        // The reviewer may add evidence while the case waits for review; after approval nobody may.
        await AddAsync(f.ShaodongEducation, c.Id, "复核记录.png");
        db.ChangeTracker.Clear();
        await workflow.ApproveAsync(f.ShaodongEducation, c.Id, null);
        await using var s = new MemoryStream(Png);
        Assert.Contains("已办结", (await Assert.ThrowsAsync<WorkflowException>(() => workflow.AddAttachmentAsync(f.ShaodongEducation, c.Id, "晚了.png", "image/png", s))).Message, StringComparison.Ordinal);
        Assert.Equal(2, await db.Attachments.CountAsync(a => a.CaseId == c.Id));
    }

    [SkippableFact]
    public async Task Preview_and_download_are_audited_apart_and_only_photos_and_pdf_preview()
    {
        TestStores.Require(f.Available);
        var c = await OpenCaseAsync(2);
        var added = await AddAsync(f.ShaodongEducation, c.Id, "现场.png");
        var (db, workflow) = Open(f.ShaodongEducation);
        await using var _ = db;
        Assert.NotNull(await workflow.OpenAttachmentAsync(f.ShaodongEducation, added.Id, preview: true));
        Assert.NotNull(await workflow.OpenAttachmentAsync(f.ShaodongEducation, added.Id));
        var actions = await db.Audit.Where(a => a.Target == CaseWorkflow.CaseTarget(c.Id) && a.Detail == "现场.png").Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditActions.PreviewAttachment, actions);
        Assert.Contains(AuditActions.DownloadAttachment, actions);
        var (longhuiDb, longhui) = Open(f.LonghuiEducation);
        await using (longhuiDb)
            Assert.Null(await longhui.OpenAttachmentAsync(f.LonghuiEducation, added.Id, preview: true));

        var policy = AttachmentPolicy.Default;
        Assert.Equal(("application/pdf", "image/jpeg", "image/png"), (policy.PreviewType("a.PDF"), policy.PreviewType("b.jpeg"), policy.PreviewType("c.png")));
        Assert.All(new[] { "a.docx", "b.txt", "c.html", "d.svg", "e.xlsx", "f" }, name => Assert.Null(policy.PreviewType(name)));
        Assert.Null((policy with { Extensions = [".png"] }).PreviewType("a.pdf"));
    }
}

[Collection(SqliteStore.Name)]
public sealed class SqliteAttachmentTests(SqliteDemoRound f) : AttachmentTests<SqliteDemoRound>(f);

[Collection(PostgresStore.Name)]
public sealed class PostgresAttachmentTests(PostgresDemoRound f) : AttachmentTests<PostgresDemoRound>(f);
