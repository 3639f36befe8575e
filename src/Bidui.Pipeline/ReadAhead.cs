using System.Runtime.ExceptionServices;
using Bidui.Core.Identity;
using Bidui.Inputs;

namespace Bidui.Pipeline;

/// <summary>
/// Reads and parses an input on a thread of its own while the engine (single-threaded) consumes the rows
/// already read: decoding and CSV parsing no longer add to the engine's time, they overlap it. Rows come
/// in file order, blank rows included, exactly as the reader gives them, so the row accounting is the same.
/// </summary>
internal static class ReadAhead
{
    // Batches in flight: enough that a slow stretch on one side does not stall the other, small in memory (≈ 6 MB).
    private const int Batches = 6;

    /// <summary>
    /// Calls <paramref name="row"/> for every physical row of <paramref name="table"/> (with the row as an
    /// <see cref="ITabularReader"/> whose listed <paramref name="ordinals"/> can be read), on the calling thread.
    /// </summary>
    /// <param name="prefetch">Given the key of the row <see cref="PrefetchAhead"/> rows ahead (resident IDs judged here).</param>
    public static void ForEachRow(BoundTable table, int[] ordinals, Action<ITabularReader> row, IdCells? ids = null,
        Action<long>? prefetch = null)
    {
        var free = new Handoff<RowBatch>(Batches);
        var full = new Handoff<RowBatch>(Batches);
        for (int i = 0; i < Batches; i++)
        {
            free.Add(new RowBatch(ordinals.Length));
        }

        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? readError = null;
        var reader = Task.Factory.StartNew(() =>
        {
            try
            {
                Produce(table, ordinals, ids, free, full, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer failed and stopped us; its exception is the one that counts.
            }
            catch (Exception ex)
            {
                readError = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                full.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            var view = new BatchedRow(table.Reader, ordinals);
            foreach (var batch in full.GetConsumingEnumerable())
            {
                if (prefetch is not null)
                {
                    for (int i = 0; i < Math.Min(PrefetchAhead, batch.Count); i++)
                        Hint(batch, i, prefetch);
                }
                for (int i = 0; i < batch.Count; i++)
                {
                    if (prefetch is not null && i + PrefetchAhead < batch.Count)
                        Hint(batch, i + PrefetchAhead, prefetch);
                    view.MoveTo(batch, i);
                    row(view);
                }

                batch.Clear();
                free.Add(batch);
            }
        }
        finally
        {
            // Whether we finished or failed, the reading thread must be gone before the caller disposes the reader.
            stop.Cancel();
            reader.Wait();
        }

        // A read error (say, malformed CSV at row n) surfaces after the rows before it were handed on, as it would serially.
        readError?.Throw();
    }

    // Far enough ahead for a fetch from memory to finish before the row is handled (≈ 1 µs a row).
    private const int PrefetchAhead = 8;

    private static void Hint(RowBatch batch, int row, Action<long> prefetch)
    {
        if (batch.ParsedId(row) is { Key: not 0 } id)
            prefetch(id.Key);
    }

    private static void Produce(BoundTable table, int[] ordinals, IdCells? ids, Handoff<RowBatch> free, Handoff<RowBatch> full,
        CancellationToken stop)
    {
        var batch = free.Take(stop);
        var r = table.Reader;
        while (table.ReadRow())
        {
            batch.Add(r, ordinals);
            // The engine's thread is the busy one: judge resident IDs here, where there is time.
            if (ids is { } id && !r.IsBlank && DocumentTypes.IsResidentId(RowFeed.Cell(r, id.Type)))
                batch.SetParsedId(ResidentId.Parse(RowFeed.Cell(r, id.Number), id.Today));
            if (batch.IsFull)
            {
                full.Add(batch, stop);
                batch = free.Take(stop);
            }
        }

        if (batch.Count > 0)
        {
            full.Add(batch, stop);
        }
    }
}

/// <summary>Where a file's ID type and number are, and the day IDs are judged on (SPEC §2.1).</summary>
internal readonly record struct IdCells(int Type, int Number, DateOnly Today);
