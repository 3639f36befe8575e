using Bidui.Matching.Categories;

namespace Bidui.Workflow.Cases;

/// <summary>The engine's list names, by code, for pages and workbooks.</summary>
public static class CategoryNames
{
    private static readonly Dictionary<string, CategoryInfo> ByCode = CategoryInfo.All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static string Chinese(string code) => ByCode.TryGetValue(code, out var info) ? info.ChineseName : code;

    /// <summary>Every list that asks for action (all but matched), in report order.</summary>
    public static IReadOnlyList<CategoryInfo> ActionLists { get; } = [.. CategoryInfo.All.Where(c => c.Category != Category.Matched)];
}
