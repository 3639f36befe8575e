using Bidui.Web.Hosting;
using Bidui.Workflow.Rounds;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bidui.Web.Tests;

/// <summary>
/// While an import runs, requests go through a few at a time and none is refused, but a page's assets do not wait;
/// before and after it, nothing waits. The import keeps a core of its own.
/// </summary>
public sealed class ImportPriorityTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(8, 7)]
    public void The_import_keeps_a_core(int cores, int turns) => Assert.Equal(turns, ImportPriority.TurnsFor(cores));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task During_an_import_requests_take_turns_and_all_are_served(int turns)
    {
        var board = new RoundProgressBoard();
        using var priority = new ImportPriority(board, turns);
        var services = new ServiceCollection().AddSingleton(priority).BuildServiceProvider();
        int running = 0, most = 0, served = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task Page(HttpContext _)
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await release.Task;
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref served);
        }

        Task Request() => ImportPriority.InvokeAsync(new DefaultHttpContext { RequestServices = services }, Page);

        int users = turns + 5;
        // No import: every request runs at once.
        var free = Enumerable.Range(0, users).Select(_ => Request()).ToList();
        await WaitUntil(() => Volatile.Read(ref running) == users);
        release.SetResult();
        await Task.WhenAll(free);
        Assert.Equal(users, most);

        // During an import: so many at a time, the rest wait and are then served.
        release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        most = 0;
        served = 0;
        var importing = board.BeginImport();
        var waiting = Enumerable.Range(0, users).Select(_ => Request()).ToList();
        await WaitUntil(() => Volatile.Read(ref running) == turns);
        await Task.Delay(200);
        Assert.Equal(turns, Volatile.Read(ref running));
        release.SetResult();
        await Task.WhenAll(waiting);
        Assert.Equal(users, served);
        Assert.Equal(turns, most);

        // Meanwhile a page's scripts and styles do not queue behind the pages.
        release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        most = 0;
        var assets = Enumerable.Range(0, users).Select(_ => ImportPriority.InvokeAsync(
            new DefaultHttpContext { RequestServices = services, Request = { Path = "/assets/site.css" } }, Page)).ToList();
        await WaitUntil(() => Volatile.Read(ref running) == users);
        release.SetResult();
        await Task.WhenAll(assets);
        Assert.Equal(users, most);

        // After it: nothing waits again.
        importing.Dispose();
        Assert.False(board.Importing);
        release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        most = 0;
        var after = Enumerable.Range(0, users).Select(_ => Request()).ToList();
        await WaitUntil(() => Volatile.Read(ref running) == users);
        release.SetResult();
        await Task.WhenAll(after);
        Assert.Equal(users, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }
}
