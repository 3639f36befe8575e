using Bidui.Assessment.Indicators;
using Bidui.Assessment.Scoring;
using Bidui.Core.Regions;
using Bidui.Pipeline.Results;
using Bidui.Workflow.Access;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Assessment;

/// <summary>A round's scores, for the trend over rounds.</summary>
public sealed record TrendPoint(int RoundId, string RoundName, IReadOnlyDictionary<int, CountyScore> Counties);

/// <summary>
/// One round assessed: every county of the province scored and ranked (ranks need them all, whoever looks),
/// the previous round it is compared with, and the trend over the last rounds up to this one.
/// </summary>
public sealed record RoundAssessment(Round Round, Round? Previous, AssessmentResult Result, IReadOnlyList<TrendPoint> Trend, bool HasComparison,
    DateOnly Today)
{
    public CountyScore? County(int code) => Result.Counties.FirstOrDefault(c => c.County == code);
}

/// <summary>
/// The county assessment of the web (docs/ASSESSMENT.md): the comparison indicators from the round's
/// summary.json, the workflow indicators from its cases, scored by the province's scorecard. Reads the
/// whole province through a context of its own; pages show only what is in the user's scope.
/// </summary>
public sealed class AssessmentService(StoreOptions store, AssessmentSettings settings, TimeProvider clock)
{
    /// <summary>Rounds shown in the trend, this one included.</summary>
    public const int TrendRounds = 8;

    public DateOnly Today => CaseFacts.LocalDate(clock.GetUtcNow().UtcDateTime);

    /// <summary>Null when the round does not exist or is not finished.</summary>
    public async Task<RoundAssessment?> BuildAsync(int roundId, CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        db.SetScope(UserScope.System);
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId && r.State == RoundState.Done, ct);
        if (round is null) return null;
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.State == RoundState.Done && r.ProvinceCode == round.ProvinceCode && r.Id <= roundId)
            .OrderBy(r => r.Id).ToListAsync(ct);
        var card = settings.Scorecard();
        var keys = settings.KeyCounties().ToHashSet();
        var today = Today;
        var facts = new Dictionary<int, List<CaseFact>>();
        var values = new Dictionary<int, IReadOnlyDictionary<int, IReadOnlyList<IndicatorValue>>>();
        bool hasComparison = false;

        Round? PreviousOf(Round r) => r.PreviousRoundId is { } p ? rounds.FirstOrDefault(x => x.Id == p) : rounds.LastOrDefault(x => x.Id < r.Id);

        async Task<List<CaseFact>> FactsOf(Round r)
        {
            if (!facts.TryGetValue(r.Id, out var list)) facts[r.Id] = list = await CaseFacts.LoadAsync(db, r.Id, ct);
            return list;
        }

        async Task<IReadOnlyDictionary<int, IReadOnlyList<IndicatorValue>>> ValuesOf(Round r)
        {
            if (values.TryGetValue(r.Id, out var known)) return known;
            var summary = ReadSummary(r.Id);
            if (r.Id == roundId) hasComparison = summary is not null;
            if (summary is not null) keys.UnionWith(summary.KeyCounties);
            var previous = PreviousOf(r);
            var result = Combine(r, summary, await FactsOf(r), previous is null ? [] : await FactsOf(previous), today);
            values[r.Id] = result;
            return result;
        }

        var trend = new List<TrendPoint>();
        AssessmentResult? current = null;
        foreach (var r in rounds.TakeLast(TrendRounds))
        {
            var previous = PreviousOf(r);
            var now = await ValuesOf(r);
            var before = previous is null ? new Dictionary<int, IReadOnlyList<IndicatorValue>>() : await ValuesOf(previous);
            var assessed = ScoreBoard.Assess(card, now, before, keys, RegionTable.Default);
            trend.Add(new TrendPoint(r.Id, r.Name, assessed.Counties.ToDictionary(c => c.County)));
            current = assessed;
        }
        return new RoundAssessment(round, PreviousOf(round), current!, trend, hasComparison, today);
    }

    /// <summary>The round's comparison summary, or null for a round compared before summaries had counties.</summary>
    public ResultsSummary? ReadSummary(int roundId)
    {
        string folder = Path.Combine(store.RoundDirectory(roundId), "results");
        if (!File.Exists(Path.Combine(folder, "summary.json"))) return null;
        try
        {
            return ResultsSummary.Read(folder);
        }
        catch (Bidui.Inputs.InputFileException)
        {
            return null;
        }
    }

    /// <summary>
    /// Every county's indicators of one round: comparison ones from the summary, workflow ones from the cases.
    /// Cases of no known county (the province's own code) and the unknown county are not assessed.
    /// </summary>
    internal static Dictionary<int, IReadOnlyList<IndicatorValue>> Combine(Round round, ResultsSummary? summary, IReadOnlyList<CaseFact> cases,
        IReadOnlyList<CaseFact> previousCases, DateOnly today)
    {
        int unknown = round.ProvinceCode * 10000;
        var comparison = summary?.Indicators() ?? new Dictionary<int, IReadOnlyList<IndicatorValue>>();
        var byCounty = cases.ToLookup(c => c.County);
        var previousByCounty = previousCases.ToLookup(c => c.County);
        var counties = comparison.Keys.Concat(cases.Select(c => c.County)).Concat(previousCases.Select(c => c.County))
            .Where(c => c != 0 && c != unknown).Distinct().Order();
        var result = new Dictionary<int, IReadOnlyList<IndicatorValue>>();
        foreach (int county in counties)
        {
            var list = new List<IndicatorValue>(comparison.GetValueOrDefault(county) ?? []);
            list.AddRange(IndicatorCalculator.Workflow([.. byCounty[county]], round.Deadline, today, [.. previousByCounty[county]]));
            result[county] = list;
        }
        return result;
    }
}
