using System.Runtime.InteropServices;

namespace Bidui.Matching.Support;

/// <summary>
/// Key → (first row's index, number of rows): the first row represents the person or enrolment
/// (SPEC §4) and the count finds the duplicates, in one hash entry per key.
/// </summary>
internal sealed class KeyIndex
{
    private struct Slot
    {
        public int First;
        public int Count;
    }

    private readonly Dictionary<long, Slot> _map = [];

    public int Keys => _map.Count;

    public void Add(long key, int index)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_map, key, out bool exists);
        if (!exists)
            slot.First = index;
        slot.Count++;
    }

    public bool TryGetFirst(long key, out int first)
    {
        bool found = _map.TryGetValue(key, out var slot);
        first = slot.First;
        return found;
    }

    public bool Contains(long key) => _map.ContainsKey(key);

    public int CountOf(long key) => _map.TryGetValue(key, out var slot) ? slot.Count : 0;
}
