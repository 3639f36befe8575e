using System.Globalization;
using Bidui.Core.Regions;
using Bidui.Workflow.Store;

namespace Bidui.Workflow.Rounds;

/// <summary>
/// Which counties a round covers, and what looks wrong about its inputs. A county is proposed as
/// covered when both the students and the register hold rows for it: a county missing from one of
/// them would otherwise list every one of its children as a dropout suspect, or resolve every one
/// of its open cases. The administrator confirms (or narrows) the proposal.
/// </summary>
public static class RoundCoverage
{
    /// <summary>An input with fewer rows than this share of the previous round's needs an explicit confirmation.</summary>
    public const double ShortInputRatio = 0.5;

    /// <summary>The county rows of a compared round: every county its inputs or lists name, the province's own code for rows without one.</summary>
    public static List<RoundCounty> Derive(int roundId, int provinceCode, IReadOnlyDictionary<int, int> students, IReadOnlyDictionary<int, int> poverty, IReadOnlyDictionary<int, int> cases)
    {
        int province = provinceCode * 10000;
        int Code(int c) => c == 0 ? province : c;
        var codes = students.Keys.Concat(poverty.Keys).Select(Code).Concat(cases.Keys).ToHashSet();
        int Sum(IReadOnlyDictionary<int, int> counts, int code) => counts.Where(kv => Code(kv.Key) == code).Sum(kv => kv.Value);
        var counties = codes.Order().Select(code => new RoundCounty
        {
            RoundId = roundId, CountyCode = code, CountyName = Name(code, provinceCode),
            StudentsRows = Sum(students, code), PovertyRows = Sum(poverty, code), CaseRows = cases.GetValueOrDefault(code),
        }).ToList();
        foreach (var c in counties.Where(c => c.CountyCode != province)) c.Covered = c.StudentsRows > 0 && c.PovertyRows > 0;
        // Cases of no known county belong to the province: proposed only when the round leaves no county out.
        foreach (var c in counties.Where(c => c.CountyCode == province))
            c.Covered = counties.Where(x => x.CountyCode != province).All(x => x.Covered);
        return counties;
    }

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
            Check("学籍数据", c.StudentsRows, before.StudentsRows, c.CountyName + "：");
            Check("乡村振兴数据", c.PovertyRows, before.PovertyRows, c.CountyName + "：");
        }
        return warnings;
    }
}
