using System.Globalization;
using System.Text;
using Bidui.Core.Schooling;

namespace Bidui.Matching.Supervision;

/// <summary>
/// The province's aid project catalogue (SPEC §1.5, §4.7): projects by name with white space removed.
/// The cell parsers say in Chinese what is wrong with a cell, so that the reader can name file, row
/// and column; they know no files.
/// </summary>
public sealed class AidCatalog
{
    private readonly Dictionary<string, AidProject> _byKey = new(StringComparer.Ordinal);

    public AidCatalog(IEnumerable<AidProject> projects)
    {
        foreach (var p in projects)
        {
            if (!_byKey.TryAdd(p.Key, p))
                throw new ArgumentException($"The project {p.Name} is in the catalogue twice.", nameof(projects));
            Projects.Add(p);
        }
    }

    /// <summary>In catalogue order.</summary>
    public List<AidProject> Projects { get; } = [];

    /// <summary>The project an aid row's 资助项目 names (compared without white space), or null.</summary>
    public AidProject? Find(string projectKey) => _byKey.GetValueOrDefault(projectKey);

    /// <summary>Labels of the registers every 对象 list of the catalogue names (脱贫 excluded), in catalogue order.</summary>
    public IEnumerable<string> RegisterLabels() =>
        Projects.SelectMany(p => p.AudienceItems).Where(i => i != PovertyItem).Distinct(StringComparer.Ordinal);

    public const string PovertyItem = "脱贫";

    /// <summary>The labels no register may take (the 来源数据 of the three inputs).</summary>
    public static readonly IReadOnlySet<string> ReservedLabels = new HashSet<string>(StringComparer.Ordinal) { "学籍", "乡村振兴", "资助" };

    /// <summary>资助项目 with every kind of white space removed (SPEC §4.7).</summary>
    public static string KeyOf(ReadOnlySpan<char> name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (!char.IsWhiteSpace(c) && c is not ('\u200B' or '\uFEFF'))
                sb.Append(c);
        }
        return sb.ToString();
    }

    private static readonly char[] Separators = ['、', ',', '，'];

    private static IEnumerable<string> Items(string cell)
    {
        var text = cell.Normalize(NormalizationForm.FormKC);
        // NFKC turns '，' into ','; '、' stays.
        foreach (var part in text.Split(Separators))
        {
            var item = KeyOf(part);
            if (item.Length > 0)
                yield return item;
        }
    }

    /// <summary>学段: stages separated by 、 , ，; empty: any. Error: the text to show, else null.</summary>
    public static IReadOnlyList<SchoolStage> ParseStages(string cell, out string? error)
    {
        error = null;
        var stages = new List<SchoolStage>();
        foreach (var item in Items(cell))
        {
            var stage = SchoolStages.FromStageCell(item);
            if (!stage.IsRegistryStage())
            {
                error = $"学段“{item}”无法识别：学段只能是 学前（幼儿园）、小学、初中、高中（普通高中）、中职（中等职业教育），多个学段用“、”分隔，不限学段时留空";
                return [];
            }
            if (!stages.Contains(stage))
                stages.Add(stage);
        }
        return stages;
    }

    /// <summary>对象: 全体, 困难 (or empty), 脱贫, or a list of register labels and/or 脱贫.</summary>
    public static (AudienceKind Kind, IReadOnlyList<string> Items) ParseAudience(string cell, out string? error)
    {
        error = null;
        var items = Items(cell).Distinct(StringComparer.Ordinal).ToList();
        if (items.Count == 0)
            return (AudienceKind.Needy, []);
        if (items.Count == 1)
        {
            switch (items[0])
            {
                case "全体":
                    return (AudienceKind.All, []);
                case "困难":
                    return (AudienceKind.Needy, []);
                case PovertyItem:
                    return (AudienceKind.Poverty, []);
            }
        }
        foreach (var item in items)
        {
            if (item is "全体" or "困难")
            {
                error = $"对象“{cell.Trim()}”中的“{item}”不能与其他对象并列：“{item}”须单独填写；或改为名单列表，如“脱贫、低保、特困”";
                return (AudienceKind.Needy, []);
            }
            if (ReservedLabels.Contains(item))
            {
                error = $"对象“{cell.Trim()}”中的“{item}”不是困难群体名单：对象可填 全体、困难、脱贫，或 --register 给出的名单标签（如 低保、特困），多个用“、”分隔";
                return (AudienceKind.Needy, []);
            }
        }
        return (AudienceKind.List, items);
    }

    /// <summary>标准: a number or a range a-b (also ~ ～ 至), an optional trailing 元; empty: no check.</summary>
    public static (decimal? Min, decimal? Max) ParseStandard(string cell, out string? error)
    {
        error = null;
        var text = KeyOf(cell.Normalize(NormalizationForm.FormKC));
        if (text.Length == 0)
            return (null, null);
        if (text.EndsWith('元'))
            text = text[..^1];
        string[] parts = text.Split(['-', '~', '至', '—', '–']);
        string hint = $"标准“{cell.Trim()}”无法识别：请填写一次发放的金额（元），如 1000，或范围如 1000-3000（最小值不大于最大值）；不核对金额时留空";
        if (parts.Length is not (1 or 2))
        {
            error = hint;
            return (null, null);
        }
        var values = new decimal[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (AidAmount.Parse(parts[i]) is not { } v)
            {
                error = hint;
                return (null, null);
            }
            values[i] = v;
        }
        if (values[0] > values[^1])
        {
            error = hint;
            return (null, null);
        }
        return (values[0], values[^1]);
    }

    /// <summary>周期: 学期 (or empty, 每学期) or 学年 (每学年).</summary>
    public static AidPeriod ParsePeriod(string cell, out string? error)
    {
        error = null;
        switch (KeyOf(cell.Normalize(NormalizationForm.FormKC)))
        {
            case "" or "学期" or "每学期" or "按学期":
                return AidPeriod.Term;
            case "学年" or "每学年" or "按学年":
                return AidPeriod.Year;
            default:
                error = $"周期“{cell.Trim()}”无法识别：请填写“学期”或“学年”（标准是一学期还是一学年发放的金额），留空即学期";
                return AidPeriod.Term;
        }
    }

    /// <summary>A standard in words for a 说明: 1000 元/学期, 1000–3000 元/学年.</summary>
    public static string DescribeStandard(AidProject p)
    {
        if (p.Minimum is not { } min || p.Maximum is not { } max)
            return string.Empty;
        string period = p.Period == AidPeriod.Term ? "学期" : "学年";
        return min == max
            ? string.Create(CultureInfo.InvariantCulture, $"{min:0.##} 元/{period}")
            : string.Create(CultureInfo.InvariantCulture, $"{min:0.##}–{max:0.##} 元/{period}");
    }
}
