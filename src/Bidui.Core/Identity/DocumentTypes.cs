namespace Bidui.Core.Identity;

public static class DocumentTypes
{
    public static bool IsResidentId(ReadOnlySpan<char> typeCell) => throw new NotImplementedException();
}
