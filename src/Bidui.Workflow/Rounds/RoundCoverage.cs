using System.Globalization;
using Bidui.Core.Regions;
using Bidui.Pipeline.Results;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;

namespace Bidui.Workflow.Rounds;

/// <summary>
/// Which counties a round covers, and what looks wrong about its inputs. A county is proposed as
/// covered when both the education bureau's inputs (registry, aid) and the register hold rows for it,
/// as the comparison counted them (summary.json `counties`): a county missing from one side would
/// otherwise list every one of its children as a dropout suspect, or resolve every one of its open
/// cases. The administrator confirms (or narrows) the proposal.
/// </summary>
public static class RoundCoverage
{
    /// <summary>An input with fewer rows than this share of the previous round's needs an explicit confirmation.</summary>
    public const double ShortInputRatio = 0.5;

    /// <summary>
    /// The county rows of a compared round from its summary (county 0: rows without a county, which
    /// become the province's own code, as cases of no responsible county do).
    /// </summary>
    public static List<RoundCounty> Derive(int roundId, int provinceCode, ResultsSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        int province = provinceCode * 10000;
        var counties = summary.Counties
            .GroupBy(kv => kv.Key == 0 ? province : kv.Key)
            .OrderBy(g => g.Key)
            .Select(g => new RoundCounty
            {
                RoundId = roundId, CountyCode = g.Key, CountyName = Name(g.Key, provinceCode),
                EducationRows = Clamp(g.Sum(kv => kv.Value.EducationRows)),
                RuralRows = Clamp(g.Sum(kv => kv.Value.RuralRows)),
                CaseRows = Clamp(g.Sum(kv => CategoryNames.ActionLists.Sum(l => kv.Value.List(l.Code)))),
            })
            .Where(c => c.EducationRows + c.RuralRows + c.CaseRows > 0)
            .ToList();
        foreach (var c in counties.Where(c => c.CountyCode != province)) c.Covered = c.EducationRows > 0 && c.RuralRows > 0;
        // Cases of no known county belong to the province: proposed only when the round leaves no county out.
        foreach (var c in counties.Where(c => c.CountyCode == province))
            c.Covered = counties.Where(x => x.CountyCode != province).All(x => x.Covered);
        return counties;
    }

    private static int Clamp(long n) => (int)Math.Min(n, int.MaxValue);

    public static string Name(int code, int provinceCode) =>
        code == provinceCode * 10000 ? "（责任县不明，由省级分派）" : RegionTable.Default.FullName(code) is { Length: > 0 } full ? full : RegionSeeder.Name(RegionTable.Default, code);

    /// <summary>
    /// Inputs far shorter than last time: overall against the previous finished round, and per county
    /// against the round that last covered it. Each needs the administrator's explicit confirmation.
    /// </summary>
    public static List<string> ShortInputs(Round round, Round? previous, IEnumerable<RoundCounty> covered, IReadOnlyDictionary<int, RoundCounty> previousByCounty)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(covered);
        ArgumentNullException.ThrowIfNull(previousByCounty);
        var warnings = new List<string>();
        void Check(string what, int? now, int? before, string where)
        {
            if (now is { } n && before is { } b && b > 0 && n < b * ShortInputRatio)
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{where}{what}仅 {n:N0} 行，上一批次为 {b:N0} 行（不足一半）"));
        }
        if (previous is not null)
        {
            Check("学籍数据", round.StudentsRows, previous.StudentsRows, "");
            Check("乡村振兴数据", round.PovertyRows, previous.PovertyRows, "");
            if (round.AidRows is not null) Check("资助数据", round.AidRows, previous.AidRows, "");
        }
        foreach (var c in covered)
        {
            if (!previousByCounty.TryGetValue(c.CountyCode, out var before)) continue;
            Check("教育部门数据（学籍、资助）", c.EducationRows, before.EducationRows, c.CountyName + "：");
            Check("乡村振兴数据", c.RuralRows, before.RuralRows, c.CountyName + "：");
        }
        return warnings;
    }
}
