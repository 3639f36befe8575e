using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;

namespace Bidui.Workflow.Tests;

/// <summary>Accounts on a real store: who may create them, inside which regions, and passwords.</summary>
public abstract class UserAdminTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    [SkippableFact]
    public async Task Province_creates_accounts_inside_its_province_only_and_they_can_sign_in()
    {
        TestStores.Require(f.Available);
        await using var db = f.Context(UserScope.System);
        var audit = new AuditLog(db, f.Clock);
        var admin = new UserAdmin(db, audit);

        await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.ShaodongEducation, new("x1", "x", Role.CountyEducation, DemoRoundFixture.Shaodong, null, "long-enough")));
        await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, new("x2", "x", Role.CountyEducation, 440103, null, "long-enough")));
        await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, new("x3", "x", Role.CountyEducation, 430500, null, "long-enough")));
        await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, new("x4", "x", Role.SchoolAid, DemoRoundFixture.Longhui, f.School.SchoolCode, "long-enough")));
        await Assert.ThrowsAsync<WorkflowException>(() => admin.CreateAsync(f.Admin, new("x5", "x", Role.CountyRural, DemoRoundFixture.Longhui, null, "short")));

        var created = await admin.CreateAsync(f.Admin, new("lh.xc", "隆回县乡村振兴局", Role.CountyRural, DemoRoundFixture.Longhui, null, "long-enough"));
        var signIn = new SignInService(db, audit, f.Clock);
        Assert.Equal(SignInOutcome.Success, (await signIn.SignInAsync("lh.xc", "long-enough")).Outcome);
        Assert.Contains(await admin.ListAsync(f.Admin), u => u.Id == created.Id);

        // Locked out, then reset by the province with a new password.
        for (int i = 0; i < SignInService.MaxFailures; i++) await signIn.SignInAsync("lh.xc", "wrong-password");
        Assert.Equal(SignInOutcome.LockedOut, (await signIn.SignInAsync("lh.xc", "long-enough")).Outcome);
        await admin.ResetAsync(f.Admin, created.Id, "another-password", active: true);
        Assert.Equal(SignInOutcome.Success, (await signIn.SignInAsync("lh.xc", "another-password")).Outcome);

        // The user changes their own password; a deactivated account cannot sign in.
        await Assert.ThrowsAsync<WorkflowException>(() => admin.ChangeOwnPasswordAsync(Actor.Of(created), "not-it", "third-password"));
        await admin.ChangeOwnPasswordAsync(Actor.Of(created), "another-password", "third-password");
        Assert.Equal(SignInOutcome.Success, (await signIn.SignInAsync("lh.xc", "third-password")).Outcome);
        await admin.ResetAsync(f.Admin, created.Id, null, active: false);
        Assert.Equal(SignInOutcome.Wrong, (await signIn.SignInAsync("lh.xc", "third-password")).Outcome);
    }
}

[Collection(SqliteStore.Name)]
public sealed class SqliteUserAdminTests(SqliteDemoRound f) : UserAdminTests<SqliteDemoRound>(f);

[Collection(PostgresStore.Name)]
public sealed class PostgresUserAdminTests(PostgresDemoRound f) : UserAdminTests<PostgresDemoRound>(f);
