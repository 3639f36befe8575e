using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Access;

public sealed record NewUser(string UserName, string DisplayName, Role Role, int RegionCode, string? SchoolCode, string Password);

/// <summary>Accounts: the province administrator manages those inside the province; everyone changes their own password.</summary>
public sealed class UserAdmin(BiduiDbContext db, AuditLog audit)
{
    public const int MinPasswordLength = 8;

    public async Task<List<User>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        Require(actor);
        var (min, max) = UserScope.RegionRange(actor.RegionCode);
        return await db.Users.AsNoTracking().Where(u => u.RegionCode >= min && u.RegionCode <= max).OrderBy(u => u.RegionCode).ThenBy(u => u.UserName).ToListAsync(ct);
    }

    public async Task<User> CreateAsync(Actor actor, NewUser spec, CancellationToken ct = default)
    {
        Require(actor);
        ArgumentNullException.ThrowIfNull(spec);
        string name = spec.UserName.Trim();
        if (name.Length == 0) throw new WorkflowException("请填写用户名。");
        if (await db.Users.AnyAsync(u => u.UserName == name, ct)) throw new WorkflowException($"用户名“{name}”已存在。");
        if (!actor.Scope.Contains(spec.RegionCode) || !await db.Regions.AnyAsync(r => r.Code == spec.RegionCode, ct))
            throw new WorkflowException("所属地区须为您辖区内的地区。");
        bool countyRole = spec.Role is Role.CountyEducation or Role.CountyRural or Role.SchoolAid;
        if (countyRole && spec.RegionCode % 100 == 0) throw new WorkflowException("县级和学校角色的所属地区须为县级单位。");
        string? school = string.IsNullOrWhiteSpace(spec.SchoolCode) ? null : spec.SchoolCode.Trim();
        if (spec.Role == Role.SchoolAid && (school is null || !await db.Schools.AnyAsync(s => s.Code == school && s.CountyCode == spec.RegionCode, ct)))
            throw new WorkflowException("学校资助专干须指定本县的学校标识码。");
        CheckPassword(spec.Password);
        var user = new User
        {
            UserName = name, DisplayName = spec.DisplayName.Trim(), Role = spec.Role, RegionCode = spec.RegionCode,
            SchoolCode = spec.Role == Role.SchoolAid ? school : null, PasswordHash = PasswordHashing.Hash(spec.Password),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(actor.UserName, "创建用户", "用户 " + name, $"{RoleInfo.ChineseName(spec.Role)}；地区 {spec.RegionCode}", ct);
        return user;
    }

    /// <summary>Sets a new password, clears a lockout and (re)activates or deactivates the account.</summary>
    public async Task ResetAsync(Actor actor, int userId, string? newPassword, bool active, CancellationToken ct = default)
    {
        Require(actor);
        var (min, max) = UserScope.RegionRange(actor.RegionCode);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.RegionCode >= min && u.RegionCode <= max, ct)
            ?? throw new WorkflowException("用户不存在或不在您的辖区内。");
        if (!string.IsNullOrEmpty(newPassword))
        {
            CheckPassword(newPassword);
            user.PasswordHash = PasswordHashing.Hash(newPassword);
        }
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        user.Active = active;
        // A reset password or a deactivation ends every open session of the account.
        if (!active || !string.IsNullOrEmpty(newPassword)) user.SecurityStamp = User.NewStamp();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(actor.UserName, "修改用户", "用户 " + user.UserName, (string.IsNullOrEmpty(newPassword) ? "" : "重置密码；") + (active ? "启用" : "停用"), ct);
    }

    /// <summary>Changes the user's password and ends their other sessions; returns the account (with its new stamp) to re-issue this session.</summary>
    public async Task<User> ChangeOwnPasswordAsync(Actor actor, string current, string next, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId, ct);
        if (!PasswordHashing.Verify(current ?? "", user.PasswordHash)) throw new WorkflowException("当前密码不正确。");
        CheckPassword(next);
        user.PasswordHash = PasswordHashing.Hash(next);
        user.SecurityStamp = User.NewStamp();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(actor.UserName, "修改密码", "用户 " + user.UserName, "", ct);
        return user;
    }

    private static void CheckPassword(string? password)
    {
        if (password is null || password.Length < MinPasswordLength) throw new WorkflowException($"密码至少 {MinPasswordLength} 位。");
    }

    private static void Require(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role != Role.ProvinceAdmin) throw new WorkflowException("只有省级管理员可以管理用户。");
    }
}
