using Bidui.Inputs;

namespace Bidui.Pipeline;

/// <summary>
/// A block of rows copied out of a reader: the cells the engine reads (by slot), each row's number and
/// whether it is blank. The parsing thread fills it, the engine's thread reads it; then it is reused.
/// </summary>
internal sealed class RowBatch(int slots)
{
    public const int Capacity = 4096;

    private readonly int[] _starts = new int[Capacity * slots];
    private readonly int[] _lengths = new int[Capacity * slots];
    private readonly int[] _rowNumbers = new int[Capacity];
    private readonly bool[] _blank = new bool[Capacity];
    private readonly Bidui.Core.Identity.ResidentIdResult?[] _parsedIds = new Bidui.Core.Identity.ResidentIdResult?[Capacity];
    private char[] _text = new char[Capacity * 64];
    private int _used;

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    public void Clear()
    {
        Count = 0;
        _used = 0;
    }

    /// <summary>Copies the reader's current row: the cells at <paramref name="ordinals"/> (one a slot).</summary>
    public void Add(ITabularReader reader, ReadOnlySpan<int> ordinals)
    {
        int row = Count++;
        _rowNumbers[row] = reader.RowNumber;
        _parsedIds[row] = null;
        bool blank = _blank[row] = reader.IsBlank;
        int at = row * slots;
        for (int s = 0; s < ordinals.Length; s++)
        {
            var cell = blank || ordinals[s] < 0 ? [] : reader.GetSpan(ordinals[s]);
            if (_used + cell.Length > _text.Length)
            {
                // Grows to twice what is needed: a few rows with long cells (备注) must not copy on every row.
                Array.Resize(ref _text, Math.Max(_text.Length * 2, (_used + cell.Length) * 2));
            }

            cell.CopyTo(_text.AsSpan(_used));
            _starts[at + s] = _used;
            _lengths[at + s] = cell.Length;
            _used += cell.Length;
        }
    }

    /// <summary>The last row's resident ID, judged on the reading thread.</summary>
    public void SetParsedId(Bidui.Core.Identity.ResidentIdResult id) => _parsedIds[Count - 1] = id;

    public Bidui.Core.Identity.ResidentIdResult? ParsedId(int row) => _parsedIds[row];

    public int RowNumber(int row) => _rowNumbers[row];

    public bool IsBlank(int row) => _blank[row];

    public ReadOnlySpan<char> Cell(int row, int slot)
    {
        int i = row * slots + slot;
        return _text.AsSpan(_starts[i], _lengths[i]);
    }
}
