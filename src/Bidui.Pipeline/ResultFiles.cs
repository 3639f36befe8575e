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

    /// <summary>Every name a run may write at the top of the output folder (what a new run replaces).</summary>
    public static IEnumerable<string> All() =>
        CategoryInfo.All.Select(c => c.Code + ".csv").Concat([Summary, Rejects, SummaryWorkbook, Report, CountyFolder]);

    private static readonly HashSet<string> Names = new(All(), OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    /// <summary>Whether an entry at the top of the output folder is one a run writes (else it is carried over).</summary>
    public static bool IsResultName(string name) => Names.Contains(name);
}
