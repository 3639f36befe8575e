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

    /// <summary>Every name a run may have written, so that the next run replaces exactly these.</summary>
    public static IEnumerable<string> All() =>
        CategoryInfo.All.Select(c => c.Code + ".csv").Concat([Rejects, SummaryWorkbook, Report, CountyFolder]);
}
