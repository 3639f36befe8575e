namespace Bidui.Core.Identity;

public sealed class OtherDocumentKeys
{
    public long GetOrAdd(ReadOnlySpan<char> typeCell, ReadOnlySpan<char> numberCell) => throw new NotImplementedException();

    public string Describe(long key) => throw new NotImplementedException();

    public static bool IsOtherDocumentKey(long key) => throw new NotImplementedException();
}
