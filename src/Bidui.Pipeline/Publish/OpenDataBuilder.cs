using System.Globalization;
using Bidui.Core.Regions;
using Bidui.Core.Schooling;
using Bidui.Disclosure;
using Bidui.Inputs;
using Bidui.Pipeline.Results;

namespace Bidui.Pipeline.Publish;

/// <summary>
/// Builds the open-data tables (docs/PUBLISH.md) from a results folder: counts per county, prefecture,
/// province (and a 全部 row when there is more than one province or a county that could not be determined),
/// from summary.json's `counties` and, for breakdowns, the lists' CSV files (age, 学段, 来源数据 only: no
/// name, number, school or village leaves this class). Every figure becomes a cell of one
/// <see cref="DisclosureProblem"/> with every relation a reader knows.
/// </summary>
internal sealed class OpenDataBuilder
{
    private const string Root = "全部";
    private readonly ResultsSummary _summary;
    private readonly RegionTable _regions;
    private readonly DisclosureProblem _problem = new();
    private readonly List<OpenRegion> _regionRows = [];
    private readonly Dictionary<int, int> _countyIndex = [];   // county code → region row
    private readonly List<int>[] _children;
    private readonly HashSet<string> _equations = [];

    private static readonly string[] Stages = ["学前", "小学", "初中", "高中", "中职", "其他"];

    private OpenDataBuilder(ResultsSummary summary, RegionTable regions)
    {
        _summary = summary;
        _regions = regions;
        BuildRegions();
        _children = new List<int>[_regionRows.Count];
        for (int i = 0; i < _regionRows.Count; i++)
            _children[i] = [];
        for (int i = 0; i < _regionRows.Count; i++)
        {
            if (_regionRows[i].Parent is { } parent)
                _children[_regionRows.FindIndex(r => r.Code == parent)].Add(i);
        }
    }

    public static OpenDataPackage Build(ResultsSummary summary, RegionTable regions, int k)
    {
        var b = new OpenDataBuilder(summary, regions);
        var tables = b.Tables().ToList();
        return new OpenDataPackage(b._regionRows, tables, b._problem, k, summary.ReferenceDate);
    }

    private void BuildRegions()
    {
        var counties = _summary.Counties.Keys.Where(c => c != 0).Order().ToList();
        bool unknown = _summary.Counties.ContainsKey(0);
        var provinces = counties.Select(c => c / 10000 * 10000).Distinct().Order().ToList();
        bool root = unknown || provinces.Count != 1;
        if (root)
            _regionRows.Add(new OpenRegion(Root, "全部地区", "全部", null));
        foreach (int province in provinces)
        {
            string provinceCode = Code(province);
            _regionRows.Add(new OpenRegion(provinceCode, _regions.ProvinceName(province), "省", root ? Root : null));
            foreach (int prefecture in counties.Where(c => c / 10000 * 10000 == province).Select(c => c / 100 * 100).Distinct().Order())
            {
                string name = _regions.PrefectureName(prefecture) is { Length: > 0 } n ? n : "省直辖县级行政区划";
                _regionRows.Add(new OpenRegion(Code(prefecture), name, "市", provinceCode));
                foreach (int county in counties.Where(c => c / 100 * 100 == prefecture))
                {
                    _countyIndex[county] = _regionRows.Count;
                    string countyName = _regions.CountyName(county) is { Length: > 0 } cn ? cn : Code(county);
                    _regionRows.Add(new OpenRegion(Code(county), countyName, "县", Code(prefecture)));
                }
            }
        }
        if (unknown)
        {
            _countyIndex[0] = _regionRows.Count;
            _regionRows.Add(new OpenRegion("000000", "未能确定县", "县", Root));
        }
    }

    private static string Code(int code) => code.ToString("D6", CultureInfo.InvariantCulture);

