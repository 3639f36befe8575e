using Bidui.Core.Identity;
using Bidui.Inputs;

namespace Bidui.Pipeline;

/// <summary>
/// Sends every row of one person, in all three files, to the same one of n engines (or partitions),
/// by the key the engine will give it (SPEC §4), so that each engine can compare its keys alone.
/// </summary>
/// <remarks>
/// Rows without a key take part in no exact matching: they are spread by row number. Rejected rows
/// (name and ID empty, SPEC §5) all go to 0, so that one engine lists them in file order. Another
/// document's key is its normalised type and number, numbered as the engine numbers them. One
/// router per file reader: it is not thread-safe.
/// </remarks>
internal sealed class KeyRouter(int routes, DateOnly today, RowFeed feed)
{
    private readonly OtherDocumentKeys _otherKeys = new();

    /// <summary>
    /// The route of a non-blank row, whether the engine will reject it, and the resident ID as judged
    /// for routing (null for another document, a rejected row or one route), for the engine to reuse.
    /// </summary>
    public int Route(ITabularReader row, out bool rejected, out ResidentIdResult? residentId)
    {
        residentId = null;
        var number = RowFeed.Cell(row, feed.Id);
        rejected = RowFeed.Cell(row, feed.Name).IsWhiteSpace() && number.IsWhiteSpace();
        if (rejected || routes == 1)
            return 0;
        var type = RowFeed.Cell(row, feed.IdType);
        long key;
        if (DocumentTypes.IsResidentId(type))
        {
            var judged = ResidentId.Parse(number, today);
            residentId = judged;
            key = judged.Key;
        }
        else
        {
            key = _otherKeys.GetOrAdd(type, number);
        }
        return key == 0 ? row.RowNumber % routes : Of(key, routes);
    }

    /// <summary>A key's route: the high bits of a multiplicative hash (IDs share long prefixes by county).</summary>
    internal static int Of(long key, int routes) =>
        (int)(((ulong)key * 0x9E3779B97F4A7C15UL >> 32) % (ulong)routes);
}

/// <summary>
/// The registry's schools by 学校标识码, from the first row that names each code (as one engine would
/// choose): engines that saw only some rows are given them, so that an aid row finds its school's
/// county whichever engine the school's pupils went to.
/// </summary>
internal sealed class SchoolCodes
{
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);

    public List<(string Name, string Code, string County)> Schools { get; } = [];

    /// <summary>Notes the school of one non-rejected registry row.</summary>
    public void See(ITabularReader row, RowFeed feed)
    {
        var code = RowFeed.Cell(row, feed.School.Code).Trim();
        if (code.IsEmpty || _codes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(code))
            return;
        var text = code.ToString();
        _codes.Add(text);
        Schools.Add((RowFeed.Cell(row, feed.School.Name).ToString(), text, RowFeed.Cell(row, feed.School.County).ToString()));
    }
}
