using Bidui.Inputs;
using Bidui.Matching.Records;

namespace Bidui.Pipeline.Partitioned;

/// <summary>
/// The first pass of a partitioned run: reads one input once and writes each row to the partition
/// its key routes it to (<see cref="KeyRouter"/>), so that a partition can be compared on its own.
/// Row accounting is kept here, as the in-memory run keeps it.
/// </summary>
internal sealed class InputSplitter(int partitions, string folder, DateOnly today)
{
    /// <summary>The registry's schools, for every partition's engine.</summary>
    public SchoolCodes Schools { get; } = new();

    public static string PathOf(string folder, Dataset dataset, int partition, int register = 0) =>
        Path.Combine(folder, dataset == Dataset.Register ? $"register{register:D2}.{partition:D3}.rows" : $"{dataset.JsonName()}.{partition:D3}.rows");

    /// <summary>A file buffer when one file per partition is open at once: together they stay near 64 MB, whatever the count.</summary>
    internal static int BufferFor(int partitions) => Math.Clamp((64 << 20) / partitions, 64 << 10, 1 << 20);

    public InputAccount Split(BoundTable table, RowFeed feed, IProgressStep step)
    {
        var writers = new SpillWriter[partitions];
        try
        {
            for (int p = 0; p < partitions; p++)
                writers[p] = new SpillWriter(PathOf(folder, feed.Dataset, p, feed.RegisterIndex), BufferFor(partitions));
            var present = PartitionReader.Present(feed.Ordinals);
            var router = new KeyRouter(partitions, today, feed);
            bool registry = feed.Dataset == Dataset.Students;
            return InputLoader.Load(table, feed.Dataset, step, feed.Ordinals, row =>
            {
                int p = router.Route(row, out bool rejected, out _);
                PartitionReader.WriteRow(writers[p], row, present);
                if (registry && !rejected)
                    Schools.See(row, feed);
                return !rejected;
            }, label: feed.Label);
        }
        finally
        {
            foreach (var w in writers)
                w?.Dispose();
        }
    }
}
