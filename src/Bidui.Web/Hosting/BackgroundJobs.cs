using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace Bidui.Web.Hosting;

/// <summary>The queues of background work: comparisons and imports one at a time, and lighter jobs (bulk feedback) beside them.</summary>
public enum JobQueue
{
    Rounds,
    Feedback,
}

/// <summary>
/// Runs background work so that pages return at once and show progress. Each job gets its own DI
/// scope; whatever a job throws is logged and the queue goes on: a failure in background work
/// never takes the server down (jobs also record their own failures where users see them).
/// </summary>
public sealed class BackgroundJobs(IServiceScopeFactory scopes, ILogger<BackgroundJobs> log) : BackgroundService
{
    private readonly Dictionary<JobQueue, Channel<(string Name, Func<IServiceProvider, CancellationToken, Task> Work)>> _queues =
        Enum.GetValues<JobQueue>().ToDictionary(q => q, _ => Channel.CreateUnbounded<(string, Func<IServiceProvider, CancellationToken, Task>)>());

    public void Enqueue(JobQueue queue, string name, Func<IServiceProvider, CancellationToken, Task> work) =>
        _queues[queue].Writer.TryWrite((name, work));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_queues.Values.Select(q => DrainAsync(q.Reader, stoppingToken)));

    private async Task DrainAsync(ChannelReader<(string Name, Func<IServiceProvider, CancellationToken, Task> Work)> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (name, work) in reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await work(scope.ServiceProvider, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // The server outlives any job.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    log.LogError(ex, "Background job {Job} failed", name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
