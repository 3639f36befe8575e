using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace Bidui.Matching.Support;

/// <summary>
/// Key → (first row's index, number of rows): the first row represents the person or enrolment
/// (SPEC §4) and the count finds the duplicates, in one 16-byte slot per key.
/// </summary>
/// <remarks>
/// Open addressing with linear probing over one array, instead of <see cref="Dictionary{TKey,TValue}"/>:
/// at ten million keys a lookup is one cache miss instead of two (bucket, then entry), a slot is 16
/// bytes instead of 28, and nothing is hashed twice. Keys are never 0 (0 means "no key"), so 0 marks
/// an empty slot. Fibonacci hashing spreads the keys, whose low digits are sequence codes.
/// </remarks>
internal sealed class KeyIndex
{
    private struct Slot
    {
        public long Key;
        public int First;
        public int Count;
    }

    private const double MaxLoad = 0.7;
    private Slot[] _slots;
    private int _shift;
    private int _limit;

    public KeyIndex(int expectedKeys = 1 << 12)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, (int)(expectedKeys / MaxLoad) + 1));
        _slots = new Slot[size];
        _shift = 64 - BitOperations.Log2((uint)size);
        _limit = (int)(size * MaxLoad);
    }

    public int Keys { get; private set; }

    /// <summary>Adds a row of <paramref name="key"/>; returns how many rows the key has now (2: it just became a duplicate).</summary>
    public int Add(long key, int index)
    {
        ArgumentOutOfRangeException.ThrowIfZero(key);
        ref var slot = ref Find(key);
        if (slot.Key == 0)
        {
            if (Keys >= _limit)
            {
                Grow();
                slot = ref Find(key);
            }
            slot.Key = key;
            slot.First = index;
            Keys++;
        }
        return ++slot.Count;
    }

    public bool TryGetFirst(long key, out int first)
    {
        ref var slot = ref Find(key);
        first = slot.First;
        return key != 0 && slot.Key == key;
    }

    public bool Contains(long key) => key != 0 && Find(key).Key == key;

    public int CountOf(long key) => key == 0 ? 0 : Find(key).Count;

    /// <summary>
    /// Asks the CPU to bring the key's home slot into cache, a few rows before the key is looked up: at
    /// ten million keys the table is far larger than the cache and every lookup would otherwise wait for
    /// memory. Only a hint: nothing is read or changed.
    /// </summary>
    public unsafe void Prefetch(long key)
    {
        if (!Sse.IsSupported)
            return;
        var slots = _slots; // Grow may swap the array meanwhile: take one array and stay inside it
        int i = Home(key) & (slots.Length - 1);
        fixed (Slot* slot = &slots[i])
            Sse.Prefetch0(slot);
    }

    // The slot holding the key, or the empty slot where it would go.
    private ref Slot Find(long key)
    {
        int mask = _slots.Length - 1;
        int i = Home(key);
        while (true)
        {
            ref var slot = ref _slots[i];
            if (slot.Key == key || slot.Key == 0)
                return ref slot;
            i = (i + 1) & mask;
        }
    }

    private int Home(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> _shift);

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _shift--;
        _limit = (int)(_slots.Length * MaxLoad);
        foreach (var s in old)
        {
            if (s.Key != 0)
                Find(s.Key) = s;
        }
    }
}
