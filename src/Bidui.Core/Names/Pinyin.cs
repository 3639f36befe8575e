namespace Bidui.Core.Names;

public static class Pinyin
{
    public static string? Of(char c) => throw new NotImplementedException();
}
