namespace Bidui.Core.Dates;

public static class FlexibleDate
{
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date) => throw new NotImplementedException();
}
