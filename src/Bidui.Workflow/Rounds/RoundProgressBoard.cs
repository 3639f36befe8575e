using System.Collections.Concurrent;
using Bidui.Pipeline;

namespace Bidui.Workflow.Rounds;

/// <summary>A snapshot of a running round's job, for the progress panel.</summary>
public sealed record RoundProgressSnapshot(string Step, long Done, long? Total, int StepNumber, bool Finished, string? Error);

/// <summary>In-memory progress of background comparisons (one process runs the jobs, so memory suffices).</summary>
public sealed class RoundProgressBoard
{
    private readonly ConcurrentDictionary<int, RoundProgressSnapshot> _rounds = new();
    private int _imports;

    /// <summary>Whether a round's cases are being written now (the server gives the import priority: ImportPriority).</summary>
    public bool Importing => Volatile.Read(ref _imports) > 0;

    /// <summary>Marks an import as running until the returned value is disposed.</summary>
    public IDisposable BeginImport()
    {
        Interlocked.Increment(ref _imports);
        return new ImportMark(this);
    }

    private sealed class ImportMark(RoundProgressBoard board) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) Interlocked.Decrement(ref board._imports);
        }
    }

    public RoundProgressSnapshot? Get(int roundId) => _rounds.GetValueOrDefault(roundId);

    public IJobProgress For(int roundId)
    {
        _rounds[roundId] = new RoundProgressSnapshot("排队等待", 0, null, 0, false, null);
        return new Reporter(this, roundId);
    }

    internal void Set(int roundId, Func<RoundProgressSnapshot, RoundProgressSnapshot> change) =>
        _rounds.AddOrUpdate(roundId, _ => change(new RoundProgressSnapshot("", 0, null, 0, false, null)), (_, old) => change(old));

    private sealed class Reporter(RoundProgressBoard board, int roundId) : IJobProgress
    {
        public IProgressStep Start(string description, long? total = null)
        {
            board.Set(roundId, old => new RoundProgressSnapshot(description, 0, total, old.StepNumber + 1, false, null));
            return new Step(board, roundId);
        }
    }

    private sealed class Step(RoundProgressBoard board, int roundId) : IProgressStep
    {
        public void Report(long done) => board.Set(roundId, old => old with { Done = done });
        public void Dispose() { }
    }
}
