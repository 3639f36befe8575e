using System.Text;

namespace Bidui.Inputs.Tests;

/// <summary>Fixture paths and throw-away files for one test class.</summary>
public sealed class TestFiles : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bidui-inputs-" + Guid.NewGuid().ToString("N"));

    public TestFiles() => Directory.CreateDirectory(_dir);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string WriteText(string name, string text, Encoding? encoding = null) =>
        Write(name, (encoding ?? new UTF8Encoding(false)).GetBytes(text));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

internal static class ReaderExtensions
{
    /// <summary>All rows as (row number, cells), for assertions on small files.</summary>
    public static List<(int Row, string[] Cells, bool Blank)> ReadAll(this ITabularReader reader)
    {
        var rows = new List<(int, string[], bool)>();
        while (reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (int i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            rows.Add((reader.RowNumber, cells, reader.IsBlank));
        }

        return rows;
    }
}
