using System.Runtime.ExceptionServices;
using Bidui.Inputs;
using Bidui.Matching.Engine;

namespace Bidui.Pipeline;

/// <summary>
/// Feeds one input to several engines at once, one thread each ("lanes"): the calling thread reads
/// and parses the file, keeps the row accounting and routes every row by its key
/// (<see cref="KeyRouter"/>); each lane's thread hands its rows to its engine in file order. An
/// engine thus sees every row of its keys and nothing else, which is all the exact tier needs, and
/// the engines' work, most of the run, is spread over the cores.
/// </summary>
internal static class LaneFeeder
{
    private const int ReportEvery = 50_000;

    // Batches in flight per lane: enough that one lane's slow stretch does not stall the reader.
    private const int BatchesPerLane = 4;

    public static InputAccount Load(BoundTable t, RowFeed feed, ComparisonEngine[] engines, DateOnly today, IProgressStep step,
        SchoolCodes? schools = null)
    {
        int lanes = engines.Length;
        int batches = BatchesPerLane * lanes + 2;
        var free = new Handoff<RowBatch>(batches);
        for (int i = 0; i < batches; i++)
            free.Add(new RowBatch(feed.Ordinals.Length));
        var queues = engines.Select(_ => new Handoff<RowBatch>(batches)).ToArray();
        using var stop = new CancellationTokenSource();

        var lanesDone = new Task[lanes];
        for (int lane = 0; lane < lanes; lane++)
        {
            int mine = lane;
            lanesDone[lane] = Task.Factory.StartNew(() =>
            {
                try
                {
                    Consume(t, feed, engines[mine], mine, queues[mine], free, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    throw;
                }
                catch
                {
                    stop.Cancel(); // the reader and the other lanes stop; this error is the one that counts
                    throw;
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        ExceptionDispatchInfo? readError = null;
        var r = t.Reader;
        var account = new InputAccount(feed.Dataset, r.FilePath, r.FormatName, t.HeaderRowNumber, feed.Label);
        try
        {
            Produce(t, feed, account, queues, free, new KeyRouter(lanes, today, feed), schools, step, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // A lane failed; its exception is thrown below.
        }
        catch (Exception ex)
        {
            readError = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            foreach (var q in queues)
                q.CompleteAdding();
        }

        try
        {
            Task.WaitAll(lanesDone);
        }
        catch (AggregateException e)
        {
            var first = e.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? e.InnerExceptions[0];
            ExceptionDispatchInfo.Capture(first).Throw();
        }
        // A read error (say, malformed CSV at row n) surfaces after the rows before it were compared, as it would serially.
        readError?.Throw();
        account.RequireRows(r.SheetName);
        return account;
    }

    private static void Produce(BoundTable t, RowFeed feed, InputAccount account, Handoff<RowBatch>[] queues,
        Handoff<RowBatch> free, KeyRouter router, SchoolCodes? schools, IProgressStep step, CancellationToken stop)
    {
        var r = t.Reader;
        long nextReport = ReportEvery;
        var batch = free.Take(stop);
        while (t.ReadRow())
        {
            if (r.IsBlank)
            {
                account.Blank();
                continue;
            }
            int lane = router.Route(r, out bool rejected, out var residentId);
            if (rejected)
            {
                account.Rejected();
            }
            else
            {
                account.Loaded();
                schools?.See(r, feed);
            }
            batch.Add(r, feed.Ordinals, lane);
            if (residentId is { } judged)
                batch.SetParsedId(judged); // the lane's engine need not judge it again
            if (batch.IsFull)
            {
                Share(batch, queues, stop);
                batch = free.Take(stop);
            }
            if (account.RowsRead >= nextReport)
            {
                step.Report(account.RowsRead);
                nextReport += ReportEvery;
            }
        }
        if (batch.Count > 0)
            Share(batch, queues, stop);
    }

    private static void Share(RowBatch batch, Handoff<RowBatch>[] queues, CancellationToken stop)
    {
        batch.Share(queues.Length);
        foreach (var q in queues)
            q.Add(batch, stop);
    }

    private static void Consume(BoundTable t, RowFeed feed, ComparisonEngine engine, int lane, Handoff<RowBatch> queue,
        Handoff<RowBatch> free, CancellationToken stop)
    {
        var view = new BatchedRow(t.Reader, feed.Ordinals);
        foreach (var batch in queue.GetConsumingEnumerable(stop))
        {
            for (int i = 0; i < batch.Count; i++)
            {
                if (batch.Lane(i) != lane)
                    continue;
                view.MoveTo(batch, i);
                feed.Add(view, engine);
            }
            if (batch.Release())
            {
                batch.Clear();
                free.Add(batch, stop);
            }
        }
    }
}
