namespace Bidui.Inputs;

/// <summary>
/// An input file with its header row located and its columns bound to a <see cref="DatasetSchema"/>.
/// After <see cref="Open"/> call <see cref="ReadRow"/> to move to the first row below the header; until
/// then the reader's current row is unspecified.
/// </summary>
public sealed class BoundTable : IDisposable
{
    /// <summary>How many rows from the top may hold titles and notes before the header.</summary>
    public const int MaxHeaderScanRows = 200;

    private readonly Dictionary<string, int> _ordinals;

    private BoundTable(ITabularReader reader, DatasetSchema schema, int headerRowNumber, int headerRowCount, IReadOnlyList<string> headersFound, Dictionary<string, int> ordinals)
    {
        Reader = reader;
        Schema = schema;
        HeaderRowNumber = headerRowNumber;
        HeaderRowCount = headerRowCount;
        HeadersFound = headersFound;
        _ordinals = ordinals;
    }

    /// <summary>
    /// Opens the file, finds the header (first row holding at least two recognised names — see
    /// <see cref="DatasetSchema.HeaderMinimum"/> — within
    /// the first <see cref="MaxHeaderScanRows"/> rows) and binds the columns.
    /// </summary>
    /// <exception cref="InputFileException">Unreadable or corrupt file, sheet not found, empty file,
    /// no header found, or a required column missing.</exception>
    public static BoundTable Open(string path, DatasetSchema schema, string? sheetName = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var reader = TabularFile.Open(path, sheetName);
        try
        {
            var table = Bind(reader, schema);
            reader = null;
            return table;
        }
        finally
        {
            reader?.Dispose();
        }
    }

    public ITabularReader Reader { get; }

    public DatasetSchema Schema { get; }

    /// <summary>Row number of the header as Excel/WPS shows it (its first row when it spans two).</summary>
    public int HeaderRowNumber { get; }

    /// <summary>
    /// 1, or 2 when the names continue on the row below (merged header cells); data rows start at
    /// <see cref="HeaderRowNumber"/> + <see cref="HeaderRowCount"/> at the earliest.
    /// </summary>
    public int HeaderRowCount { get; }

    /// <summary>
    /// The header cells as found (trimmed), in column order; "" for empty cells, so the index is the
    /// ordinal. With a two-row header, the lower row's text where it has one.
    /// </summary>
    public IReadOnlyList<string> HeadersFound { get; }

    /// <summary>
    /// Ordinal of a column; -1 when the column is absent. Takes the canonical name (an alias of the
    /// schema works too, e.g. 证件类型 for 身份证件类型).
    /// </summary>
    public int Ordinal(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        if (_ordinals.TryGetValue(canonical, out int ordinal))
        {
            return ordinal;
        }

        var resolved = Schema.Lookup(DatasetSchema.NormalizeHeader(canonical)).Canonical;
        return resolved is not null && _ordinals.TryGetValue(resolved, out ordinal) ? ordinal : -1;
    }

    /// <summary>Next row after the header, blank rows included (the caller counts them).</summary>
    public bool ReadRow() => Reader.Read();

    public void Dispose() => Reader.Dispose();

    private static BoundTable Bind(ITabularReader reader, DatasetSchema schema)
    {
        bool anyContent = false;
        int scanned = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (scanned < MaxHeaderScanRows && reader.Read())
        {
            scanned++;
            if (reader.IsBlank)
            {
                continue;
            }

            anyContent = true;
            seen.Clear();
            for (int i = 0; i < reader.FieldCount; i++)
            {
                var canonical = schema.Recognize(reader.GetString(i));
                if (canonical is not null)
                {
                    seen.Add(canonical);
                }
            }

            if (seen.Count >= schema.HeaderMinimum)
            {
                return BindHeader(reader, schema);
            }
        }

        if (!anyContent && !reader.Read())
        {
            throw InputErrors.EmptyFile(reader.FilePath, reader.SheetName);
        }

        throw InputErrors.NoHeader(reader.FilePath, reader.SheetName, schema, scanned);
    }

