namespace Bidui.Matching.Support;

/// <summary>
/// An append-only list in fixed chunks: ten million entries never need one huge array nor the
/// copy that doubling a List would make at that size.
/// </summary>
public sealed class ChunkedList<T>
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<T[]> _chunks = [];

    public int Count { get; private set; }

    public int Add(in T item)
    {
        int index = Count;
        int chunk = index >> ChunkBits;
        if (chunk == _chunks.Count)
            _chunks.Add(new T[ChunkSize]);
        _chunks[chunk][index & (ChunkSize - 1)] = item;
        Count++;
        return index;
    }

    public ref T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return ref _chunks[index >> ChunkBits][index & (ChunkSize - 1)];
        }
    }
}
