namespace Bidui.Core.Schooling;

public static class EnrollmentStatus
{
    public static bool IsEnrolled(ReadOnlySpan<char> cell) => throw new NotImplementedException();
}
