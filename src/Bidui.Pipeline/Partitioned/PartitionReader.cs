using Bidui.Inputs;

namespace Bidui.Pipeline.Partitioned;

/// <summary>
/// The rows of one partition file seen through <see cref="ITabularReader"/>, with the ordinals of
/// the original file, so that <see cref="RowFeed"/> hands them to the engine exactly as it hands
/// rows read from the source.
/// </summary>
internal sealed class PartitionReader : ITabularReader
{
    private readonly SpillReader _in;
    private readonly int[] _slotOf;
    private readonly (int Start, int Length)[] _cells;
    private readonly int _slots;

    public PartitionReader(string path, string sourceFile, int[] ordinals)
    {
        _in = new SpillReader(path);
        FilePath = sourceFile;
        var present = Present(ordinals);
        _slotOf = new int[present.Length == 0 ? 0 : present[^1] + 1];
        Array.Fill(_slotOf, -1);
        foreach (int ordinal in present)
            _slotOf[ordinal] = _slots++;
        _cells = new (int, int)[_slots];
    }

    public string FilePath { get; }

    public string FormatName => "partition";

    public string? SheetName => null;

    public int RowNumber { get; private set; }

    public int FieldCount => _slotOf.Length;

    public bool IsBlank => false;

    public bool Read()
    {
        if (_in.AtEnd)
            return false;
        _in.BeginRecord();
        RowNumber = _in.ReadInt32();
        for (int s = 0; s < _slots; s++)
            _cells[s] = _in.ReadText();
        return true;
    }

    public ReadOnlySpan<char> GetSpan(int ordinal) =>
        (uint)ordinal < (uint)_slotOf.Length && _slotOf[ordinal] >= 0 ? _in.Text(_cells[_slotOf[ordinal]]) : [];

    public string GetString(int ordinal) => GetSpan(ordinal).ToString();

    /// <summary>Writes one source row in the layout this reader reads: row number, then the <paramref name="present"/> columns.</summary>
    public static void WriteRow(SpillWriter to, ITabularReader row, int[] present)
    {
        to.Write(row.RowNumber);
        foreach (int ordinal in present)
            to.Write(row.GetSpan(ordinal));
    }

    /// <summary>The columns a partition file holds, in the order it holds them: those the file has, by ordinal.</summary>
    public static int[] Present(int[] ordinals) => ordinals.Where(o => o >= 0).Distinct().Order().ToArray();

    public void Dispose() => _in.Dispose();
}
