using System.Security.Cryptography;
using Bidui.Web.Demo;
using Bidui.Workflow.Access;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Web.Hosting;

/// <summary>Before the first request: schema up to date, interrupted runs reopened, someone able to sign in.</summary>
internal static class StartupTasks
{
    public static async Task RunAsync(IServiceProvider services, WebOptions options, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BiduiDbContext>();
        db.SetScope(UserScope.System);
        await SchemaMigrator.MigrateAsync(db, options.Store.Provider, ct);
        DataFolder.RestrictStoreFiles(options.Store.DataDirectory);

        await RoundRecovery.RunAsync(options.Store, services.GetRequiredService<RoundRunner>(), services.GetRequiredService<TimeProvider>(), ct);

        if (await db.Users.AnyAsync(ct)) return;
        if (options.Demo)
        {
            await DemoSeeder.SeedAsync(scope.ServiceProvider, ct);
            return;
        }
        string password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
        db.Users.Add(new User
        {
            UserName = "admin", DisplayName = "省级管理员", PasswordHash = PasswordHashing.Hash(password), Role = Role.ProvinceAdmin,
            RegionCode = 430000,
        });
        await db.SaveChangesAsync(ct);
        (options.Console ?? Console.Out).WriteLine($"首次启动：已创建省级管理员 admin，初始密码 {password}（请妥善保管）");
    }
}
