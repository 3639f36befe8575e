using Bidui.Core.Text;

namespace Bidui.Core.Schooling;

public static class EnrollmentStatus
{
    /// <summary>SPEC 1.1 学籍状态: 在读, 在籍, 在校, 休学 or an empty cell count as enrolled; anything else does not.</summary>
    public static bool IsEnrolled(ReadOnlySpan<char> cell)
    {
        string? holder = null;
        Span<char> nfkcBuffer = stackalloc char[Nfkc.StackLimit];
        return Nfkc.ApplyTrim(cell, nfkcBuffer, ref holder) is "" or "在读" or "在籍" or "在校" or "休学";
    }
}
