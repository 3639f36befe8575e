namespace Bidui.Core.Names;

public static class PersonName
{
    public static string ComparisonForm(string? raw) => throw new NotImplementedException();
}
