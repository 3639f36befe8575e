using System.ComponentModel;
using Bidui.Web;
using Bidui.Web.Hosting;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Builder;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bidui.Cli.Commands;

/// <summary>`bidui serve`: the web workflow (rounds, cases, feedback, dashboards) on SQLite or PostgreSQL.</summary>
internal sealed class ServeCommand : Command<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data <DIR>"), Description("数据目录：SQLite 数据库、上传文件、附件（默认 ./bidui-data）")]
        public string Data { get; init; } = "bidui-data";

        [CommandOption("--urls <URL>"), Description("监听地址（默认 http://127.0.0.1:5080）")]
        public string Urls { get; init; } = "http://127.0.0.1:5080";

        [CommandOption("--demo"), Description("数据库为空时写入演示省份、每个角色一个用户和一个已完成的比对批次")]
        public bool Demo { get; init; }

        [CommandOption("--postgres <CONNSTRING>"), Description("使用 PostgreSQL（连接字符串），不用内置 SQLite；也可由环境变量 BIDUI_POSTGRES 给出，密码不出现在进程列表中")]
        public string? Postgres { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string data = Path.GetFullPath(settings.Data);
        // A service's connection string (with its password) belongs in its environment file, not in its command line.
        string? postgres = settings.Postgres is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable("BIDUI_POSTGRES");
        var store = postgres is { Length: > 0 } pg ? StoreOptions.Postgres(pg, data) : StoreOptions.Sqlite(data);
        if (settings.Demo) AnsiConsole.MarkupLine("正在准备演示数据（生成模拟数据并完成一次比对）…");
        var app = BiduiWebApp.BuildAsync(new WebOptions(store, settings.Urls) { Demo = settings.Demo }, cancellationToken).GetAwaiter().GetResult();
        AnsiConsole.MarkupLine($"比对核查系统已启动：[green]{Markup.Escape(settings.Urls)}[/]（数据：{Markup.Escape(store.Provider == StoreProvider.Postgres ? "PostgreSQL" : data)}；按 Ctrl+C 停止）");
        app.RunAsync().GetAwaiter().GetResult();
        return ExitCodes.Done;
    }
}
