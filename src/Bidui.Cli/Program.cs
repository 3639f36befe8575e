using Bidui.Cli;
using Bidui.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("bidui");
    config.PropagateExceptions();
    config.UseStrictParsing();
    config.AddCommand<CompareCommand>("compare").WithDescription("比对学籍、乡村振兴和资助数据，生成各类核查清单");
    config.AddCommand<ModelCommand>("model").WithDescription("根据一对数据文件估计概率匹配模型，保存模型并生成模型报告");
    config.AddCommand<DemoCommand>("demo").WithDescription("生成模拟数据（含已知结果）并运行比对");
    config.AddCommand<PublishCommand>("publish").WithDescription("由比对结果生成可公开的数据包（分县、分市统计数字，小数字隐藏，防推算）");
    config.AddCommand<ServeCommand>("serve").WithDescription("启动网页核查系统：比对批次、任务分发、核查反馈、统计看板");
});
return ExitCodes.Run(() => app.Run(args));
