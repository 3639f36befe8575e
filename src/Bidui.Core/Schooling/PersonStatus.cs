namespace Bidui.Core.Schooling;

public static class PersonStatus
{
    /// <summary>SPEC 1.2: 人员状态 containing 死亡 or 注销 marks a person as deceased/removed.</summary>
    public static bool IsDeceasedOrRemoved(ReadOnlySpan<char> cell) =>
        cell.Contains("死亡", StringComparison.Ordinal) || cell.Contains("注销", StringComparison.Ordinal);
}
