namespace Bidui.Pipeline.Tests;

public sealed class HandoffTests
{
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Items_pass_between_threads_in_order_and_the_queue_never_holds_more_than_its_capacity()
    {
        var handoff = new Handoff<int>(3);
        int maxSeen = 0;
        var producer = Task.Run(() =>
        {
            for (int i = 0; i < 10_000; i++)
                handoff.Add(i);
            handoff.CompleteAdding();
        });
        var received = new List<int>();
        foreach (var item in handoff.GetConsumingEnumerable())
        {
            received.Add(item);
            maxSeen = Math.Max(maxSeen, handoff.Count);
        }
        await producer;

        Assert.Equal(Enumerable.Range(0, 10_000), received);
        Assert.InRange(maxSeen, 0, 3);
        Assert.False(handoff.TryTake(out _));
    }

    [Fact]
    public async Task A_full_queue_waits_for_a_taker_and_a_cancelled_wait_throws()
    {
        var handoff = new Handoff<string>(1);
        handoff.Add("a");
        using var stop = new CancellationTokenSource();
        var blocked = Task.Run(() => handoff.Add("b", stop.Token));
        Assert.NotSame(blocked, await Task.WhenAny(blocked, Task.Delay(Moment))); // no room until "a" is taken

        await stop.CancelAsync();
        await Assert.ThrowsAsync<OperationCanceledException>(() => blocked.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("a", handoff.Take());
    }

    [Fact]
    public async Task An_empty_queue_waits_until_an_item_comes_or_adding_is_complete()
    {
        var handoff = new Handoff<int>(2);
        var taker = Task.Run(() => handoff.TryTake(out int item) ? item : -1);
        Assert.NotSame(taker, await Task.WhenAny(taker, Task.Delay(Moment)));
        handoff.Add(7);
        Assert.Equal(7, await taker.WaitAsync(TimeSpan.FromSeconds(5)));

        var last = Task.Run(() => handoff.TryTake(out _));
        handoff.CompleteAdding();
        Assert.False(await last.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Throws<InvalidOperationException>(() => handoff.Add(8));
    }
}
