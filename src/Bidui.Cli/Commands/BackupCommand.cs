using System.ComponentModel;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bidui.Cli.Commands;

/// <summary>`bidui backup`: the web workflow's store and data folder, copied while the server runs (docs/WORKFLOW.md).</summary>
internal sealed class BackupCommand : Command<BackupCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--out <DIR>"), Description("备份目录（新目录或空目录）")]
        public string Out { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Out.Length == 0) throw new UsageException("请用 --out 指定备份目录（新目录或空目录）。");
        var manifest = StoreSettings.Guard(() => StoreBackup.BackupAsync(settings.Store(), Path.GetFullPath(settings.Out), cancellationToken).GetAwaiter().GetResult());
        AnsiConsole.MarkupLine(Markup.Escape($"备份完成：{Path.GetFullPath(settings.Out)}（用户 {manifest.Users} 个，批次 {manifest.Rounds} 个，核查任务 {manifest.Cases:N0} 条，审计记录 {manifest.AuditEntries:N0} 条，文件 {manifest.Files:N0} 个）"));
        return ExitCodes.Done;
    }
}

/// <summary>`bidui restore`: a backup into an empty data folder and an empty store, checked against its counts.</summary>
internal sealed class RestoreCommand : Command<RestoreCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--from <DIR>"), Description("由 bidui backup 生成的备份目录")]
        public string From { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.From.Length == 0) throw new UsageException("请用 --from 指定备份目录。");
        var manifest = StoreSettings.Guard(() => StoreBackup.RestoreAsync(Path.GetFullPath(settings.From), settings.Store(), cancellationToken).GetAwaiter().GetResult());
        AnsiConsole.MarkupLine(Markup.Escape($"恢复完成并已核对：用户 {manifest.Users} 个，批次 {manifest.Rounds} 个，核查任务 {manifest.Cases:N0} 条，审计记录 {manifest.AuditEntries:N0} 条，文件 {manifest.Files:N0} 个。"));
        return ExitCodes.Done;
    }
}

/// <summary>The store a command works on, named as `bidui serve` names it.</summary>
internal class StoreSettings : CommandSettings
{
    [CommandOption("--data <DIR>"), Description("数据目录（与 bidui serve 的 --data 相同，默认 ./bidui-data）")]
    public string Data { get; init; } = "bidui-data";

    [CommandOption("--postgres <CONNSTRING>"), Description("PostgreSQL 连接字符串；也可由环境变量 BIDUI_POSTGRES 给出")]
    public string? Postgres { get; init; }

    public StoreOptions Store()
    {
        string data = Path.GetFullPath(Data);
        string? postgres = Postgres is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable("BIDUI_POSTGRES");
        return postgres is { Length: > 0 } pg ? StoreOptions.Postgres(pg, data) : StoreOptions.Sqlite(data);
    }

    /// <summary>A refusal of the store (not empty, not a backup, pg_dump missing) is told as it is.</summary>
    public static T Guard<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (WorkflowException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
