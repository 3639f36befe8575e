using System.Buffers;
using Bidui.Core.Text;

namespace Bidui.Core.Identity;

/// <summary>
/// SPEC 2.2 keys for documents other than resident IDs (passports, permits …): the same type and the
/// same upper-cased number without white space give the same key, within one run. Thread-safe.
/// </summary>
public sealed class OtherDocumentKeys
{
    // Bit 62 keeps these keys apart from resident keys, which are below 10^17 < 2^57.
    private const long Tag = 1L << 62;
    private const char Separator = '\u001F';
    private const int StackLimit = 128;

    private readonly Dictionary<string, long> _keys = new(StringComparer.Ordinal);
    private readonly List<string> _descriptions = [];
    private readonly Lock _lock = new();

    /// <summary>The key of a type and number; 0 when the number is empty.</summary>
    public long GetOrAdd(ReadOnlySpan<char> typeCell, ReadOnlySpan<char> numberCell)
    {
        string? typeHolder = null, numberHolder = null;
        Span<char> typeBuffer = stackalloc char[Nfkc.StackLimit];
        Span<char> numberBuffer = stackalloc char[Nfkc.StackLimit];
        ReadOnlySpan<char> type = Nfkc.ApplyTrim(typeCell, typeBuffer, ref typeHolder);
        ReadOnlySpan<char> number = Nfkc.Apply(numberCell, numberBuffer, ref numberHolder);

        int capacity = type.Length + 1 + number.Length;
        char[]? rented = null;
        Span<char> buffer = capacity <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(capacity));
        try
        {
            int typeLength = AppendCompact(type, buffer);
            buffer[typeLength] = Separator;
            int numberLength = AppendCompact(number, buffer[(typeLength + 1)..]);
            if (numberLength == 0)
                return 0;
            return Lookup(buffer[..(typeLength + 1 + numberLength)], typeLength);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Display text of a key, e.g. <c>护照:E12345678</c>; "" for a key this instance did not issue.</summary>
    public string Describe(long key)
    {
        if (!IsOtherDocumentKey(key))
            return "";
        int index = (int)(key & ~Tag) - 1;
        lock (_lock)
            return index < _descriptions.Count ? _descriptions[index] : "";
    }

    public static bool IsOtherDocumentKey(long key) => key > 0 && (key & Tag) != 0;

    private long Lookup(ReadOnlySpan<char> composite, int typeLength)
    {
        lock (_lock)
        {
            var lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(composite, out long key))
                return key;
            key = Tag | (long)(_descriptions.Count + 1);
            _keys.Add(composite.ToString(), key);
            _descriptions.Add(string.Concat(composite[..typeLength], ":", composite[(typeLength + 1)..]));
            return key;
        }
    }

    // Upper-cased without white space: how people retype the same document number.
    private static int AppendCompact(ReadOnlySpan<char> source, Span<char> target)
    {
        int n = 0;
        foreach (char c in source)
        {
            if (!CharClass.IsSpace(c))
                target[n++] = char.ToUpperInvariant(c);
        }
        return n;
    }
}
