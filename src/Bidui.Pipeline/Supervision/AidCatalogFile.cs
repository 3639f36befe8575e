using Bidui.Inputs;
using Bidui.Matching.Supervision;

namespace Bidui.Pipeline.Supervision;

/// <summary>
/// Reads the aid project catalogue (`--aid-projects`, SPEC §1.5) from CSV, xlsx or xls and checks it row
/// by row: a cell that cannot be read, a project named twice or no project at all stops the run (exit
/// status 2) with the file, row and column and what to write instead.
/// </summary>
public static class AidCatalogFile
{
    public static AidCatalog Read(string path)
    {
        using var table = BoundTable.Open(path, DatasetSchema.AidProjects);
        int name = table.Ordinal("资助项目"), stages = table.Ordinal("学段"), audience = table.Ordinal("对象"),
            standard = table.Ordinal("标准"), period = table.Ordinal("周期");
        var r = table.Reader;
        string Cell(int ordinal) => ordinal < 0 ? string.Empty : r.GetString(ordinal);
        InputFileException Bad(string column, string what) =>
            new($"资助项目目录“{path}”第{r.RowNumber}行“{column}”列：{what}。请改正该单元格后再运行。", path, r.RowNumber, column);

        var projects = new List<AidProject>();
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        while (table.ReadRow())
        {
            if (r.IsBlank)
                continue;
            string display = Cell(name).Trim();
            string key = AidCatalog.KeyOf(display);
            if (key.Length == 0)
                throw Bad("资助项目", "资助项目名称为空，但该行填写了其他内容；每行须填写一个资助项目的名称（与资助发放数据中的名称一致）");
            if (rows.TryGetValue(key, out int first))
                throw Bad("资助项目", $"资助项目“{display}”与第{first}行重复（比较时忽略空格）；每个资助项目只能列一行，请删除或合并重复的行");
            rows[key] = r.RowNumber;

            var stageList = AidCatalog.ParseStages(Cell(stages), out string? error);
            if (error is not null)
                throw Bad("学段", error);
            var (kind, items) = AidCatalog.ParseAudience(Cell(audience), out error);
            if (error is not null)
                throw Bad("对象", error);
            var (min, max) = AidCatalog.ParseStandard(Cell(standard), out error);
            if (error is not null)
                throw Bad("标准", error);
            var periodValue = AidCatalog.ParsePeriod(Cell(period), out error);
            if (error is not null)
                throw Bad("周期", error);
            projects.Add(new AidProject
            {
                Name = display, Key = key, Row = r.RowNumber, Stages = stageList, Audience = kind, AudienceItems = items,
                Minimum = min, Maximum = max, Period = periodValue,
            });
        }
        if (projects.Count == 0)
            throw new InputFileException($"资助项目目录“{path}”中没有任何资助项目（表头在第{table.HeaderRowNumber}行，其下没有数据行）。请每行填写一个资助项目后再运行，或不使用 --aid-projects。", path);
        return new AidCatalog(projects);
    }
}
