namespace Bidui.Matching.Support;

/// <summary>Counts notes of the same kind so the summary says "N 条清单记录：…" once instead of N times.</summary>
internal sealed class NoteCounter
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Locked: Finish classifies persons and aid rows on two threads.</summary>
    public void Add(string note)
    {
        lock (_counts)
            _counts[note] = _counts.GetValueOrDefault(note) + 1;
    }

    /// <summary>By text, so that engines that each saw part of the rows add up to the same lines in the same order.</summary>
    public List<Engine.CountedNote> ToNotes() =>
        _counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new Engine.CountedNote(kv.Value, "条清单记录", kv.Key)).ToList();
}
