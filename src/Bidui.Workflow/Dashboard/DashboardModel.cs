namespace Bidui.Workflow.Dashboard;

/// <summary>Figures of one region or school of a round.</summary>
public sealed record DashboardRow(string Key, string Name, int? DrillRegion, int Total, int Open, int Submitted, int Returned, int Closed,
    int Overdue, int Matched, int AidMissing, double? MedianDaysToClose)
{
    public double? ClosureRate => Total == 0 ? null : (double)Closed / Total;

    /// <summary>Matched students who are not on the aid_missing list, of all matched students.</summary>
    public double? AidCoverage => Matched == 0 ? null : (double)Math.Max(0, Matched - AidMissing) / Matched;
}

public sealed record CategoryRow(string Code, string Name, int Open, int Submitted, int Returned, int Closed)
{
    public int Total => Open + Submitted + Returned + Closed;
}

public sealed record RegionCrumb(int Code, string Name);

public sealed record DashboardView(int RoundId, int RegionCode, string RegionName, IReadOnlyList<RegionCrumb> Breadcrumb,
    DashboardRow Totals, IReadOnlyList<DashboardRow> Children, IReadOnlyList<CategoryRow> ByCategory, bool Overdue);
