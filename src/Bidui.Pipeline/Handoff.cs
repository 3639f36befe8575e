namespace Bidui.Pipeline;

/// <summary>
/// A bounded queue between threads that waits without spinning. <see cref="System.Collections.Concurrent.BlockingCollection{T}"/>
/// spins before it blocks; with two cores and four busy threads (two readers, two engines' feeders) the
/// spinning waiter takes the core from the very thread it waits for (a profile at province scale showed
/// ≈ 1 s of the reader's CPU in SemaphoreSlim's spin).
/// </summary>
internal sealed class Handoff<T>(int capacity)
{
    private readonly Queue<T> _items = new(capacity);
    private bool _completed;

    /// <summary>Items waiting to be taken.</summary>
    public int Count
    {
        get
        {
            lock (_items)
                return _items.Count;
        }
    }

    /// <summary>Adds <paramref name="item"/>, waiting while the queue is full.</summary>
    public void Add(T item, CancellationToken stop = default)
    {
        lock (_items)
        {
            if (_completed)
                throw new InvalidOperationException("The handoff was completed.");
            while (_items.Count >= capacity)
                Wait(stop);
            _items.Enqueue(item);
            Monitor.PulseAll(_items);
        }
    }

    /// <summary>Takes the next item, waiting while the queue is empty; false once it is empty and completed.</summary>
    public bool TryTake(out T item, CancellationToken stop = default)
    {
        lock (_items)
        {
            while (_items.Count == 0)
            {
                if (_completed)
                {
                    item = default!;
                    return false;
                }
                Wait(stop);
            }
            item = _items.Dequeue();
            Monitor.PulseAll(_items);
            return true;
        }
    }

    public T Take(CancellationToken stop = default) =>
        TryTake(out var item, stop) ? item : throw new InvalidOperationException("The handoff is completed and empty.");

    /// <summary>No more items will come: takers get false once the queue is empty.</summary>
    public void CompleteAdding()
    {
        lock (_items)
        {
            _completed = true;
            Monitor.PulseAll(_items);
        }
    }

    public IEnumerable<T> GetConsumingEnumerable(CancellationToken stop = default)
    {
        while (TryTake(out var item, stop))
            yield return item;
    }

    // Holding the lock. A cancelled token wakes no one by itself, so waits are bounded (a cancellation
    // only happens when a run fails, when a fraction of a second does not matter).
    private void Wait(CancellationToken stop)
    {
        stop.ThrowIfCancellationRequested();
        Monitor.Wait(_items, 50);
        stop.ThrowIfCancellationRequested();
    }
}
