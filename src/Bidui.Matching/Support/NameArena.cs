namespace Bidui.Matching.Support;

/// <summary>
/// The names of enrolled students, one after another in large blocks of characters, instead of one
/// string object each: ten million strings were a fifth of the heap's objects, each copied twice by the
/// collector as it aged and traced by every full collection. Written by one thread; read by any once
/// writing is over.
/// </summary>
public sealed class NameArena
{
    private const int BlockChars = 1 << 20;
    private readonly List<char[]> _blocks = [];
    private char[] _current = [];
    private int _used;

    public NameRef Add(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            return default;
        if (text.Length > _current.Length - _used)
        {
            _current = new char[Math.Max(BlockChars, text.Length)];
            _blocks.Add(_current);
            _used = 0;
        }
        text.CopyTo(_current.AsSpan(_used));
        var name = new NameRef(_blocks.Count - 1, _used, text.Length);
        _used += text.Length;
        return name;
    }

    public ReadOnlySpan<char> Span(NameRef name) =>
        name.Length == 0 ? [] : _blocks[name.Block].AsSpan(name.Start, name.Length);

    public string String(NameRef name) => name.Length == 0 ? string.Empty : new string(Span(name));
}

/// <summary>Where a name is in its <see cref="NameArena"/>.</summary>
public readonly record struct NameRef(int Block, int Start, int Length);
