namespace Bidui.Pipeline;

/// <summary>
/// The output folder, replaced whole (SPEC §5): a run writes its results into a hidden folder beside
/// it and, only once they are complete, swaps the two folders, so that at every instant the output
/// folder holds either the previous run's complete results or this run's. Files in it that Bidui did
/// not write are carried over into the new folder.
/// </summary>
/// <remarks>
/// Beside <c>结果</c> (all hidden, removed when done):
/// <c>.结果.lock</c> — held while a run uses the folder, so that a second run into it stops at once;
/// <c>.结果.new-ID</c> — the new results; <c>.结果.new-ID-partitions</c> — a partitioned run's temporary files;
/// <c>.结果.commit-ID</c> — written when the swap begins, listing the carried-over files: a run killed
/// during the swap is completed or undone from it by the next run (<see cref="Recover"/>);
/// <c>.结果.old-ID</c> — the previous results between the swap and their removal.
/// Before anything is moved, every file in the folder is opened exclusively: a file held open by
/// another program (a workbook in Excel or WPS on Windows) stops the run with its name, the folder untouched.
/// </remarks>
internal sealed class OutputStaging : IDisposable
{
    private const string JournalMarker = ".commit-";

    private readonly string _target;
    private readonly string _parent;
    private readonly string _name;
    private readonly string _id = $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..24];
    private readonly FileStream _lock;
    private readonly HashSet<string> _inputs;
    private bool _committed;

    /// <param name="inputs">Every input file: one inside the output folder where a result would replace it is refused.</param>
    /// <exception cref="CompareRequestException">The output folder is a file, or an input would be overwritten.</exception>
    /// <exception cref="OutputFolderException">Another run is writing into the folder, or it cannot be written.</exception>
    public OutputStaging(string outputDirectory, IEnumerable<string> inputs)
    {
        _target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        _name = Path.GetFileName(_target);
        _parent = Path.GetDirectoryName(_target) ?? throw new CompareRequestException($"不能把磁盘的根目录“{_target}”用作结果输出目录：请指定其中的一个文件夹。");
        if (File.Exists(_target))
            throw new CompareRequestException($"--out 指定的“{_target}”是一个文件，不是文件夹。请指定一个文件夹（不存在时会自动创建）来存放比对结果。");
        _inputs = inputs.Select(Path.GetFullPath).ToHashSet();
        foreach (var input in _inputs)
            RefuseInputReplacedByResult(input);

        OutputErrors.Guard(_target, () => Directory.CreateDirectory(_parent));
        _lock = AcquireLock();
        try
        {
            Recover();
            Root = Path.Combine(_parent, $".{_name}.new-{_id}");
            OutputErrors.Guard(_target, () => Hide(Directory.CreateDirectory(Root)));
        }
        catch
        {
            _lock.Dispose();
            throw;
        }
    }

    /// <summary>Where the job writes; becomes the output folder in <see cref="Commit"/>.</summary>
    public string Root { get; } = "";

    /// <summary>A scratch folder beside <see cref="Root"/> (never inside: all that is inside is committed).</summary>
    public string ScratchFolder => Root + "-partitions";

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Replaces the previous results with this run's, whole. Call once everything is written.</summary>
    public void Commit()
    {
        if (Directory.Exists(_target))
            RefuseWhileAnyFileIsOpen();

        string journal = Path.Combine(_parent, $".{_name}{JournalMarker}{_id}");
        string aside = Path.Combine(_parent, $".{_name}.old-{_id}");
        var carried = Directory.Exists(_target)
            ? Directory.EnumerateFileSystemEntries(_target).Select(Path.GetFileName).OfType<string>().Where(n => !ResultFiles.IsResultName(n)).ToList()
            : [];
        OutputErrors.Guard(_target, () =>
        {
            File.WriteAllLines(journal, carried);
            Hide(new FileInfo(journal));
        });

        var moved = new List<string>();
        try
        {
            foreach (var name in carried)
            {
                Move(Path.Combine(_target, name), Path.Combine(Root, name));
                moved.Add(name);
            }
            if (Directory.Exists(_target))
                Move(_target, aside);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var name in moved)
                Move(Path.Combine(Root, name), Path.Combine(_target, name));
            File.Delete(journal);
            throw OutputErrors.CannotReplace(_target, e);
        }

        try
        {
            Move(Root, _target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (Directory.Exists(aside))
                Move(aside, _target);
            foreach (var name in moved)
                Move(Path.Combine(Root, name), Path.Combine(_target, name));
            File.Delete(journal);
            throw OutputErrors.CannotReplace(_target, e);
        }
        Unhide(_target);
        _committed = true;
        File.Delete(journal);
        TryDeleteDirectory(aside);
    }

    public void Dispose()
    {
        if (!_committed)
            TryDeleteDirectory(Root);
        TryDeleteDirectory(ScratchFolder);
        _lock.Dispose();
    }

    /// <summary>
    /// Completes or undoes what a killed run left beside the folder (only ever called under the lock,
    /// so nothing found belongs to a live run): a swap that had begun is finished when the old folder
    /// is already aside, else undone; every other leftover is removed.
    /// </summary>
    private void Recover()
    {
        string prefix = $".{_name}.";
        foreach (var journal in Directory.EnumerateFiles(_parent, prefix + JournalMarker[1..] + "*"))
        {
            string id = Path.GetFileName(journal)[(prefix.Length + JournalMarker.Length - 1)..];
            string fresh = Path.Combine(_parent, $"{prefix}new-{id}"), aside = Path.Combine(_parent, $"{prefix}old-{id}");
            if (!Directory.Exists(_target))
            {
                if (Directory.Exists(fresh))
                    Move(fresh, _target);
                else if (Directory.Exists(aside))
                    Move(aside, _target);
                Unhide(_target);
            }
            else if (Directory.Exists(fresh))
            {
                foreach (var name in File.ReadAllLines(journal).Where(n => n.Length > 0))
                {
                    string from = Path.Combine(fresh, name), to = Path.Combine(_target, name);
                    if (Path.Exists(from) && !Path.Exists(to))
                        Move(from, to);
                }
            }
            TryDeleteDirectory(fresh);
            TryDeleteDirectory(aside);
            File.Delete(journal);
        }
        foreach (var leftover in Directory.EnumerateDirectories(_parent, prefix + "*"))
        {
            string kind = Path.GetFileName(leftover)[prefix.Length..];
            if (kind.StartsWith("old-", StringComparison.Ordinal) && !Directory.Exists(_target))
                Move(leftover, _target); // a swap killed before its journal existed cannot be: kept for safety
            else if (kind.StartsWith("new-", StringComparison.Ordinal) || kind.StartsWith("old-", StringComparison.Ordinal)
                || kind.StartsWith("partial-", StringComparison.Ordinal))
                TryDeleteDirectory(leftover);
        }
    }

    private FileStream AcquireLock()
    {
        string path = Path.Combine(_parent, $".{_name}.lock");
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            Hide(new FileInfo(path));
            return stream;
        }
        catch (IOException e) when (OutputErrors.IsInUse(e))
        {
            throw new OutputFolderException($"另一个比对正在向“{_target}”写出结果。请等它结束后再运行，或为这次比对指定另一个输出目录（--out）。", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputErrors.CannotWrite(_target, e);
        }
    }

    /// <summary>The swap moves the whole folder: a file another program holds open (Excel, WPS) would stop it halfway on Windows.</summary>
    private void RefuseWhileAnyFileIsOpen()
    {
        foreach (var file in Directory.EnumerateFiles(_target, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            if (_inputs.Contains(file))
                continue; // this run's own input, open for reading (so that it can be moved)
            try
            {
                using var _ = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None, 1);
            }
            catch (Exception e) when (e is IOException and not (FileNotFoundException or DirectoryNotFoundException))
            {
                throw new OutputFolderException(
                    $"结果文件“{Path.GetRelativePath(_target, file)}”（在“{_target}”中）正被其他程序（例如 Excel 或 WPS）打开，无法替换。"
                    + "请关闭该文件后重新运行。原有结果保持不变，这次的结果没有写出。", e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw OutputErrors.CannotReplace(_target, e);
            }
        }
    }

    private void RefuseInputReplacedByResult(string full)
    {
        string relative = Path.GetRelativePath(_target, full);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            return;
        string first = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar])[0];
        if (ResultFiles.IsResultName(first))
            throw new CompareRequestException(
                $"输入文件“{full}”位于结果输出目录“{_target}”中，且与比对结果同名（{first}），会被这次的结果替换。请把它移到输出目录以外，或指定另一个输出目录（--out）。");
    }

    /// <summary>A rename, retried briefly: on Windows a virus scanner may hold a new file for a moment.</summary>
    private static void Move(string from, string to)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(from)) Directory.Move(from, to);
                else File.Move(from, to);
                return;
            }
            catch (IOException) when (attempt < 5 && OperatingSystem.IsWindows())
            {
                Thread.Sleep(100 * attempt);
            }
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A hidden leftover holds no complete result; the next run into this folder removes it.
        }
    }

    private static void Hide(FileSystemInfo entry)
    {
        if (OperatingSystem.IsWindows())
            entry.Attributes |= FileAttributes.Hidden;
    }

    private static void Unhide(string directory)
    {
        if (OperatingSystem.IsWindows() && Directory.Exists(directory))
        {
            var info = new DirectoryInfo(directory);
            info.Attributes &= ~FileAttributes.Hidden;
        }
    }
}

/// <summary>The output folder cannot be used as asked (another run holds it, a file in it is open, no permission …).</summary>
public sealed class OutputFolderException(string message, Exception? inner = null) : Exception(message, inner);
