using Bidui.Workflow.Access;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages.Users;

public sealed class IndexModel(UserAdmin admin) : AppPageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    /// <summary>None until the administrator chooses: no account gets a role by default.</summary>
    [BindProperty] public Role? Role { get; set; }
    [BindProperty] public int RegionCode { get; set; }
    [BindProperty] public string? SchoolCode { get; set; }
    [BindProperty] public string? Township { get; set; }
    [BindProperty] public string? Village { get; set; }
    [BindProperty] public string Password { get; set; } = "";
    public IReadOnlyList<User> Users { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>A county manages its own county's accounts only: the region is its own, not a choice.</summary>
    public bool CountyManager => Actor.Role != Bidui.Workflow.Store.Role.ProvinceAdmin;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!RoleInfo.ManagesUsers(Actor.Role)) return Forbid();
        Users = await admin.ListAsync(Actor, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        Act(() => admin.CreateAsync(Actor, new NewUser(UserName, DisplayName, Role, RegionCode, SchoolCode, Password, Township, Village), ct), "用户已创建。", ct);

    public Task<IActionResult> OnPostResetAsync(int id, string? password, bool active, CancellationToken ct) =>
        Act(() => admin.ResetAsync(Actor, id, password, active, ct), "已保存。", ct);

    private async Task<IActionResult> Act(Func<Task> action, string message, CancellationToken ct)
    {
        try
        {
            await action();
            TempData["Message"] = message;
            return RedirectInApp("/Users");
        }
        catch (WorkflowException ex)
        {
            Error = ex.Message;
            if (RoleInfo.ManagesUsers(Actor.Role)) Users = await admin.ListAsync(Actor, ct);
            return Page();
        }
    }
}
