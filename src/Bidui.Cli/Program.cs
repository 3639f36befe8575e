using Bidui.Cli;
using Bidui.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
// Each command's settings type, for the Chinese check of the command line before Spectre parses it.
var commands = new Dictionary<string, Type>(StringComparer.Ordinal);
app.Configure(config =>
{
    void Add<TCommand>(string name, string description) where TCommand : class, ICommand
    {
        config.AddCommand<TCommand>(name).WithDescription(description);
        commands[name] = ArgumentErrors.SettingsOf(typeof(TCommand));
    }

    config.SetApplicationName("bidui");
    config.Settings.Culture = new System.Globalization.CultureInfo("zh-Hans"); // Spectre's help text in Chinese (it ships zh-Hans)
    config.SetApplicationVersion(Terminal.Version);
    config.PropagateExceptions();
    config.UseStrictParsing();
    Add<CompareCommand>("compare", "比对学籍、乡村振兴和资助数据，生成各类核查清单");
    Add<ModelCommand>("model", "根据一对数据文件估计概率匹配模型，保存模型并生成模型报告");
    Add<DemoCommand>("demo", "生成模拟数据（含已知结果）并运行比对");
    Add<PublishCommand>("publish", "由比对结果生成可公开的数据包（分县、分市统计数字，小数字隐藏，防推算）");
    Add<ServeCommand>("serve", "启动网页核查系统：比对批次、任务分发、核查反馈、统计看板");
    Add<BackupCommand>("backup", "备份网页核查系统的数据库和数据目录（服务运行时也可备份）");
    Add<RestoreCommand>("restore", "把备份恢复到空的数据目录和空的数据库，并核对数量");
});
return ExitCodes.Run(() =>
{
    Terminal.Configure();
    ArgumentErrors.Check(args, commands);
    return app.Run(args);
});
