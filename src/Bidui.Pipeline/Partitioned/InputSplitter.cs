using Bidui.Core.Identity;
using Bidui.Inputs;
using Bidui.Matching.Records;

namespace Bidui.Pipeline.Partitioned;

/// <summary>
/// The first pass of a partitioned run: reads one input once and writes each row to the partition
/// of its key, so that every row of one person (in all three files) lands in the same partition and
/// a partition can be compared on its own. Row accounting is kept here, as the in-memory run keeps it.
/// </summary>
/// <remarks>
/// Rows without a key take part in no exact matching (SPEC §4): they are spread by row number.
/// Rejected rows all go to partition 0, so that one engine lists them in the order the files hold
/// them. Another document's key is its normalised type and number, numbered as the engine numbers
/// them, and partitioned by that number.
/// </remarks>
internal sealed class InputSplitter(int partitions, string folder, DateOnly today)
{
    private readonly OtherDocumentKeys _otherKeys = new();

    /// <summary>学校标识码 → the cells of the first registry row that names it (the engine's choice too).</summary>
    public List<(string Name, string Code, string County)> Schools { get; } = [];

    public static string PathOf(string folder, Dataset dataset, int partition) =>
        Path.Combine(folder, $"{dataset.JsonName()}.{partition:D3}.rows");

    public InputAccount Split(BoundTable table, RowFeed feed, IProgressStep step)
    {
        var writers = new SpillWriter[partitions];
        try
        {
            for (int p = 0; p < partitions; p++)
                writers[p] = new SpillWriter(PathOf(folder, feed.Dataset, p));
            var present = PartitionReader.Present(feed.Ordinals);
            var schoolCodes = new HashSet<string>(StringComparer.Ordinal);
            var codeLookup = schoolCodes.GetAlternateLookup<ReadOnlySpan<char>>();
            bool registry = feed.Dataset == Dataset.Students;
            return InputLoader.Load(table, feed.Dataset, step, feed.Ordinals, row =>
            {
                var name = RowFeed.Cell(row, feed.Name);
                var number = RowFeed.Cell(row, feed.Id);
                bool rejected = name.IsWhiteSpace() && number.IsWhiteSpace(); // the engine's rule (SPEC §5)
                int p = rejected ? 0 : PartitionOf(RowFeed.Cell(row, feed.IdType), number, row.RowNumber);
                PartitionReader.WriteRow(writers[p], row, present);
                if (registry && !rejected)
                {
                    var code = RowFeed.Cell(row, feed.School.Code).Trim();
                    if (!code.IsEmpty && !codeLookup.Contains(code))
                    {
                        var text = code.ToString();
                        schoolCodes.Add(text);
                        Schools.Add((RowFeed.Cell(row, feed.School.Name).ToString(), text, RowFeed.Cell(row, feed.School.County).ToString()));
                    }
                }
                return !rejected;
            });
        }
        finally
        {
            foreach (var w in writers)
                w?.Dispose();
        }
    }

    private int PartitionOf(ReadOnlySpan<char> type, ReadOnlySpan<char> number, int row)
    {
        long key = DocumentTypes.IsResidentId(type) ? ResidentId.Parse(number, today).Key : _otherKeys.GetOrAdd(type, number);
        return key == 0 ? row % partitions : Of(key, partitions);
    }

    /// <summary>A key's partition: the high bits of a multiplicative hash (IDs share long prefixes by county).</summary>
    internal static int Of(long key, int partitions) =>
        (int)(((ulong)key * 0x9E3779B97F4A7C15UL >> 32) % (ulong)partitions);
}
