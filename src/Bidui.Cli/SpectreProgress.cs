using Bidui.Pipeline;
using Spectre.Console;

namespace Bidui.Cli;

/// <summary>Shows the job's steps as Spectre progress bars; steps of unknown size count rows instead.</summary>
internal sealed class SpectreProgress(ProgressContext context) : IJobProgress
{
    public IProgressStep Start(string description, long? total = null)
    {
        var task = context.AddTask(Markup.Escape(description), maxValue: total ?? 1);
        task.IsIndeterminate = total is null;
        return new Step(task, description, total is null);
    }

    private sealed class Step(ProgressTask task, string description, bool counting) : IProgressStep
    {
        public void Report(long done)
        {
            if (counting)
                task.Description = Markup.Escape($"{description}：{done:N0} 行");
            else
                task.Value = done;
        }

        public void Dispose()
        {
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }

    public static T Run<T>(Func<IJobProgress, T> job) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx => job(new SpectreProgress(ctx)));
}
