using System.Diagnostics;
using Bidui.Pipeline;
using Spectre.Console;

namespace Bidui.Cli;

/// <summary>Shows the job's steps as Spectre progress bars on a terminal; steps of unknown size count rows instead.</summary>
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

    /// <summary>Runs the job with live progress on a terminal, or one plain line per finished step otherwise.</summary>
    public static T Run<T>(Func<IJobProgress, T> job) =>
        Terminal.Interactive
            ? AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                    new ElapsedTimeColumn(), new SpinnerColumn())
                .Start(ctx => job(new SpectreProgress(ctx)))
            : job(new PlainProgress());
}

/// <summary>Progress for a log or a pipe: a line when a step ends, with its time (the row counts are in the summary).</summary>
internal sealed class PlainProgress : IJobProgress
{
    private static readonly Lock Output = new();

    public IProgressStep Start(string description, long? total = null) => new Step(description);

    private sealed class Step(string description) : IProgressStep
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public void Report(long done)
        {
        }

        public void Dispose()
        {
            lock (Output)
                Console.Out.WriteLine($"完成：{description}（{_clock.Elapsed.TotalSeconds:F1} 秒）");
        }
    }
}
