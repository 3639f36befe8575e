using Bidui.Workflow.Audit;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Access;

public enum SignInOutcome
{
    Success,
    Wrong,
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, User? User, DateTime? LockedUntil = null);

/// <summary>Checks a password; after <see cref="MaxFailures"/> wrong ones in a row the account is locked for a while.</summary>
public sealed class SignInService(BiduiDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null || !user.Active)
        {
            // Same cost as a real check, so timing does not tell which names exist.
            PasswordHashing.Verify(password, PasswordHashing.Hash("x"));
            await audit.WriteAsync(userName, "登录失败", "用户", "用户名不存在或已停用", ct);
            return new SignInResult(SignInOutcome.Wrong, null);
        }
        if (user.LockedUntil is { } until && until > now)
        {
            await audit.WriteAsync(userName, "登录失败", "用户", "账户已锁定", ct);
            return new SignInResult(SignInOutcome.LockedOut, null, until);
        }
        if (!PasswordHashing.Verify(password, user.PasswordHash))
        {
            user.FailedSignIns++;
            string detail = "密码错误";
            if (user.FailedSignIns >= MaxFailures)
            {
                user.LockedUntil = now + LockoutTime;
                user.FailedSignIns = 0;
                detail = "密码错误，账户锁定";
            }
            await db.SaveChangesAsync(ct);
            await audit.WriteAsync(userName, "登录失败", "用户", detail, ct);
            return user.LockedUntil > now ? new SignInResult(SignInOutcome.LockedOut, null, user.LockedUntil) : new SignInResult(SignInOutcome.Wrong, null);
        }
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(userName, "登录", "用户", RoleInfo.ChineseName(user.Role), ct);
        return new SignInResult(SignInOutcome.Success, user);
    }
}
