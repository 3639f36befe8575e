using System.Globalization;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;

namespace Bidui.Workflow.Rounds;

/// <summary>
/// The earlier round's cases a new round links to, by list and person key, in a compact form: about 40 bytes
/// a case (a valid ID's key is its 17 leading digits as a number), so a province's million earlier cases take
/// tens of megabytes, not entities. The n-th take of a key gets its n-th case by number (duplicate lists hold a
/// person more than once); cases never taken are the ones the new round resolved.
/// </summary>
internal sealed class EarlierCases
{
    private readonly record struct NumberKey(long Number, int List);

    private struct Entry
    {
        public long Id;
        public int RoundsSeen;
        public CaseState State;
        public bool Taken;
        /// <summary>The next case of the same key (higher number), or -1.</summary>
        public int Next;
    }

    private readonly Dictionary<string, int> _lists = CategoryNames.ActionLists.Select((l, i) => (l.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
    private readonly Dictionary<NumberKey, int> _byNumber = [];
    private readonly Dictionary<(int List, string Key), int> _byText = [];
    private Entry[] _entries = new Entry[1024];
    private int _count;

    public int Count => _count;

    public void Add(long id, string category, string personKey, CaseState state, int roundsSeen)
    {
        if (_count == _entries.Length) Array.Resize(ref _entries, _count * 2);
        int at = _count++;
        _entries[at] = new Entry { Id = id, RoundsSeen = roundsSeen, State = state, Next = -1 };
        int list = ListOf(category);
        if (Number(personKey) is { } number)
            Link(ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byNumber, new NumberKey(number, list), out bool exists), exists, at);
        else
            Link(ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byText, (list, personKey), out bool exists), exists, at);
    }

    /// <summary>Frees the slack of the growing array once every earlier case is in.</summary>
    public void Seal()
    {
        if (_entries.Length > _count * 5 / 4 + 16) Array.Resize(ref _entries, _count);
    }

    /// <summary>The earliest untaken case of this list and person, marked taken; null when there is none.</summary>
    public (long Id, int RoundsSeen, CaseState State)? TryTake(string category, string personKey)
    {
        if (_count == 0) return null;
        int list = ListOf(category);
        int at = Number(personKey) is { } number
            ? _byNumber.GetValueOrDefault(new NumberKey(number, list), -1)
            : _byText.GetValueOrDefault((list, personKey), -1);
        for (; at >= 0; at = _entries[at].Next)
        {
            ref var e = ref _entries[at];
            if (e.Taken) continue;
            e.Taken = true;
            return (e.Id, e.RoundsSeen, e.State);
        }
        return null;
    }

    /// <summary>The numbers of the cases no new row took.</summary>
    public IEnumerable<long> Untaken()
    {
        for (int i = 0; i < _count; i++)
            if (!_entries[i].Taken) yield return _entries[i].Id;
    }

    /// <summary>Keeps each key's chain in case-number order (the cases arrive in no particular order).</summary>
    private void Link(ref int head, bool exists, int at)
    {
        if (!exists) { head = at; return; }
        long id = _entries[at].Id;
        if (id < _entries[head].Id) { _entries[at].Next = head; head = at; return; }
        int prev = head;
        while (_entries[prev].Next >= 0 && _entries[_entries[prev].Next].Id < id) prev = _entries[prev].Next;
        _entries[at].Next = _entries[prev].Next;
        _entries[prev].Next = at;
    }

    private int ListOf(string category)
    {
        if (!_lists.TryGetValue(category, out int list)) _lists[category] = list = _lists.Count;
        return list;
    }

    /// <summary>A valid ID's person key (18 characters, the 17 leading ones digits) as the number of those 17 digits.</summary>
    private static long? Number(string personKey) =>
        personKey.Length == 18 && long.TryParse(personKey.AsSpan(0, 17), NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : null;
}
