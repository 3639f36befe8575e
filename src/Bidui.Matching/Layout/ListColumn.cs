using Bidui.Matching.Records;

namespace Bidui.Matching.Layout;

/// <summary>One column of a result list: its Chinese header and how a result row fills it.</summary>
public sealed record ListColumn(string Header, Func<ResultRow, string> Value, bool IsNumber = false);
