namespace Bidui.Core.Schooling;

public readonly record struct SchoolingStatement(StatementKind Kind, SchoolStage Stage)
{
    public static SchoolingStatement Parse(ReadOnlySpan<char> cell) => throw new NotImplementedException();
}
