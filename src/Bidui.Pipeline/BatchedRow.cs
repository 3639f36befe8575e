using Bidui.Inputs;

namespace Bidui.Pipeline;

/// <summary>
/// One row of a <see cref="RowBatch"/> seen through <see cref="ITabularReader"/>, so that the code that
/// hands cells to the engine is the same whether rows come straight from the reader or through a batch.
/// Only the columns the batch copied can be asked for; any other ordinal reads as empty.
/// </summary>
internal sealed class BatchedRow(ITabularReader source, int[] ordinals) : ITabularReader
{
    // ordinal → slot in the batch (-1: not copied).
    private readonly int[] _slotOf = SlotsOf(ordinals);
    private RowBatch? _batch;
    private int _row;

    public string FilePath => source.FilePath;

    public string FormatName => source.FormatName;

    public string? SheetName => source.SheetName;

    public int RowNumber => _batch!.RowNumber(_row);

    public int FieldCount => _slotOf.Length;

    public bool IsBlank => _batch!.IsBlank(_row);

    /// <summary>The row's resident ID as the reading thread judged it, or null.</summary>
    public Bidui.Core.Identity.ResidentIdResult? ParsedResidentId => _batch!.ParsedId(_row);

    public void MoveTo(RowBatch batch, int row)
    {
        _batch = batch;
        _row = row;
    }

    public bool Read() => throw new NotSupportedException("Rows of a batch are moved to, not read.");

    public ReadOnlySpan<char> GetSpan(int ordinal) =>
        (uint)ordinal < (uint)_slotOf.Length && _slotOf[ordinal] >= 0 ? _batch!.Cell(_row, _slotOf[ordinal]) : [];

    public string GetString(int ordinal) => GetSpan(ordinal).ToString();

    public void Dispose()
    {
    }

    private static int[] SlotsOf(int[] ordinals)
    {
        var slots = new int[ordinals.Length == 0 ? 0 : ordinals.Max() + 1];
        Array.Fill(slots, -1);
        for (int s = 0; s < ordinals.Length; s++)
        {
            if (ordinals[s] >= 0)
            {
                slots[ordinals[s]] = s;
            }
        }

        return slots;
    }
}