    private IEnumerable<OpenTable> Tables()
    {
        var children = Table("compulsory_age", "义务教育年龄段脱贫家庭子女", "人", ["在校（有在籍学籍）", "疑似失学辍学", "合计"], 2,
            (_, c) => [c.CompulsoryEnrolled, c.List("dropout_suspect"), c.CompulsoryAge], null,
            [new OpenRate("疑似失学辍学率", "‰", 1, 2, 1000)],
            "户籍在本地区、未标注死亡或注销、年龄在义务教育年龄段的脱贫人口及监测对象；“疑似失学辍学”指学籍库中未查到在籍学籍。");
        yield return children;

        var dropout = Read("dropout_suspect", r => r.TryGetValue("年龄", out var a) && int.TryParse(a, out int age) && age >= 12 ? 1 : 0);
        yield return Table("dropout_by_age", "疑似失学辍学（按年龄）", "人", ["6–11岁", "12岁及以上", "合计"], 2,
            dropout, Share(children, 1), [],
            "合计与上表“疑似失学辍学”为同一数字。");

        if (_summary.HasAid)
        {
            var aid = Table("aid_coverage", "资助学段脱贫家庭在校生", "人", ["已获资助", "应助未助", "合计"], 2,
                (_, c) => [c.AidStageStudents - c.List("aid_missing"), c.List("aid_missing"), c.AidStageStudents], null,
                [new OpenRate("应助尽助率", "%", 0, 2, 100)],
                "学段属于资助学段、未标注死亡或注销的比对成功学生，按学校所在县；“应助未助”指资助发放数据中未查到其资助记录。");
            yield return aid;
            var missing = Read("aid_missing", StageIndex);
            yield return Table("aid_missing_by_stage", "应助未助（按学段）", "人", [.. Stages, "合计"], Stages.Length,
                missing, Share(aid, 1), [], "合计与上表“应助未助”为同一数字。");
        }

        var matched = Read("matched", StageIndex);
        yield return Table("matched_by_stage", "脱贫家庭在校生（按学段）", "人", [.. Stages, "合计"], Stages.Length,
            matched, null, [], "脱贫人口及监测对象中在学籍库有在籍学籍的学生，按户籍县。");

        var problems = _summary.Categories.Keys.Where(k => k is not ("matched" or "aid_missing" or "dropout_suspect" or "invalid_id" or "field_conflict" or "review")).ToList();
        if (problems.Count > 0)
        {
            var names = problems.Select(p => Bidui.Matching.Categories.CategoryInfo.All.FirstOrDefault(i => i.Code == p)?.ChineseName ?? p).ToArray();
            yield return Table("problems", "比对发现的其他问题（条）", "条", names, null,
                (_, c) => [.. problems.Select(c.List)], null, [], "各清单的行数，按清单的责任县；各列之间没有合计关系。");
        }

        foreach (var (code, title) in new[] { ("invalid_id", "证件号码有误（按数据来源，条）"), ("field_conflict", "证件信息矛盾（按数据来源，条）") })
        {
            if (!_summary.Categories.ContainsKey(code))
                continue;
            var bySource = Read(code, r => r.GetValueOrDefault("来源数据") switch { "学籍" => 0, "资助" => 1, "乡村振兴" => 2, _ => 3 });
            yield return Table(code, title, "条", ["学籍", "资助", "乡村振兴", "其他名单", "合计"], 4, bySource, null, [],
                "按数据所属单位所在县。");
        }
    }

    /// <summary>Index of the 学段 column (学段, else 年级) in <see cref="Stages"/>.</summary>
    private static int StageIndex(Dictionary<string, string> row)
    {
        var stage = SchoolStages.FromStageCell(row.GetValueOrDefault("学段"));
        if (stage == SchoolStage.None)
            stage = SchoolStages.FromGrade(row.GetValueOrDefault("年级"));
        return stage switch
        {
            SchoolStage.Preschool => 0,
            SchoolStage.Primary => 1,
            SchoolStage.Junior => 2,
            SchoolStage.Senior => 3,
            SchoolStage.Vocational => 4,
            _ => 5,
        };
    }

