using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;

namespace Bidui.Workflow.Tests;

/// <summary>Accounts on a real store: who may create them, with which role for which region, and passwords.</summary>
public abstract class UserAdminTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    private const string Strong = "Qm7#vR2x!pLc", Strong2 = "Hz4$kW9n@tBe", Strong3 = "Yd8&cJ3s*fNa";

    private (UserAdmin Admin, SignInService SignIn) Services(Bidui.Workflow.Store.BiduiDbContext db)
    {
        var audit = new AuditLog(db, f.Clock);
        var throttle = new SignInThrottle(f.Clock);
        return (new UserAdmin(db, audit, throttle), new SignInService(db, audit, throttle));
    }

    [SkippableFact]
    public async Task Province_creates_accounts_inside_its_province_only_and_they_can_sign_in()
    {
        TestStores.Require(f.Available);
        await using var db = f.Context(UserScope.System);
        var (admin, signIn) = Services(db);

        await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.ShaodongEducation, new("x1", "x", Role.CountyEducation, DemoRoundFixture.Shaodong, null, Strong)));
        await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, new("x2", "x", Role.CountyEducation, 440103, null, Strong)));
        await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, new("x3", "x", Role.CountyEducation, 430500, null, Strong)));
        await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, new("x4", "x", Role.SchoolAid, DemoRoundFixture.Longhui, f.School.SchoolCode, Strong)));

        var created = await admin.CreateAsync(f.Admin, new("lh.xc", "隆回县乡村振兴局", Role.CountyRural, DemoRoundFixture.Longhui, null, Strong));
        Assert.Equal(SignInOutcome.Success, (await signIn.SignInAsync("lh.xc", Strong, "10.1.0.1")).Outcome);
        Assert.Contains(await admin.ListAsync(f.Admin), u => u.Id == created.Id);

        // The province resets the password; the user changes their own; a deactivated account cannot sign in.
        await admin.ResetAsync(f.Admin, created.Id, Strong2, active: true);
        Assert.Equal(SignInOutcome.Success, (await signIn.SignInAsync("lh.xc", Strong2, "10.1.0.1")).Outcome);
        await Assert.ThrowsAsync<WorkflowException>(() => admin.ChangeOwnPasswordAsync(Actor.Of(created), "not-it", Strong3));
        await admin.ChangeOwnPasswordAsync(Actor.Of(created), Strong2, Strong3);
        Assert.Equal(SignInOutcome.Success, (await signIn.SignInAsync("lh.xc", Strong3, "10.1.0.1")).Outcome);
        await admin.ResetAsync(f.Admin, created.Id, null, active: false);
        Assert.Equal(SignInOutcome.Wrong, (await signIn.SignInAsync("lh.xc", Strong3, "10.1.0.1")).Outcome);
    }

    [SkippableFact]
    public async Task A_role_must_fit_its_region_and_none_is_given_by_default()
    {
        TestStores.Require(f.Available);
        await using var db = f.Context(UserScope.System);
        var (admin, _) = Services(db);
        var noRole = await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, new("r0", "x", null, DemoRoundFixture.Longhui, null, Strong)));
        Assert.Equal("请选择角色。", noRole.Message);
        // A province administrator or auditor on a county would read the whole province's audit log.
        await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, new("r1", "x", Role.ProvinceAdmin, DemoRoundFixture.Longhui, null, Strong)));
        await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, new("r2", "x", Role.Auditor, 430500, null, Strong)));
        await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, new("r3", "x", Role.CountyRural, 430000, null, Strong)));
        var auditor = await admin.CreateAsync(f.Admin, new("r4", "省审计二", Role.Auditor, 430000, null, Strong));
        Assert.Equal((Role.Auditor, 430000), (auditor.Role, auditor.RegionCode));
    }

    [SkippableFact]
    public async Task Passwords_must_be_long_uncommon_and_not_the_old_one()
    {
        TestStores.Require(f.Available);
        await using var db = f.Context(UserScope.System);
        var (admin, _) = Services(db);
        foreach (string weak in new[] { "short1!", "11111111", "1111111111", "1234567890", "password123", "qwertyuiop", "abcdefghij", "Password1234", "pw.test2026", "bidui20262026" })
            await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, new("pw.test", "测试", Role.CountyEducation, DemoRoundFixture.Shaodong, null, weak)));
        var user = await admin.CreateAsync(f.Admin, new("pw.test", "测试", Role.CountyEducation, DemoRoundFixture.Shaodong, null, Strong));
        var same = await Assert.ThrowsAsync<WorkflowException>(() => admin.ChangeOwnPasswordAsync(Actor.Of(user), Strong, Strong));
        Assert.Contains("不能与当前密码相同", same.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<WorkflowException>(() => admin.ResetAsync(f.Admin, user.Id, Strong, active: true));
        await Assert.ThrowsAsync<WorkflowException>(() => admin.ChangeOwnPasswordAsync(Actor.Of(user), Strong, "11111111"));
        await admin.ChangeOwnPasswordAsync(Actor.Of(user), Strong, Strong2);
    }
}

[Collection(SqliteStore.Name)]
public sealed class SqliteUserAdminTests(SqliteDemoRound f) : UserAdminTests<SqliteDemoRound>(f);

[Collection(PostgresStore.Name)]
public sealed class PostgresUserAdminTests(PostgresDemoRound f) : UserAdminTests<PostgresDemoRound>(f);
