using System.Threading.Channels;
using Bidui.Workflow.Rounds;
using Microsoft.Extensions.Hosting;

namespace Bidui.Web.Hosting;

/// <summary>Runs comparisons one at a time in the background, so pages return at once and show progress.</summary>
public sealed class RoundQueue(RoundRunner runner) : BackgroundService
{
    private readonly Channel<int> _queue = Channel.CreateUnbounded<int>();

    public void Enqueue(int roundId) => _queue.Writer.TryWrite(roundId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (int roundId in _queue.Reader.ReadAllAsync(stoppingToken))
            await runner.RunAsync(roundId, stoppingToken);
    }
}
