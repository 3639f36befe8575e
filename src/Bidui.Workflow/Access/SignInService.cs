using Bidui.Workflow.Audit;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Access;

public enum SignInOutcome
{
    Success,
    /// <summary>Unknown name, deactivated account or wrong password: one answer for all three.</summary>
    Wrong,
    /// <summary>Too many failures of this name from this address, or from this address: wait until <see cref="SignInResult.BlockedUntil"/>.</summary>
    Throttled,
}

public sealed record SignInResult(SignInOutcome Outcome, User? User, DateTime? BlockedUntil = null);

/// <summary>
/// Checks a password. Failures are throttled per name and address with backoff (<see cref="SignInThrottle"/>);
/// no account is ever locked by someone else's guesses, and an unknown name is answered, timed and
/// throttled exactly like a known one.
/// </summary>
public sealed class SignInService(BiduiDbContext db, AuditLog audit, SignInThrottle throttle)
{
    /// <summary>A hash to verify against when the name is unknown, so that the answer takes as long.</summary>
    private static readonly string Decoy = PasswordHashing.Hash(Guid.NewGuid().ToString());

    public async Task<SignInResult> SignInAsync(string userName, string password, string address, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(address);
        if (throttle.BlockedUntil(userName, address) is { } until)
        {
            await audit.WriteAsync(userName, "登录失败", "用户", $"尝试过多，暂停登录；地址 {address}", ct);
            return new SignInResult(SignInOutcome.Throttled, null, until);
        }
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, ct);
        bool right = PasswordHashing.Verify(password ?? "", user?.PasswordHash ?? Decoy);
        if (user is null || !user.Active || !right)
        {
            throttle.Failed(userName, address);
            await audit.WriteAsync(userName, "登录失败", "用户", (user is null ? "用户名不存在" : !user.Active ? "账户已停用" : "密码错误") + $"；地址 {address}", ct);
            return new SignInResult(SignInOutcome.Wrong, null);
        }
        throttle.Succeeded(userName, address);
        await audit.WriteAsync(userName, "登录", "用户", RoleInfo.ChineseName(user.Role) + $"；地址 {address}", ct);
        return new SignInResult(SignInOutcome.Success, user);
    }
}
