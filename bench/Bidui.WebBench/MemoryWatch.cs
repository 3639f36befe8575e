using System.Diagnostics;

namespace Bidui.WebBench;

/// <summary>
/// Samples the process's working set while it runs, and at its highest sample how much of it the GC had committed (the
/// managed heap, garbage included); the rest is native: the stores' page caches, the runtime, code and stacks. On
/// SQLite also what SQLite itself had allocated then (every connection's page cache, sorters, statements) and at most.
/// Peak working set alone cannot say which one grew.
/// </summary>
internal sealed class MemoryWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public long PeakWorkingSet { get; private set; }

    /// <summary>The GC's committed bytes at the highest working-set sample.</summary>
    public long CommittedAtPeak { get; private set; }

    /// <summary>SQLite's own allocations at the highest working-set sample, when the store is SQLite.</summary>
    public long SqliteAtPeak { get; private set; }

    private readonly bool _sqlite;

    public MemoryWatch(bool sqlite)
    {
        _sqlite = sqlite;
        if (sqlite) SQLitePCL.raw.sqlite3_memory_highwater(1);
        _loop = Task.Run(SampleAsync);
    }

    private async Task SampleAsync()
    {
        using var self = Process.GetCurrentProcess();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        do
        {
            self.Refresh();
            long workingSet = self.WorkingSet64;
            if (workingSet > PeakWorkingSet)
            {
                PeakWorkingSet = workingSet;
                CommittedAtPeak = GC.GetGCMemoryInfo().TotalCommittedBytes;
                if (_sqlite) SqliteAtPeak = SQLitePCL.raw.sqlite3_memory_used();
            }
        }
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
    }

    public string Describe() =>
        $"highest sample {Mb(PeakWorkingSet)} MB, of which the GC's committed heap {Mb(CommittedAtPeak)} MB and native {Mb(PeakWorkingSet - CommittedAtPeak)} MB" +
        (_sqlite ? $" (SQLite's allocations then {Mb(SqliteAtPeak)} MB, at most {Mb(SQLitePCL.raw.sqlite3_memory_highwater(0))} MB)" : "");

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _loop; }
        catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
