namespace Bidui.Matching.Support;

/// <summary>
/// Interns one column's cells, remembering the last one: exports list rows by school, class, village
/// or payment batch, so most cells equal the previous row's and are found by one span comparison
/// instead of a hash lookup.
/// </summary>
internal sealed class InternMemo(TextPool pool)
{
    private string _last = string.Empty;

    /// <summary>The pooled string of the trimmed cell; the same reference for the same text.</summary>
    public string Intern(ReadOnlySpan<char> cell)
    {
        var trimmed = cell.Trim();
        if (trimmed.SequenceEqual(_last))
            return _last;
        return _last = pool.Intern(trimmed);
    }
}

/// <summary>
/// Shares one string among consecutive equal cells without pooling them all: a household's 户编号
/// repeats on its two to six rows, but two million of them need not live in a dictionary.
/// </summary>
internal sealed class RepeatMemo
{
    private string _last = string.Empty;

    public string Text(ReadOnlySpan<char> cell)
    {
        var trimmed = cell.Trim();
        return trimmed.SequenceEqual(_last) ? _last : _last = trimmed.ToString();
    }
}
