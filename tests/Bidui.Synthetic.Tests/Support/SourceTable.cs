using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Bidui.Synthetic.Tests.Support;

/// <summary>One cell as a person would see it: its text, and whether the workbook stored it as a number or date.</summary>
public readonly record struct SourceCell(string Text, bool Numeric)
{
    public bool IsEmpty => Text.Length == 0;
}

/// <summary>A generated input file read back row by row with the row numbers of SPEC 5 (test-side reader, independent of the engine).</summary>
public sealed class SourceTable
{
    private SourceTable(List<(int Row, SourceCell[] Cells)> rows) => Rows = rows;

    /// <summary>Every row that holds a value, with its sheet row / CSV record number, in file order.</summary>
    public List<(int Row, SourceCell[] Cells)> Rows { get; }

    /// <summary>Sheet row / record count including rows that hold nothing.</summary>
    public int LastRecord { get; private init; }

    /// <summary>The first row holding at least two of the given names (after removing decorations).</summary>
    public (int Row, string[] Names) Header(params string[] known)
    {
        foreach (var (row, cells) in Rows)
        {
            var names = cells.Select(c => NormalizeHeader(c.Text)).ToArray();
            if (names.Count(n => known.Contains(n)) >= 2)
            {
                return (row, names);
            }
        }

        throw new InvalidOperationException("No header row.");
    }

    public static string NormalizeHeader(string text)
    {
        var sb = new StringBuilder();
        int depth = 0;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (c is '(' or '（')
            {
                depth++;
            }
            else if (c is ')' or '）')
            {
                depth--;
            }
            else if (depth == 0 && c != '*' && !char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    public static SourceTable ReadXlsx(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry("xl/worksheets/sheet1.xml") ?? throw new InvalidOperationException("No sheet1.xml");
        using var stream = entry.Open();
        using var xml = XmlReader.Create(stream);
        var rows = new List<(int, SourceCell[])>();
        int last = 0;
        List<SourceCell>? cells = null;
        int rowNumber = 0;
        bool numeric = false;
        var text = new StringBuilder();
        bool inCell = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "row")
            {
                rowNumber = int.Parse(xml.GetAttribute("r")!, CultureInfo.InvariantCulture);
                last = rowNumber;
                cells = [];
                if (xml.IsEmptyElement)
                {
                    cells = null;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "row")
            {
                if (cells is not null && cells.Any(c => !c.IsEmpty))
                {
                    rows.Add((rowNumber, [.. cells]));
                }

                cells = null;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "c")
            {
                numeric = xml.GetAttribute("t") is null or "n";
                text.Clear();
                inCell = true;
                if (xml.IsEmptyElement)
                {
                    cells!.Add(new SourceCell("", false));
                    inCell = false;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "c")
            {
                cells!.Add(new SourceCell(text.ToString(), numeric && text.Length > 0));
                inCell = false;
            }
            else if (inCell && xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                text.Append(xml.Value);
            }
        }

        return new SourceTable(rows) { LastRecord = last };
    }

    /// <summary>RFC 4180 records: a quoted cell may hold commas, doubled quotes and line breaks.</summary>
    public static SourceTable ReadCsv(string path, Encoding encoding)
    {
        string content = File.ReadAllText(path, encoding);
        var rows = new List<(int, SourceCell[])>();
        var cells = new List<SourceCell>();
        var cell = new StringBuilder();
        int record = 0;
        int i = content.Length > 0 && content[0] == '\uFEFF' ? 1 : 0;
        bool quoted = false;
        while (i < content.Length)
        {
            char c = content[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"')
                {
                    cell.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    cells.Add(new SourceCell(cell.ToString(), false));
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(new SourceCell(cell.ToString(), false));
                    cell.Clear();
                    record++;
                    if (cells.Any(x => !x.IsEmpty))
                    {
                        rows.Add((record, cells.ToArray()));
                    }

                    cells.Clear();
                    break;
                default:
                    cell.Append(c);
                    break;
            }

            i++;
        }

        return new SourceTable(rows) { LastRecord = record };
    }
}
