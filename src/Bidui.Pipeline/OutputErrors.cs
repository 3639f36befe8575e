namespace Bidui.Pipeline;

/// <summary>
/// Failures of the file system told in Chinese, with what to do: .NET's own messages are English and
/// name no remedy. <see cref="Describe"/> is also what the command line shows for such a failure anywhere.
/// </summary>
public static class OutputErrors
{
    // HRESULTs on Windows; on Unix .NET puts the errno in HResult.
    private const int ErrorDiskFull = unchecked((int)0x80070070), ErrorHandleDiskFull = unchecked((int)0x80070027);
    private const int ErrorSharingViolation = unchecked((int)0x80070020), ErrorLockViolation = unchecked((int)0x80070021);
    private const int ErrorWriteProtect = unchecked((int)0x80070013);
    private const int Enospc = 28, Erofs = 30, Edquot = 122;

    public static bool IsDiskFull(IOException e) =>
        e.HResult is ErrorDiskFull or ErrorHandleDiskFull || (!OperatingSystem.IsWindows() && e.HResult is Enospc or Edquot);

    /// <summary>Another process holds the file (on Unix: another .NET process's lock on it).</summary>
    public static bool IsInUse(IOException e) =>
        e.HResult is ErrorSharingViolation or ErrorLockViolation || (!OperatingSystem.IsWindows() && e.HResult is 11 or 35);

    /// <summary>What went wrong, in Chinese, when it is one of the failures a person can remedy; else null.</summary>
    public static string? Describe(Exception e) => e switch
    {
        IOException io when IsDiskFull(io) => "磁盘空间不足，无法写完结果或临时文件。请清理磁盘空间（或用 --out 指定空间更大的磁盘上的目录）后重新运行",
        IOException io when io.HResult == ErrorWriteProtect || (!OperatingSystem.IsWindows() && io.HResult == Erofs)
            => "要写入的磁盘或目录是只读的。请用 --out 指定一个可以写入的目录后重新运行",
        UnauthorizedAccessException => "没有写入权限（目录或文件只读，或当前用户无权修改）。请用 --out 指定一个有写入权限的目录，或请管理员授予权限后重新运行",
        PathTooLongException => "路径太长，超过了系统允许的长度。请使用较短的目录路径后重新运行",
        IOException io when IsInUse(io) => "有文件正被其他程序（例如 Excel 或 WPS）打开，无法写入。请关闭相关文件后重新运行",
        OutOfMemoryException or InsufficientExecutionStackException => "内存不足，比对无法完成。请关闭其他程序后重新运行；数据很大时可加 --exact-only --memory-limit 4GB（按可用内存填写），分区比对",
        _ => null,
    };

    internal static void Guard(string folder, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(folder, e);
        }
    }

    internal static OutputFolderException CannotWrite(string folder, Exception e) =>
        new($"无法在结果输出目录“{folder}”所在位置写入：{Describe(e) ?? "请检查该目录是否存在、是否有写入权限、磁盘是否可用后重新运行"}。", e);

    internal static OutputFolderException CannotReplace(string folder, Exception e) =>
        new($"无法用这次的结果替换“{folder}”中原有的结果：{Describe(e) ?? "可能有程序（例如资源管理器、命令行窗口或杀毒软件）正在使用该目录。请关闭后重新运行"}。原有结果保持不变。", e);
}
