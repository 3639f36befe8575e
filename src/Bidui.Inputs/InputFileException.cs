namespace Bidui.Inputs;

/// <summary>
/// An input file that cannot be used as given. The message is Chinese, names the file
/// (and row/column when known) and says what to do; callers map it to exit status 2.
/// </summary>
public sealed class InputFileException : Exception
{
    public InputFileException(string message, string filePath, int? row = null, string? column = null, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
        Row = row;
        Column = column;
    }

    public string FilePath { get; }

    /// <summary>Row as Excel/WPS shows it, when the problem sits on one row.</summary>
    public int? Row { get; }

    /// <summary>Column name (canonical or as found), when the problem concerns one column.</summary>
    public string? Column { get; }
}
