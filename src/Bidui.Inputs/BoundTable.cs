namespace Bidui.Inputs;

/// <summary>
/// An input file with its header row located and its columns bound to a <see cref="DatasetSchema"/>.
/// After <see cref="Open"/> the reader stands on the header row; <see cref="ReadRow"/> moves to the rows below.
/// </summary>
public sealed class BoundTable : IDisposable
{
    /// <summary>How many rows from the top may hold titles and notes before the header.</summary>
    public const int MaxHeaderScanRows = 200;

    private readonly Dictionary<string, int> _ordinals;

    private BoundTable(ITabularReader reader, DatasetSchema schema, int headerRowNumber, IReadOnlyList<string> headersFound, Dictionary<string, int> ordinals)
    {
        Reader = reader;
        Schema = schema;
        HeaderRowNumber = headerRowNumber;
        HeadersFound = headersFound;
        _ordinals = ordinals;
    }

    /// <summary>
    /// Opens the file, finds the header (first row holding at least two recognised names, within
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

    /// <summary>Row number of the header as Excel/WPS shows it.</summary>
    public int HeaderRowNumber { get; }

    /// <summary>The header row's cells as found (trimmed), in column order; "" for empty cells, so the index is the ordinal.</summary>
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

            if (seen.Count >= 2)
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
        var headers = new string[reader.FieldCount];
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var boundByCanonical = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < headers.Length; i++)
        {
            headers[i] = reader.GetString(i).Trim();
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
            throw InputErrors.MissingColumns(reader.FilePath, reader.SheetName, schema, reader.RowNumber, missing, headers);
        }

        return new BoundTable(reader, schema, reader.RowNumber, headers, ordinals);
    }
}
