using Sylvan.Data.Csv;

namespace Bidui.Inputs.Csv;

/// <summary>
/// Delimited text read record by record through Sylvan, never whole. Every record is a row, blank lines
/// included, so that <see cref="RowNumber"/> is the row Excel/WPS shows; a quoted cell holding line
/// breaks stays one record, as in Excel.
/// </summary>
internal sealed class CsvTabularReader : ITabularReader
{
    // Enough to decide the delimiter; the encoding check uses the larger sample.
    private const int DelimiterSampleBytes = 64 * 1024;

    private readonly CsvDataReader _csv;
    private readonly DetectedEncoding _encoding;
    private int _rowNumber;
    private int _fieldCount;
    private int _blank = -1; // -1 unknown, 0 no, 1 yes: computed once per row on demand

    private CsvTabularReader(string filePath, DetectedEncoding encoding, char delimiter, CsvDataReader csv)
    {
        FilePath = filePath;
        FormatName = $"CSV ({encoding.Label})";
        Delimiter = delimiter;
        _encoding = encoding;
        _csv = csv;
    }

    public string FilePath { get; }

    public string FormatName { get; }

    public string? SheetName => null;

    /// <summary>The detected field delimiter.</summary>
    public char Delimiter { get; }

    public int RowNumber => _rowNumber;

    public int FieldCount => _fieldCount;

    public bool IsBlank
    {
        get
        {
            if (_blank < 0)
            {
                _blank = ComputeBlank() ? 1 : 0;
            }

            return _blank == 1;
        }
    }

    /// <summary>Takes ownership of <paramref name="stream"/> (a seekable file stream positioned anywhere).</summary>
    internal static CsvTabularReader Open(FileStream stream, string path)
    {
        var sample = new byte[(int)Math.Min(stream.Length, TextEncodingDetector.SampleSize)];
        stream.Position = 0;
        stream.ReadExactly(sample);
        bool whole = sample.Length == stream.Length;
        var detected = TextEncodingDetector.Detect(sample, whole);

        var head = sample.AsSpan(detected.PreambleLength);
        head = head[..Math.Min(head.Length, DelimiterSampleBytes)];
        var decoder = detected.Encoding.GetDecoder();
        var chars = new char[detected.Encoding.GetMaxCharCount(head.Length)];
        // flush: false so a character cut at the sample's end is dropped rather than replaced.
        int charCount = decoder.GetChars(head, chars, flush: false);
        var text = chars.AsSpan(0, charCount);

        if (MarkupSniffer.LooksLikeMarkup(text))
        {
            throw InputErrors.MarkupNotSpreadsheet(path);
        }

        char delimiter = DelimiterDetector.Detect(text);

        stream.Position = detected.PreambleLength;
        var textReader = new CsvTextGuard(
            new StreamReader(stream, detected.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: false),
            delimiter, checkDecoding: true);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = delimiter,
            // Sylvan skips lines starting with the comment character ('#' by default), which would drop
            // rows and shift row numbers. A lone surrogate never comes out of a decoder, so no line matches.
            Comment = '\uDFFF',
            // A record may grow the buffer this far (cells are bounded by the guard, a record by this).
            MaxBufferSize = InputLimits.MaxRecordChars,
            OwnsReader = true,
        };

        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(textReader, options);
        }
        catch (Exception ex) when (ex is CsvFormatException or IOException or InvalidOperationException or CsvTextGuardException)
        {
            textReader.Dispose();
            throw Failure(path, detected, delimiter, 1, ex);
        }

        return new CsvTabularReader(path, detected, delimiter, csv);
    }

    public bool Read()
    {
        bool more;
        try
        {
            more = _csv.Read();
        }
        catch (Exception ex) when (ex is CsvFormatException or IOException or InvalidOperationException or CsvTextGuardException)
        {
            throw Failure(FilePath, _encoding, Delimiter, _rowNumber + 1, ex);
        }

        if (!more)
        {
            _fieldCount = 0;
            _blank = 1;
            return false;
        }

        _rowNumber++;
        // Sylvan's FieldCount is fixed by the first record; the current record's own count is RowFieldCount.
        _fieldCount = _csv.RowFieldCount;
        _blank = -1;
        return true;
    }

    public ReadOnlySpan<char> GetSpan(int ordinal) =>
        (uint)ordinal < (uint)_fieldCount ? _csv.GetFieldSpan(ordinal) : [];

    public string GetString(int ordinal)
    {
        if ((uint)ordinal >= (uint)_fieldCount)
        {
            return string.Empty;
        }

        var span = _csv.GetFieldSpan(ordinal);
        return span.IsEmpty ? string.Empty : span.ToString();
    }

    public void Dispose() => _csv.Dispose();

    /// <param name="row">The record being read when the parser failed.</param>
    private static InputFileException Failure(string path, DetectedEncoding encoding, char delimiter, int row, Exception ex)
    {
        if (ex is CsvRecordTooLargeException)
        {
            return InputErrors.CsvRecordTooLong(path, row, ex);
        }

        if (ex is not CsvTextGuardException guard)
        {
            return InputErrors.CsvMalformed(path, row, ex);
        }

        // The guard reads ahead of the parser: find the record the offending character belongs to.
        var (at, column) = CsvLocator.Locate(path, encoding.Encoding, encoding.PreambleLength, delimiter, guard.Offset);
        return guard.Problem switch
        {
            CsvTextProblem.Undecodable => InputErrors.Undecodable(path, encoding.Label, at, column),
            CsvTextProblem.TooManyColumns => InputErrors.TooManyColumns(path, at),
            _ => InputErrors.CellTooLong(path, at, column),
        };
    }

    private bool ComputeBlank()
    {
        for (int i = 0; i < _fieldCount; i++)
        {
            if (!_csv.GetFieldSpan(i).IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }
}
