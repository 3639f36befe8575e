using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Store;
using Microsoft.Extensions.Time.Testing;

namespace Bidui.Workflow.Tests;

/// <summary>
/// Guessing is slowed per name and address with backoff, strangers cannot lock anyone out, and an
/// unknown name gets exactly the answers a known one gets.
/// </summary>
public abstract class SignInThrottleTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    private const string Right = "Ts6!pQ9w#vXe";

    private async Task<(SignInService SignIn, FakeTimeProvider Clock, BiduiDbContext Db, string Name)> SetUpAsync()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var db = f.Context(UserScope.System);
        var user = new User { UserName = "th" + Guid.NewGuid().ToString("N")[..8], DisplayName = "x", Role = Role.CountyEducation, RegionCode = DemoRoundFixture.Longhui, PasswordHash = PasswordHashing.Hash(Right) };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return (new SignInService(db, new AuditLog(db, clock), new SignInThrottle(clock)), clock, db, user.UserName);
    }

    [SkippableFact]
    public async Task A_stranger_guessing_slows_only_himself_and_never_locks_the_owner_out()
    {
        TestStores.Require(f.Available);
        var (signIn, clock, db, name) = await SetUpAsync();
        await using var _ = db;
        for (int i = 1; i < SignInThrottle.FreeFailuresPerAccount; i++)
            Assert.Equal(SignInOutcome.Wrong, (await signIn.SignInAsync(name, "guess" + i, "203.0.113.7")).Outcome);
        Assert.Equal(SignInOutcome.Wrong, (await signIn.SignInAsync(name, "guess-last", "203.0.113.7")).Outcome);
        // Blocked at the stranger's address, even with the right password (it is not even checked)…
        var blocked = await signIn.SignInAsync(name, Right, "203.0.113.7");
        Assert.Equal(SignInOutcome.Throttled, blocked.Outcome);
        Assert.Equal(SignInThrottle.FirstBlock, blocked.BlockedUntil!.Value - clock.GetUtcNow().UtcDateTime);
        // …while the owner, in the office, signs in as usual.
        Assert.Equal(SignInOutcome.Success, (await signIn.SignInAsync(name, Right, "10.20.30.40")).Outcome);

        // Backoff: after the block, each further failure doubles the wait.
        clock.Advance(SignInThrottle.FirstBlock + TimeSpan.FromSeconds(1));
        Assert.Equal(SignInOutcome.Wrong, (await signIn.SignInAsync(name, "again", "203.0.113.7")).Outcome);
        var longer = await signIn.SignInAsync(name, "again", "203.0.113.7");
        Assert.Equal(SignInOutcome.Throttled, longer.Outcome);
        Assert.Equal(2 * SignInThrottle.FirstBlock, longer.BlockedUntil!.Value - clock.GetUtcNow().UtcDateTime);
    }

    [SkippableFact]
    public async Task Unknown_names_are_answered_like_known_ones()
    {
        TestStores.Require(f.Available);
        var (signIn, _, db, name) = await SetUpAsync();
        await using var _ = db;
        var known = new List<SignInOutcome>();
        var unknown = new List<SignInOutcome>();
        for (int i = 0; i < SignInThrottle.FreeFailuresPerAccount + 2; i++)
        {
            known.Add((await signIn.SignInAsync(name, "wrong" + i, "198.51.100.1")).Outcome);
            unknown.Add((await signIn.SignInAsync("no-such-" + name, "wrong" + i, "198.51.100.2")).Outcome);
        }
        Assert.Equal(known, unknown);
        Assert.Contains(SignInOutcome.Throttled, known);
    }

    [SkippableFact]
    public async Task An_address_trying_many_names_is_slowed_for_every_name()
    {
        TestStores.Require(f.Available);
        var (signIn, _, db, name) = await SetUpAsync();
        await using var _ = db;
        for (int i = 0; i < SignInThrottle.FreeFailuresPerAddress; i++)
            await signIn.SignInAsync("probe" + i, "123456", "192.0.2.99");
        Assert.Equal(SignInOutcome.Throttled, (await signIn.SignInAsync(name, Right, "192.0.2.99")).Outcome);
        Assert.Equal(SignInOutcome.Success, (await signIn.SignInAsync(name, Right, "192.0.2.100")).Outcome);
    }
}

[Collection(SqliteStore.Name)]
public sealed class SqliteSignInThrottleTests(SqliteDemoRound f) : SignInThrottleTests<SqliteDemoRound>(f);

[Collection(PostgresStore.Name)]
public sealed class PostgresSignInThrottleTests(PostgresDemoRound f) : SignInThrottleTests<PostgresDemoRound>(f);
