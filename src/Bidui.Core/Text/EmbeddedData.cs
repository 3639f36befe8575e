namespace Bidui.Core.Text;

/// <summary>Opens the data files embedded in this assembly.</summary>
internal static class EmbeddedData
{
    public static StreamReader Open(string logicalName)
    {
        Stream stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"Embedded resource {logicalName} is missing from Bidui.Core.");
        return new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>Data lines of a text resource: comment lines (#) and empty lines skipped.</summary>
    public static IEnumerable<string> Lines(string logicalName)
    {
        using StreamReader reader = Open(logicalName);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
                yield return line;
        }
    }
}
