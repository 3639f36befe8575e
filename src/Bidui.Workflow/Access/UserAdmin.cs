using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Access;

/// <summary>A new account; <see cref="Role"/> is null until the administrator chooses one (nothing is granted by default).</summary>
public sealed record NewUser(string UserName, string DisplayName, Role? Role, int RegionCode, string? SchoolCode, string Password,
    string? Township = null, string? Village = null);

/// <summary>
/// Accounts: the province administrator manages those inside the province; the county education office manages its
/// own county's township (乡镇) and village (村) accounts, the units it dispatches home visits to; everyone changes
/// their own password.
/// </summary>
public sealed class UserAdmin(BiduiDbContext db, AuditLog audit, SignInThrottle? throttle = null)
{
    public async Task<List<User>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        Require(actor);
        return await Managed(actor).AsNoTracking().OrderBy(u => u.RegionCode).ThenBy(u => u.Role).ThenBy(u => u.UserName).ToListAsync(ct);
    }

    /// <summary>The accounts this manager may see and change.</summary>
    private IQueryable<User> Managed(Actor actor)
    {
        if (actor.Role == Role.ProvinceAdmin)
        {
            var (min, max) = UserScope.RegionRange(actor.RegionCode);
            return db.Users.Where(u => u.RegionCode >= min && u.RegionCode <= max);
        }
        int county = actor.RegionCode;
        return db.Users.Where(u => u.RegionCode == county && (u.Role == Role.Township || u.Role == Role.Village));
    }

    public async Task<User> CreateAsync(Actor actor, NewUser spec, CancellationToken ct = default)
    {
        Require(actor);
        ArgumentNullException.ThrowIfNull(spec);
        string name = spec.UserName.Trim();
        if (name.Length == 0) throw new WorkflowException("请填写用户名。");
        if (await db.Users.AnyAsync(u => u.UserName == name, ct)) throw new WorkflowException($"用户名“{name}”已存在。");
        if (spec.Role is not { } role || !Enum.IsDefined(role)) throw new WorkflowException("请选择角色。");
        if (!RoleInfo.RolesManagedBy(actor.Role).Contains(role))
            throw new WorkflowException($"{RoleInfo.ChineseName(actor.Role)}只能创建{string.Join("、", RoleInfo.RolesManagedBy(actor.Role).Select(RoleInfo.ChineseName))}账户。");
        if (actor.Role != Role.ProvinceAdmin && spec.RegionCode != actor.RegionCode) throw new WorkflowException("所属地区须为本县。");
        if (!actor.Scope.Contains(spec.RegionCode) || !await db.Regions.AnyAsync(r => r.Code == spec.RegionCode, ct))
            throw new WorkflowException("所属地区须为您辖区内的地区。");
        // The role's reach is its region's: a province role on a county would read the whole province (audit log included).
        bool countyRole = RoleInfo.IsCountyLevel(role);
        if (countyRole && spec.RegionCode % 100 == 0) throw new WorkflowException("县级、学校、乡镇和村角色的所属地区须为县级单位。");
        if (!countyRole && spec.RegionCode % 10000 != 0) throw new WorkflowException($"{RoleInfo.ChineseName(role)}的所属地区须为省级单位（代码以 0000 结尾）。");
        string? school = string.IsNullOrWhiteSpace(spec.SchoolCode) ? null : spec.SchoolCode.Trim();
        if (spec.Role == Role.SchoolAid && (school is null || !await db.Schools.AnyAsync(s => s.Code == school && s.CountyCode == spec.RegionCode, ct)))
            throw new WorkflowException("学校资助专干须指定本县的学校标识码。");
        var (township, village) = await TownshipOfAsync(role, spec, ct);
        CheckPassword(spec.Password, name, spec.DisplayName, null);
        var user = new User
        {
            UserName = name, DisplayName = spec.DisplayName.Trim(), Role = role, RegionCode = spec.RegionCode,
            SchoolCode = role == Role.SchoolAid ? school : null, Township = township, Village = village, PasswordHash = PasswordHashing.Hash(spec.Password),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(actor.UserName, "创建用户", "用户 " + name, $"{RoleInfo.ChineseName(role)}；地区 {spec.RegionCode}" + (township is null ? "" : $"；{township}{village}"), ct);
        return user;
    }

    /// <summary>
    /// A township account names its 乡镇, a village account its 乡镇 and 村, as the poverty register writes them
    /// (the cases are matched by these names). Once the county has cases with townships, the names must be among
    /// them: a misspelt township would see nothing, silently.
    /// </summary>
    private async Task<(string? Township, string? Village)> TownshipOfAsync(Role role, NewUser spec, CancellationToken ct)
    {
        if (!RoleInfo.IsTownshipLevel(role)) return (null, null);
        string township = (spec.Township ?? "").Trim(), village = (spec.Village ?? "").Trim();
        if (township.Length == 0 || township.Length > 100) throw new WorkflowException($"{RoleInfo.ChineseName(role)}账户须填写所属乡镇（与脱贫人口名单的“乡镇”一致）。");
        if (role == Role.Village && (village.Length == 0 || village.Length > 100)) throw new WorkflowException("村账户须填写所属村（与脱贫人口名单的“村”一致）。");
        var known = await db.Cases.IgnoreQueryFilters().Where(c => c.CountyCode == spec.RegionCode && c.Township != null)
            .Select(c => c.Township!).Distinct().OrderBy(t => t).Take(1000).ToListAsync(ct);
        if (known.Count > 0 && !known.Contains(township))
            throw new WorkflowException($"本县核查任务中没有乡镇“{township}”。已有：{string.Join("、", known.Take(20))}{(known.Count > 20 ? " 等" : "")}。");
        if (role == Role.Village && known.Count > 0)
        {
            var villages = await db.Cases.IgnoreQueryFilters().Where(c => c.CountyCode == spec.RegionCode && c.Township == township && c.Village != null)
                .Select(c => c.Village!).Distinct().OrderBy(v => v).Take(1000).ToListAsync(ct);
            if (villages.Count > 0 && !villages.Contains(village))
                throw new WorkflowException($"{township}的核查任务中没有村“{village}”。已有：{string.Join("、", villages.Take(20))}{(villages.Count > 20 ? " 等" : "")}。");
        }
        return (township, role == Role.Village ? village : null);
    }

    /// <summary>Sets a new password, lifts the sign-in throttle on the name and (re)activates or deactivates the account.</summary>
    public async Task ResetAsync(Actor actor, int userId, string? newPassword, bool active, CancellationToken ct = default)
    {
        Require(actor);
        var user = await Managed(actor).SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new WorkflowException("用户不存在或不在您的辖区内。");
        if (!string.IsNullOrEmpty(newPassword))
        {
            CheckPassword(newPassword, user.UserName, user.DisplayName, user.PasswordHash);
            user.PasswordHash = PasswordHashing.Hash(newPassword);
        }
        throttle?.Release(user.UserName);
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
        CheckPassword(next, user.UserName, user.DisplayName, user.PasswordHash);
        user.PasswordHash = PasswordHashing.Hash(next);
        user.SecurityStamp = User.NewStamp();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(actor.UserName, "修改密码", "用户 " + user.UserName, "", ct);
        return user;
    }

    private static void CheckPassword(string? password, string userName, string? displayName, string? currentHash)
    {
        if (PasswordPolicy.Refusal(password, userName, displayName, currentHash) is { } refusal) throw new WorkflowException(refusal);
    }

    private static void Require(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!RoleInfo.ManagesUsers(actor.Role)) throw new WorkflowException("只有省级管理员和县级教育部门可以管理用户。");
    }
}
