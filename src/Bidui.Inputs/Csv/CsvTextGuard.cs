using System.Buffers;

namespace Bidui.Inputs.Csv;

/// <summary>What <see cref="CsvTextGuard"/> found wrong, and where (in characters from the start of the text).</summary>
internal enum CsvTextProblem
{
    /// <summary>A byte sequence the detected encoding cannot decode (shown as U+FFFD).</summary>
    Undecodable,
    TooManyColumns,
    CellTooLong,
}

internal sealed class CsvTextGuardException(CsvTextProblem problem, long offset) : Exception
{
    public CsvTextProblem Problem { get; } = problem;

    /// <summary>Characters of text before the problem.</summary>
    public long Offset { get; } = offset;
}

/// <summary>
/// The text between the decoder and the CSV parser. It makes every line end one the parser knows —
/// a bare CR becomes LF, as Excel and WPS read it, so that no row is merged into the next in a file
/// whose lines end in CRLF, LF and CR mixed — and it bounds the work of any line: a line with more
/// columns or a cell with more characters than Excel allows is refused before the parser sees it
/// (Sylvan grows its field table by 32 entries at a time: a line of half a million empty cells took
/// minutes), and so is a character the decoder could not decode, wherever in the file it is.
/// The checks look at a block of text at a time with vectorised searches; only a block that may
/// break a bound is looked at line by line. Quotes are ignored here, which only ever counts fewer
/// cells and shorter cells than there are; the exact row and column of a problem are found afterwards
/// by <see cref="CsvLocator"/>. (So a line whose quoted cells hold more than 16,384 delimiters between
/// them is refused too: no real export has one.)
/// </summary>
internal sealed class CsvTextGuard(TextReader inner, char delimiter, bool checkDecoding) : TextReader
{
    // A cell's text between its separators, with the two quotes around it.
    private const int MaxCellRun = InputLimits.MaxCellChars + 2;

    // A block no longer than that: a cell too long then always reaches a block's end.
    private const int Block = MaxCellRun;

    private readonly SearchValues<char> _separators = SearchValues.Create([delimiter, '\n']);
    private long _offset;
    private int _columnsInLine = 1;
    private int _cellChars;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        int n = inner.Read(buffer);
        if (n == 0)
        {
            return 0;
        }

        var text = buffer[..n];
        NormaliseLineEnds(text);
        for (int start = 0; start < text.Length; start += Block)
        {
            Check(text.Slice(start, Math.Min(Block, text.Length - start)), _offset + start);
        }

        _offset += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>A CR not followed by LF ends a line, as in Excel: it becomes LF (same length, so offsets hold).</summary>
    private void NormaliseLineEnds(Span<char> text)
    {
        int i = text.IndexOf('\r');
        while (i >= 0)
        {
            int next = i + 1 < text.Length ? text[i + 1] : inner.Peek();
            if (next != '\n')
            {
                text[i] = '\n';
            }

            int more = text[(i + 1)..].IndexOf('\r');
            i = more < 0 ? -1 : i + 1 + more;
        }
    }

    private void Check(ReadOnlySpan<char> block, long offset)
    {
        if (checkDecoding && block.IndexOf('\uFFFD') is var bad and >= 0)
        {
            throw new CsvTextGuardException(CsvTextProblem.Undecodable, offset + bad);
        }

        // Cells: the run of characters since the last separator, carried across blocks.
        int first = block.IndexOfAny(_separators);
        if (first < 0)
        {
            if (_cellChars + block.Length > MaxCellRun)
            {
                throw new CsvTextGuardException(CsvTextProblem.CellTooLong, offset + MaxCellRun - _cellChars);
            }

            _cellChars += block.Length;
            return; // no delimiter and no line end: the column count is unchanged
        }

        if (_cellChars + first > MaxCellRun)
        {
            throw new CsvTextGuardException(CsvTextProblem.CellTooLong, offset + MaxCellRun - _cellChars);
        }

        _cellChars = block.Length - 1 - block.LastIndexOfAny(_separators);

        // Columns: delimiters since the last line end. A block with fewer delimiters than the limit can
        // only break it in the line it continues; any other block is counted line by line.
        int delimiters = block.Count(delimiter);
        if (delimiters + _columnsInLine <= InputLimits.MaxColumns)
        {
            int lastLineEnd = block.LastIndexOf('\n');
            _columnsInLine = lastLineEnd < 0 ? _columnsInLine + delimiters : 1 + block[(lastLineEnd + 1)..].Count(delimiter);
            return;
        }

        int lineStart = 0;
        while (lineStart <= block.Length)
        {
            int end = block[lineStart..].IndexOf('\n');
            var line = end < 0 ? block[lineStart..] : block.Slice(lineStart, end);
            int count = line.Count(delimiter);
            if (_columnsInLine + count > InputLimits.MaxColumns)
            {
                throw new CsvTextGuardException(CsvTextProblem.TooManyColumns, offset + lineStart + NthIndex(line, delimiter, InputLimits.MaxColumns - _columnsInLine));
            }

            if (end < 0)
            {
                _columnsInLine += count;
                break;
            }

            _columnsInLine = 1;
            lineStart += end + 1;
        }
    }

    /// <summary>Where the <paramref name="n"/>-th (0-based) <paramref name="c"/> is in <paramref name="text"/>.</summary>
    private static int NthIndex(ReadOnlySpan<char> text, char c, int n)
    {
        int at = -1;
        for (int seen = 0; seen <= n; seen++)
        {
            at += 1 + text[(at + 1)..].IndexOf(c);
        }

        return at;
    }
}
