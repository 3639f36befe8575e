using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Store;

namespace Bidui.Workflow.Tests;

/// <summary>The account decides whether a session lives: sign-out, deactivation and password changes end them all.</summary>
public abstract class SessionStampTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    [SkippableFact]
    public async Task Sign_out_deactivation_and_password_changes_end_the_accounts_sessions()
    {
        TestStores.Require(f.Available);
        await using var db = f.Context(UserScope.System);
        var audit = new AuditLog(db, f.Clock);
        var admin = new UserAdmin(db, audit);
        var sessions = new UserSessions(db, audit);
        var user = await admin.CreateAsync(f.Admin, new("stamp.test", "测试", Role.CountyEducation, DemoRoundFixture.Shaodong, null, "Vk5%gT8q!mRz"));
        string Stamp() { using var read = f.Context(UserScope.System); return read.Users.Single(u => u.Id == user.Id).SecurityStamp; }

        string first = Stamp();
        Assert.True(await sessions.IsCurrentAsync(user.Id, first));
        Assert.False(await sessions.IsCurrentAsync(user.Id, null));
        Assert.False(await sessions.IsCurrentAsync(user.Id, "0123"));

        await sessions.SignOutEverywhereAsync(Actor.Of(user));
        Assert.False(await sessions.IsCurrentAsync(user.Id, first));
        string second = Stamp();
        Assert.True(await sessions.IsCurrentAsync(user.Id, second));

        var changed = await admin.ChangeOwnPasswordAsync(Actor.Of(user), "Vk5%gT8q!mRz", "Jw3@nF6y#hDs");
        Assert.False(await sessions.IsCurrentAsync(user.Id, second));
        Assert.True(await sessions.IsCurrentAsync(user.Id, changed.SecurityStamp));

        await admin.ResetAsync(f.Admin, user.Id, null, active: false);
        Assert.False(await sessions.IsCurrentAsync(user.Id, Stamp()));
    }
}

[Collection(SqliteStore.Name)]
public sealed class SqliteSessionStampTests(SqliteDemoRound f) : SessionStampTests<SqliteDemoRound>(f);

[Collection(PostgresStore.Name)]
public sealed class PostgresSessionStampTests(PostgresDemoRound f) : SessionStampTests<PostgresDemoRound>(f);