    /// <summary>
    /// Reads one list and counts its rows per responsible county and group (the group function sees only the
    /// row's cells), groups in order. Their sum is checked against summary.json's count of the list.
    /// </summary>
    private Func<int, CountySummary, long[]> Read(string code, Func<Dictionary<string, string>, int> group)
    {
        var counts = new Dictionary<int, long[]>();
        string path = Path.Combine(_summary.Folder, code + ".csv");
        if (_summary.Categories.ContainsKey(code))
        {
            using var r = TabularFile.Open(path);
            string[]? header = null;
            var rows = new List<(int County, int Group)>();
            while (r.Read())
            {
                var cells = Enumerable.Range(0, r.FieldCount).Select(r.GetString).ToArray();
                if (header is null)
                {
                    header = cells;
                    continue;
                }
                var row = new Dictionary<string, string>();
                for (int i = 0; i < header.Length && i < cells.Length; i++)
                    row.TryAdd(header[i], cells[i]);
                int county = int.TryParse(row.GetValueOrDefault("责任县代码"), CultureInfo.InvariantCulture, out int cc) ? cc : 0;
                rows.Add((county, group(row)));
            }
            foreach (var (county, g) in rows)
            {
                if (!counts.TryGetValue(county, out var a))
                    counts[county] = a = new long[8];
                a[g]++;
            }
        }
        return (county, c) =>
        {
            var a = counts.GetValueOrDefault(county) ?? new long[8];
            long total = a.Sum();
            if (total != c.List(code))
                throw new InvalidDataException($"{code}.csv 中县 {county:D6} 有 {total} 行，而 summary.json 记为 {c.List(code)} 行：结果目录不完整或被修改过，请重新比对。");
            return a;
        };
    }

    /// <summary>The cells of another table's column, to be this table's total column (one figure, published once).</summary>
    private static (Func<int, int> Cell, string Name) Share(OpenTable table, int column) => (region => table.Cells[region, column], $"{table.Code}/{table.Columns[column]}");

    private OpenTable Table(string code, string title, string unit, string[] columns, int? totalColumn,
        Func<int, CountySummary, long[]> countyValues, (Func<int, int> Cell, string Name)? sharedTotal, OpenRate[] rates, string note)
    {
        int regions = _regionRows.Count, width = columns.Length;
        var values = new long[regions, width];
        foreach (var (county, row) in _countyIndex)
        {
            var v = countyValues(county, _summary.Counties[county]);
            for (int c = 0; c < width; c++)
            {
                values[row, c] = c < v.Length ? v[c] : 0;
            }
            if (totalColumn is { } t)
                values[row, t] = Enumerable.Range(0, width).Where(c => c != t).Sum(c => values[row, c]);
        }
        // Upper levels are the sums of their children, deepest first.
        foreach (int row in Enumerable.Range(0, regions).Where(r => _children[r].Count > 0).OrderByDescending(Depth))
        {
            for (int c = 0; c < width; c++)
                values[row, c] = _children[row].Sum(ch => values[ch, c]);
        }

        var cells = new int[regions, width];
        for (int r = 0; r < regions; r++)
        {
            for (int c = 0; c < width; c++)
                cells[r, c] = sharedTotal is not null && c == totalColumn ? sharedTotal.Value.Cell(r) : _problem.AddCell(values[r, c]);
            if (sharedTotal is not null && _problem.Values[cells[r, totalColumn!.Value]] != values[r, totalColumn.Value])
                throw new InvalidDataException($"表“{title}”的合计与共享的数字不一致：结果目录不完整或被修改过，请重新比对。");
        }
        for (int r = 0; r < regions; r++)
        {
            if (totalColumn is { } t)
                Equation(cells[r, t], [.. Enumerable.Range(0, width).Where(c => c != t).Select(c => cells[r, c])]);
            if (_children[r].Count > 0)
            {
                for (int c = 0; c < width; c++)
                    Equation(cells[r, c], [.. _children[r].Select(ch => cells[ch, c])]);
            }
        }
        return new OpenTable(code, title, unit, columns, totalColumn, rates, cells, note, sharedTotal?.Name);
    }

    private int Depth(int row) => _regionRows[row].Parent is { } p ? 1 + Depth(_regionRows.FindIndex(x => x.Code == p)) : 0;

    private void Equation(int total, int[] parts)
    {
        // A figure shared by two tables has its hierarchy relations once.
        if (_equations.Add($"{total}={string.Join('+', parts)}"))
            _problem.AddEquation(total, parts);
    }
}
