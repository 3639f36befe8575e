using Bidui.Workflow.Audit;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Access;

/// <summary>
/// Sessions are checked against the account on every request: a session is valid while the account
/// is active and its security stamp is the one the session was issued with. Anything that must end
/// the account's sessions draws a new stamp.
/// </summary>
public sealed class UserSessions(BiduiDbContext db, AuditLog audit)
{
    /// <summary>True when the account exists, is active and still has this stamp.</summary>
    public Task<bool> IsCurrentAsync(int userId, string? stamp, CancellationToken ct = default) =>
        string.IsNullOrEmpty(stamp)
            ? Task.FromResult(false)
            : db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.Active && u.SecurityStamp == stamp, ct);

    /// <summary>退出: ends every session of the account, not only the browser's cookie.</summary>
    public async Task SignOutEverywhereAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        string stamp = User.NewStamp();
        await db.Users.Where(u => u.Id == actor.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), ct);
        await audit.WriteAsync(actor.UserName, "退出", "用户 " + actor.UserName, "结束该账户的全部会话", ct);
    }
}
