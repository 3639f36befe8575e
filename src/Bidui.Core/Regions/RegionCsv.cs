namespace Bidui.Core.Regions;

/// <summary>Reads the rows of an areacodes.csv (yescallop/areacodes layout, columns found by name).</summary>
internal static class RegionCsv
{
    private static readonly string[] Columns =
        ["代码", "一级行政区", "二级行政区", "名称", "级别", "状态", "启用时间", "变更/弃用时间", "新代码"];

    public static List<RegionInfo> Read(TextReader csv)
    {
        string header = csv.ReadLine() ?? throw new FormatException("Region table is empty.");
        int[] index = MapColumns(SplitLine(header.TrimStart('\uFEFF')));
        var rows = new List<RegionInfo>(8192);
        int lineNumber = 1;
        while (csv.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            rows.Add(ReadRow(SplitLine(line), index, lineNumber));
        }
        return rows;
    }

    private static RegionInfo ReadRow(List<string> f, int[] index, int lineNumber)
    {
        string Field(int column) => index[column] < f.Count ? f[index[column]].Trim() : "";

        if (!int.TryParse(Field(0), out int code) || Field(0).Length != 6)
            throw new FormatException($"Region table line {lineNumber}: code '{Field(0)}' is not six digits.");
        RegionLevel level = Field(4) switch
        {
            "省级" => RegionLevel.Province,
            "地级" => RegionLevel.Prefecture,
            "县级" => RegionLevel.County,
            var other => throw new FormatException($"Region table line {lineNumber}: unknown level '{other}'."),
        };
        string prefecture = Field(2);
        int? changed = int.TryParse(Field(7), out int y) ? y : null;
        (int[] all, int[] atChange) = SuccessorList.Parse(Field(8), changed, lineNumber);
        return new RegionInfo(
            code,
            Field(3),
            Field(1),
            prefecture is "" or "直辖" ? null : prefecture,
            level,
            Field(5) == "在用",
            changed,
            all)
        {
            SuccessorsAtChange = atChange,
            StartYear = int.TryParse(Field(6), out int start) ? start : 0,
        };
    }

    private static int[] MapColumns(List<string> header)
    {
        var index = new int[Columns.Length];
        for (int i = 0; i < Columns.Length; i++)
        {
            index[i] = header.FindIndex(h => h.Trim() == Columns[i]);
            if (index[i] < 0)
                throw new FormatException($"Region table has no column '{Columns[i]}'.");
        }
        return index;
    }

    // Plain CSV with optional double quotes; the table's fields never hold line breaks.
    private static List<string> SplitLine(string line)
    {
        var fields = new List<string>(9);
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields;
    }
}
