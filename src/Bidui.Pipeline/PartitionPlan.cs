namespace Bidui.Pipeline;

/// <summary>
/// How many key partitions a run needs to stay within its memory limit, estimated from the input
/// files' sizes before anything is read (the in-memory run peaks at about 1.2 times the CSV bytes,
/// measured at province scale; xlsx holds its text compressed, about six to one).
/// </summary>
public static class PartitionPlan
{
    /// <summary>A partition may use this share of the limit; the rest is the merge, buffers and the runtime.</summary>
    private const double PartitionShare = 0.45;

    /// <summary>Below this share of the limit the run stays in memory.</summary>
    private const double InMemoryShare = 0.7;

    public static long EstimatedBytes(CompareRequest request) =>
        new[] { request.StudentsPath, request.PovertyPath, request.AidPath }.Concat(request.Registers.Select(r => r.Path))
            .OfType<string>().Sum(EstimatedBytes);

    public static int For(CompareRequest request)
    {
        if (request.Partitions is int forced)
            return Math.Max(1, forced);
        if (request.MemoryLimitBytes is not long limit)
            return 1;
        double estimate = EstimatedBytes(request);
        if (estimate <= limit * InMemoryShare)
            return 1;
        return (int)Math.Clamp(Math.Ceiling(estimate / (limit * PartitionShare)), 2, 999);
    }

    private static long EstimatedBytes(string path)
    {
        long bytes = new FileInfo(path).Length;
        double factor = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" => 7.0,
            ".xls" => 1.5,
            _ => 1.2,
        };
        return (long)(bytes * factor);
    }

    /// <summary>Reads "4GB", "512MB", "4g" or a number of bytes; null when the text is none of these.</summary>
    public static long? ParseSize(string text)
    {
        var t = text.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        long unit = 1;
        foreach (var (suffix, size) in new[] { ("GIB", 1L << 30), ("GB", 1L << 30), ("G", 1L << 30), ("MIB", 1L << 20), ("MB", 1L << 20), ("M", 1L << 20) })
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal))
            {
                t = t[..^suffix.Length];
                unit = size;
                break;
            }
        }
        return double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) && v > 0
            ? (long)(v * unit)
            : null;
    }
}
