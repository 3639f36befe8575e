namespace Bidui.Core.Regions;

/// <summary>
/// Follows an abolished county code to the in-use county that took it over, so work reaches an
/// office that exists today. Counties that became prefecture-level cities lead to a county of that city.
/// </summary>
internal static class DispatchResolver
{
    private const int MaxSteps = 16;

    public static DispatchCounty Resolve(int code, IReadOnlyDictionary<int, RegionInfo> rows)
    {
        if (!rows.TryGetValue(code, out RegionInfo? row))
            return new DispatchCounty(0, RegionNote.Unknown, code);
        if (row.InUse || row.Level != RegionLevel.County)
            return new DispatchCounty(code, RegionNote.None, code);

        var visited = new HashSet<int> { code };
        for (int step = 0; step < MaxSteps; step++)
        {
            int next = ChooseSuccessor(row, rows);
            if (next == 0 || !visited.Add(next) || !rows.TryGetValue(next, out RegionInfo? successor))
                break;
            if (successor.InUse)
            {
                int county = successor.Level switch
                {
                    RegionLevel.County => next,
                    RegionLevel.Prefecture => CountyOfPrefecture(successor, rows),
                    _ => 0,
                };
                return new DispatchCounty(county, RegionNote.Abolished, code);
            }
            row = successor;
        }
        return new DispatchCounty(0, RegionNote.Abolished, code);
    }

    // Among the codes that took over at the change, a county beats a prefecture (利津县 → 东营市;利津县).
    private static int ChooseSuccessor(RegionInfo row, IReadOnlyDictionary<int, RegionInfo> rows)
    {
        IReadOnlyList<int> candidates = row.SuccessorsAtChange.Count > 0 ? row.SuccessorsAtChange : row.Successors;
        int firstKnown = 0;
        foreach (int candidate in candidates)
        {
            if (!rows.TryGetValue(candidate, out RegionInfo? info))
                continue;
            if (info.Level == RegionLevel.County)
                return candidate;
            if (firstKnown == 0)
                firstKnown = candidate;
        }
        return firstKnown;
    }

    // The prefecture's own successor list names the districts that took its core; else its first county;
    // a prefecture-level city without counties (东莞市, 中山市) is itself the county-level office.
    private static int CountyOfPrefecture(RegionInfo prefecture, IReadOnlyDictionary<int, RegionInfo> rows)
    {
        foreach (int candidate in prefecture.Successors)
        {
            if (rows.TryGetValue(candidate, out RegionInfo? info) && info.InUse && info.Level == RegionLevel.County)
                return candidate;
        }
        int best = 0;
        foreach (RegionInfo info in rows.Values)
        {
            if (info.InUse && info.Level == RegionLevel.County && info.Code / 100 == prefecture.Code / 100
                && (best == 0 || info.Code < best))
                best = info.Code;
        }
        return best == 0 ? prefecture.Code : best;
    }
}
