using Bidui.Matching.Categories;

namespace Bidui.Pipeline;

/// <summary>The names of everything `compare` writes into its output folder (SPEC §5).</summary>
public static class ResultFiles
{
    public const string Summary = "summary.json";
    public const string Rejects = "rejects.csv";
    public const string SummaryWorkbook = "比对结果汇总.xlsx";
    public const string Report = "比对报告.html";
    public const string CountyFolder = "按县分发";

    public static string ListCsv(Category category) => CategoryInfo.Of(category).Code + ".csv";

    /// <summary>The list as a workbook for people (IDs stay text; split past Excel's 1,048,576 rows).</summary>
    public static string ListXlsx(Category category) => CategoryInfo.Of(category).Code + ".xlsx";

    /// <summary>Every name a run may write at the top of the output folder (what a new run replaces).</summary>
    public static IEnumerable<string> All() =>
        CategoryInfo.All.SelectMany(c => new[] { c.Code + ".csv", c.Code + ".xlsx" }).Concat([Summary, Rejects, SummaryWorkbook, Report, CountyFolder]);

    private static readonly HashSet<string> Names = new(All(), OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    /// <summary>Whether an entry at the top of the output folder is one a run writes (else it is carried over).</summary>
    public static bool IsResultName(string name) => Names.Contains(name);
}
