using Bidui.Core.Dates;
using Bidui.Synthetic;
using Bidui.Workflow;
using Bidui.Workflow.Access;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Web.Demo;

/// <summary>
/// `serve --demo` on an empty store: the demo province's regions, one user per role, and one
/// finished round compared from the synthetic small province (邵阳市: 邵东市, 隆回县, 新邵县), with its
/// eligibility registers, aid catalogue and key counties.
/// </summary>
public static class DemoSeeder
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<BiduiDbContext>();
        var store = services.GetRequiredService<StoreOptions>();
        var clock = services.GetRequiredService<TimeProvider>();
        db.SetScope(UserScope.System);

        db.Regions.AddRange(RegionSeeder.WithAncestors(Bidui.Core.Regions.RegionTable.Default.CountiesInUse(43).Select(r => r.Code)));
        var users = DemoAccounts.Users.Select(u => new User
        {
            UserName = u.UserName, DisplayName = u.DisplayName, Role = u.Role, RegionCode = u.RegionCode, PasswordHash = PasswordHashing.Hash(DemoAccounts.Password),
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync(ct);

        var admin = Actor.Of(users.Single(u => u.Role == Role.ProvinceAdmin));
        var files = GenerateInputs(Path.Combine(store.DataDirectory, "demo-inputs"), clock);
        var rounds = services.GetRequiredService<RoundService>();
        var today = clock.Today();
        var round = await rounds.CreateAsync(admin, new NewRound("2026年秋季学期比对（演示）", "2026-2027", "秋季学期",
            ReferenceDates.Default(today), today.AddDays(30)), ct);
        foreach (var (kind, path) in new[] { (RoundFiles.Students, files.StudentsPath), (RoundFiles.Poverty, files.PovertyPath), (RoundFiles.Aid, files.AidPath) })
        {
            await using var stream = File.OpenRead(path);
            await rounds.SaveInputAsync(admin, round.Id, kind, Path.GetFileName(path), stream, ct);
        }
        foreach (var (label, path) in files.Registers)
        {
            await using var stream = File.OpenRead(path);
            await rounds.SaveRegisterAsync(admin, round.Id, label, Path.GetFileName(path), stream, ct);
        }
        foreach (var (kind, path) in new[] { (RoundFiles.AidProjects, files.AidProjectsPath), (RoundFiles.KeyCounties, files.KeyCountiesPath) })
        {
            await using var stream = File.OpenRead(path);
            await rounds.SaveInputAsync(admin, round.Id, kind, Path.GetFileName(path), stream, ct);
        }
        await rounds.StartAsync(admin, round.Id, ct);
        var runner = services.GetRequiredService<RoundRunner>();
        await runner.RunAsync(round.Id, ct);
        // The demo's administrator accepts the proposed coverage, as a real one would after checking it
        // (in a scope of its own, as a request would be: this one's context still holds the round as it was).
        await using (var confirm = services.CreateAsyncScope())
        {
            var confirming = confirm.ServiceProvider.GetRequiredService<RoundService>();
            confirm.ServiceProvider.GetRequiredService<BiduiDbContext>().SetScope(UserScope.System);
            if (await confirming.FindAsync(round.Id, ct) is { State: not RoundState.AwaitingConfirmation } failed)
                throw new InvalidOperationException("The demo round failed: " + failed.LastError);
            var coverage = await confirming.CoverageAsync(round.Id, ct);
            await confirming.ConfirmAsync(admin, round.Id, [.. coverage.Counties.Where(c => c.Covered).Select(c => c.CountyCode)], acceptShortInputs: false, ct);
        }
        await runner.ImportAsync(round.Id, ct);

        // The school officer belongs to the 邵东市 school with the most cases, so the demo shows a full list.
        var school = await db.Cases.Where(c => c.RoundId == round.Id && c.CountyCode == DemoAccounts.Shaodong && c.Unit == Unit.School)
            .GroupBy(c => c.SchoolCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync(ct);
        var schoolUser = users.Single(u => u.Role == Role.SchoolAid);
        schoolUser.SchoolCode = school;
        schoolUser.DisplayName = (await db.Schools.Where(s => s.Code == school).Select(s => s.Name).SingleAsync(ct)) + "资助专干";
        // The township and village with the most dropout cases in 邵东市 (home visits: dispatched by the county).
        var place = await db.Cases.Where(c => c.RoundId == round.Id && c.CountyCode == DemoAccounts.Shaodong && c.Category == "dropout_suspect" && c.Village != null)
            .GroupBy(c => new { c.Township, c.Village }).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Township).ThenBy(g => g.Key.Village)
            .Select(g => g.Key).FirstAsync(ct);
        var townshipUser = users.Single(u => u.Role == Role.Township);
        (townshipUser.Township, townshipUser.DisplayName) = (place.Township, place.Township + "人民政府");
        var villageUser = users.Single(u => u.Role == Role.Village);
        (villageUser.Township, villageUser.Village, villageUser.DisplayName) = (place.Township, place.Village, place.Township + place.Village + "村委会");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The small synthetic province; tests reuse it.</summary>
    public static DemoFiles GenerateInputs(string directory, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var today = clock.Today();
        return DemoGenerator.Generate(directory, new DemoOptions(DemoSize.Small, 1, ReferenceDates.Default(today), today));
    }
}