    private static BoundTable BindHeader(ITabularReader reader, DatasetSchema schema)
    {
        int headerRow = reader.RowNumber;
        var headers = new string[reader.FieldCount];
        for (int i = 0; i < headers.Length; i++)
        {
            headers[i] = reader.GetString(i).Trim();
        }

        // Peek at the next row: under merged header cells the names may continue one row down.
        var table = new LookaheadReader(reader);
        int headerRowCount = 1;
        if (reader.Read())
        {
            if (TryMergeSubHeader(reader, schema, ref headers))
            {
                headerRowCount = 2;
            }
            else
            {
                table.ReplayCurrentRow();
            }
        }

        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var boundByCanonical = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < headers.Length; i++)
        {
            var (canonical, isCanonical) = schema.Lookup(DatasetSchema.NormalizeHeader(headers[i]));
            if (canonical is null)
            {
                continue;
            }

            // The canonical name beats an alias; otherwise the first column wins.
            if (!ordinals.ContainsKey(canonical) || (isCanonical && !boundByCanonical.Contains(canonical)))
            {
                ordinals[canonical] = i;
                if (isCanonical)
                {
                    boundByCanonical.Add(canonical);
                }
            }
        }

        var missing = new List<IReadOnlyList<string>>();
        foreach (var group in schema.RequiredGroups)
        {
            bool present = false;
            foreach (var canonical in group)
            {
                present |= ordinals.ContainsKey(canonical);
            }

            if (!present)
            {
                missing.Add(group);
            }
        }

        if (missing.Count > 0)
        {
            throw InputErrors.MissingColumns(reader.FilePath, reader.SheetName, schema, headerRow, missing, headers);
        }

        return new BoundTable(table, schema, headerRow, headerRowCount, headers, ordinals);
    }

    /// <summary>
    /// A two-row header (a group label merged across columns above, names below; names merged down
    /// the two rows elsewhere) shows as a second row that holds recognised names only where the first
    /// row has none, and nothing under the names already found. A data row always has values there.
    /// </summary>
    private static bool TryMergeSubHeader(ITabularReader reader, DatasetSchema schema, ref string[] headers)
    {
        if (reader.IsBlank)
        {
            return false;
        }

        bool addsName = false;
        for (int i = 0; i < reader.FieldCount; i++)
        {
            var cell = reader.GetString(i);
            if (string.IsNullOrWhiteSpace(cell))
            {
                continue;
            }

            if (i < headers.Length && schema.Recognize(headers[i]) is not null)
            {
                return false;
            }

            addsName |= schema.Recognize(cell) is not null;
        }

        if (!addsName)
        {
            return false;
        }

        var merged = new string[Math.Max(headers.Length, reader.FieldCount)];
        for (int i = 0; i < merged.Length; i++)
        {
            var below = reader.GetString(i).Trim();
            merged[i] = below.Length > 0 ? below : i < headers.Length ? headers[i] : string.Empty;
        }

        headers = merged;
        return true;
    }

    /// <summary>Hands back the row read while looking for a second header row, then reads on.</summary>
    private sealed class LookaheadReader(ITabularReader inner) : ITabularReader
    {
        private bool _replay;

        public string FilePath => inner.FilePath;

        public string FormatName => inner.FormatName;

        public string? SheetName => inner.SheetName;

        public int RowNumber => inner.RowNumber;

        public int FieldCount => inner.FieldCount;

        public bool IsBlank => inner.IsBlank;

        /// <summary>The inner reader already stands on the next row: the next <see cref="Read"/> only reveals it.</summary>
        public void ReplayCurrentRow() => _replay = true;

        public bool Read()
        {
            if (_replay)
            {
                _replay = false;
                return true;
            }

            return inner.Read();
        }

        public string GetString(int ordinal) => inner.GetString(ordinal);

        public ReadOnlySpan<char> GetSpan(int ordinal) => inner.GetSpan(ordinal);

        public void Dispose() => inner.Dispose();
    }
}
