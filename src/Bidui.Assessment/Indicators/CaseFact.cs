namespace Bidui.Assessment.Indicators;

/// <summary>
/// What the workflow indicators need of one case (核查任务), whatever the store: its county and list,
/// when it was dispatched and closed, whether it was ever submitted or returned, and whether it
/// reappeared after the previous round's case was closed.
/// </summary>
/// <param name="ClosedOn">The local (Beijing) date it was closed, compared with the round's deadline.</param>
public sealed record CaseFact(long CaseId, int County, string Category, DateTime CreatedAt, DateTime? ClosedAt, DateOnly? ClosedOn,
    bool Submitted, bool Returned, bool Reappeared)
{
    public bool Closed => ClosedAt is not null;
}
