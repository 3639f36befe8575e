using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Feedback;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Tests;

/// <summary>Submit, review, return, reveal and bulk feedback on a real store, with their audit entries.</summary>
public abstract class CaseLifecycleTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    private (BiduiDbContext Db, CaseWorkflow Workflow) Open(Actor actor)
    {
        var db = f.Context(actor.Scope);
        return (db, new CaseWorkflow(db, new AuditLog(db, f.Clock), f.Clock, f.Store));
    }

    private async Task<Case> FirstOpenAsync(string category, int skip = 0)
    {
        await using var db = f.Context(UserScope.System);
        return await db.Cases.Where(c => c.RoundId == f.RoundId && c.CountyCode == DemoRoundFixture.Shaodong && c.Category == category && c.State == CaseState.Open)
            .OrderBy(c => c.Id).Skip(skip).FirstAsync();
    }

    [SkippableFact]
    public async Task Dropout_case_is_submitted_returned_resubmitted_and_approved()
    {
        TestStores.Require(f.Available);
        var c = await FirstOpenAsync("dropout_suspect");
        var (db, workflow) = Open(f.ShaodongEducation);
        await using var _ = db;

        await Assert.ThrowsAsync<WorkflowException>(() => workflow.SubmitAsync(f.ShaodongEducation, c.Id, "不在清单里的结果", null));
        await Assert.ThrowsAsync<WorkflowException>(() => workflow.SubmitAsync(f.ShaodongEducation, c.Id, "其他", " "));
        var (ruralDb, rural) = Open(f.ShaodongRural);
        await using (ruralDb)
            await Assert.ThrowsAsync<WorkflowException>(() => rural.SubmitAsync(f.ShaodongRural, c.Id, "死亡", null));

        await workflow.SubmitAsync(f.ShaodongEducation, c.Id, "省外就读无学籍", "在广东东莞就读");
        await workflow.ReturnAsync(f.ShaodongEducation, c.Id, "请附在读证明");
        await using (var attachment = new MemoryStream("%PDF-1.4 在读证明"u8.ToArray()))
            await workflow.AddAttachmentAsync(f.ShaodongEducation, c.Id, "在读证明.pdf", "application/pdf", attachment);
        await workflow.SubmitAsync(f.ShaodongEducation, c.Id, "省外就读无学籍", "已附在读证明");
        var closed = await workflow.ApproveAsync(f.ShaodongEducation, c.Id, null);

        Assert.Equal(CaseState.Closed, closed.State);
        Assert.NotNull(closed.ClosedAt);
        await using var check = f.Context(UserScope.System);
        var events = await check.CaseEvents.Where(e => e.CaseId == c.Id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["提交核查结果", "退回", "上传附件", "提交核查结果", "审核通过"], events);
        var stored = await check.Attachments.SingleAsync(a => a.CaseId == c.Id);
        Assert.Equal("%PDF-1.4 在读证明", await File.ReadAllTextAsync(Path.Combine(f.Store.AttachmentsDirectory, stored.StoredName)));
        var audit = await check.Audit.Where(a => a.Target == CaseWorkflow.CaseTarget(c.Id)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["提交核查结果", "退回", "上传附件", "提交核查结果", "审核通过"], audit);
    }

    [SkippableFact]
    public async Task Revealing_a_number_is_audited_without_the_number_and_auditors_may_not()
    {
        TestStores.Require(f.Available);
        var c = await FirstOpenAsync("dropout_suspect", skip: 1);
        var (db, workflow) = Open(f.ShaodongEducation);
        await using var _ = db;
        Assert.Equal(c.IdNumber, await workflow.RevealIdAsync(f.ShaodongEducation, c.Id));
        var (auditDb, asAuditor) = Open(f.Auditor);
        await using (auditDb)
            await Assert.ThrowsAsync<WorkflowException>(() => asAuditor.RevealIdAsync(f.Auditor, c.Id));

        await using var check = f.Context(UserScope.System);
        var entry = await check.Audit.SingleAsync(a => a.Action == "显示完整证件号" && a.Target == CaseWorkflow.CaseTarget(c.Id));
        Assert.Equal(f.ShaodongEducation.UserName, entry.UserName);
        Assert.True(c.IdNumber.Length > 0);
        Assert.False(await check.Audit.AnyAsync(a => a.Detail.Contains(c.IdNumber) || a.Target.Contains(c.IdNumber)), "no audit entry holds an ID number");
    }

    [SkippableFact]
    public async Task Workbook_with_a_bad_row_applies_nothing_unless_asked_to_apply_the_valid_rows()
    {
        TestStores.Require(f.Available);
        var first = await FirstOpenAsync("status_mismatch");
        var second = await FirstOpenAsync("status_mismatch", skip: 1);
        await using var db = f.Context(f.ShaodongRural.Scope);
        var audit = new AuditLog(db, f.Clock);
        var workbook = new FeedbackWorkbook(db, new CaseQueries(db, f.Clock), new CaseWorkflow(db, audit, f.Clock, f.Store), audit);

        // The template holds the rural office's open cases, masked.
        var template = Path.Combine(f.Store.DataDirectory, Guid.NewGuid().ToString("N") + ".xlsx");
        await workbook.WriteTemplateAsync(f.ShaodongRural, f.RoundId, template);
        var rows = TestStores.ReadSheet(template, Bidui.Workflow.Cases.CategoryNames.Chinese("status_mismatch"));
        Assert.Contains(rows, r => r["任务编号"] == first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(rows, r => r["证件号码"] == first.IdNumber && first.IdNumber.Length > 0);

        var path = Path.Combine(f.Store.DataDirectory, Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(path, $"标题行\n任务编号,核查结果,核查说明\n{first.Id},已更正在校生状况,已改为初中\n{second.Id},乱写的结果,\nabc,其他,x\n");
        var refused = await workbook.UploadAsync(f.ShaodongRural, f.RoundId, path, applyValidRows: false);
        Assert.False(refused.AppliedAny);
        Assert.Equal((3, 1), (refused.Rows, refused.Valid));
        Assert.Equal([4, 5], refused.Errors.Select(r => r.RowNumber));
        await using (var check = f.Context(UserScope.System))
            Assert.Equal(CaseState.Open, (await check.Cases.SingleAsync(c => c.Id == first.Id)).State);

        var partly = await workbook.UploadAsync(f.ShaodongRural, f.RoundId, path, applyValidRows: true);
        Assert.Equal(1, partly.Applied);
        await using (var check = f.Context(UserScope.System))
        {
            var done = await check.Cases.SingleAsync(c => c.Id == first.Id);
            Assert.Equal((CaseState.Submitted, "已更正在校生状况", "已改为初中"), (done.State, done.Result, done.Note));
            Assert.Equal(CaseState.Open, (await check.Cases.SingleAsync(c => c.Id == second.Id)).State);
        }
    }

    [SkippableFact]
    public async Task Province_reassigns_a_case_to_another_county_which_then_owns_it()
    {
        TestStores.Require(f.Available);
        var c = await FirstOpenAsync("aid_ineligible");
        var (countyDb, county) = Open(f.ShaodongEducation);
        await using (countyDb)
            await Assert.ThrowsAsync<WorkflowException>(() => county.ReassignAsync(f.ShaodongEducation, c.Id, DemoRoundFixture.Longhui, null));

        var (db, workflow) = Open(f.Admin);
        await using (db)
        {
            await Assert.ThrowsAsync<WorkflowException>(() => workflow.ReassignAsync(f.Admin, c.Id, 440103, null));
            var moved = await workflow.ReassignAsync(f.Admin, c.Id, DemoRoundFixture.Longhui, "学校实际在隆回");
            Assert.Equal((DemoRoundFixture.Longhui, Unit.Education, (string?)null), (moved.CountyCode, moved.Unit, moved.SchoolCode));
            Assert.Contains("隆回县", moved.CountyName, StringComparison.Ordinal);
        }
        await using (var shaodong = f.Context(f.ShaodongEducation.Scope))
            Assert.Null(await new CaseQueries(shaodong, f.Clock).FindAsync(c.Id));
        await using (var longhui = f.Context(f.LonghuiEducation.Scope))
        {
            var found = await new CaseQueries(longhui, f.Clock).FindAsync(c.Id);
            Assert.NotNull(found);
            Assert.Equal("改派", Assert.Single(found.Events).Action);
        }
    }

    [SkippableFact]
    public async Task Attachments_are_checked_by_type_first_bytes_and_size()
    {
        TestStores.Require(f.Available);
        var c = await FirstOpenAsync("dropout_suspect", skip: 3);
        await using var db = f.Context(f.ShaodongEducation.Scope);
        var workflow = new CaseWorkflow(db, new AuditLog(db, f.Clock), f.Clock, f.Store, AttachmentPolicy.Default with { MaxBytes = 1024 });
        int before = Directory.Exists(f.Store.AttachmentsDirectory) ? Directory.GetFiles(f.Store.AttachmentsDirectory).Length : 0;
        async Task<string> Refused(string name, byte[] bytes)
        {
            await using var s = new MemoryStream(bytes);
            return (await Assert.ThrowsAsync<WorkflowException>(() => workflow.AddAttachmentAsync(f.ShaodongEducation, c.Id, name, "application/octet-stream", s))).Message;
        }
        Assert.Contains("类型不允许", await Refused("证明.exe", "MZ\x90\0"u8.ToArray()), StringComparison.Ordinal);
        Assert.Contains("内容与扩展名 .pdf 不符", await Refused("证明.pdf", "MZ\x90\0 program"u8.ToArray()), StringComparison.Ordinal);
        Assert.Contains("超过", await Refused("扫描件.jpg", [0xFF, 0xD8, 0xFF, .. new byte[2000]]), StringComparison.Ordinal);
        await using (var png = new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]))
            await workflow.AddAttachmentAsync(f.ShaodongEducation, c.Id, "照片.PNG", "image/png", png);
        await using var check = f.Context(UserScope.System);
        Assert.Equal("照片.PNG", (await check.Attachments.SingleAsync(a => a.CaseId == c.Id)).FileName);
        // Refused files leave nothing behind.
        Assert.Equal(before + 1, Directory.GetFiles(f.Store.AttachmentsDirectory).Length);
    }

    [SkippableFact]
    public async Task Audit_log_refuses_updates_and_deletes_in_the_store()
    {
        TestStores.Require(f.Available);
        await using var db = f.Context(UserScope.System);
        await new AuditLog(db, f.Clock).WriteAsync("tester", "测试", "审计", "追加");
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_log SET \"Detail\" = 'changed'"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log"));
        Assert.True(await db.Audit.AnyAsync(a => a.UserName == "tester"));
    }
}

[Collection(SqliteStore.Name)]
public sealed class SqliteCaseLifecycleTests(SqliteDemoRound f) : CaseLifecycleTests<SqliteDemoRound>(f);

[Collection(PostgresStore.Name)]
public sealed class PostgresCaseLifecycleTests(PostgresDemoRound f) : CaseLifecycleTests<PostgresDemoRound>(f);
