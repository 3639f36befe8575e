namespace Bidui.Core.Names;

public static class ChineseScript
{
    public static char ToSimplified(char c) => throw new NotImplementedException();

    public static string ToSimplified(string s) => throw new NotImplementedException();
}
