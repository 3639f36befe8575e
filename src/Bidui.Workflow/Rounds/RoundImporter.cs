using System.Globalization;
using Bidui.Core.Regions;
using Bidui.Inputs;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Rounds;

/// <summary>
/// Turns a finished comparison's lists into the round's cases, in one transaction: every list but
/// matched becomes cases, matched only counts for coverage, and each case is linked to the previous
/// round by list and person key (new / persisting / reappeared; the previous round's cases not
/// listed again are marked resolved).
/// </summary>
public sealed class RoundImporter(BiduiDbContext db, TimeProvider clock)
{
    public async Task ImportAsync(int roundId, string resultsDirectory, CancellationToken ct = default)
    {
        db.SetScope(Access.UserScope.System);
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var previous = await db.Rounds.Where(r => r.State == RoundState.Done && r.Id != roundId && r.ProvinceCode == round.ProvinceCode)
            .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);

        var earlier = previous is null ? [] : await db.Cases.AsNoTracking().Where(c => c.RoundId == previous)
            .Select(c => new { c.Id, c.Category, c.PersonKey, c.State, c.RoundsSeen }).ToListAsync(ct);
        // Duplicate lists hold a person more than once: the n-th row of a person links to the n-th before.
        var earlierByKey = earlier.OrderBy(c => c.Id).GroupBy(c => (c.Category, c.PersonKey)).ToDictionary(g => g.Key, g => new Queue<EarlierCase>(
            g.Select(c => new EarlierCase(c.Id, c.State, c.RoundsSeen))));
        var stillListed = new HashSet<long>();

        var cases = new List<Case>();
        foreach (var list in CategoryNames.ActionLists)
        {
            string path = Path.Combine(resultsDirectory, list.Code + ".csv");
            if (!File.Exists(path)) continue;
            foreach (var c in CaseRowReader.Read(path, list.Code, round, today, now))
            {
                if (earlierByKey.TryGetValue((c.Category, c.PersonKey), out var queue) && queue.TryDequeue(out var before))
                {
                    stillListed.Add(before.Id);
                    c.PreviousCaseId = before.Id;
                    c.RoundsSeen = before.RoundsSeen + 1;
                    c.Linkage = before.State == CaseState.Closed ? Linkage.Reappeared : Linkage.Persisting;
                }
                cases.Add(c);
            }
        }
        var matchedSchools = new Dictionary<string, School>(StringComparer.Ordinal);
        var matched = ReadMatched(Path.Combine(resultsDirectory, "matched.csv"), round, matchedSchools);

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await EnsureRegionsAndSchoolsAsync(cases, matched, matchedSchools.Values, ct);
            db.Cases.AddRange(cases);
            db.MatchedStats.AddRange(matched);
            var resolved = earlier.Where(c => !stillListed.Contains(c.Id)).Select(c => c.Id).ToList();
            foreach (var chunk in resolved.Chunk(500))
                await db.Cases.Where(c => chunk.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolvedInRoundId, roundId), ct);
            round.PreviousRoundId = previous;
            round.State = RoundState.Done;
            round.CaseCount = cases.Count;
            round.MatchedCount = matched.Sum(m => m.Matched);
            round.ResolvedCount = resolved.Count;
            round.FinishedAt = now;
            round.LastError = null;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
    }

    private static List<MatchedStat> ReadMatched(string path, Round round, Dictionary<string, School> schools)
    {
        if (!File.Exists(path)) return [];
        using var reader = TabularFile.Open(path);
        if (!reader.Read()) return [];
        var headers = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList();
        int countyAt = headers.IndexOf("责任县代码"), schoolAt = headers.IndexOf("学校标识码"), schoolNameAt = headers.IndexOf("学校名称");
        var counts = new Dictionary<(int, string?), int>();
        while (reader.Read())
        {
            if (reader.IsBlank) continue;
            _ = int.TryParse(countyAt < 0 ? "" : reader.GetString(countyAt), NumberStyles.None, CultureInfo.InvariantCulture, out int county);
            if (county <= 0) county = round.ProvinceCode * 10000;
            string? school = schoolAt < 0 || reader.GetString(schoolAt).Length == 0 ? null : reader.GetString(schoolAt);
            counts[(county, school)] = counts.GetValueOrDefault((county, school)) + 1;
            if (school is not null && schoolNameAt >= 0 && !schools.ContainsKey(school))
                schools[school] = new School { Code = school, Name = reader.GetString(schoolNameAt), CountyCode = county };
        }
        return [.. counts.Select(kv => new MatchedStat { RoundId = round.Id, CountyCode = kv.Key.Item1, SchoolCode = kv.Key.Item2, Matched = kv.Value })];
    }

    private async Task EnsureRegionsAndSchoolsAsync(List<Case> cases, List<MatchedStat> matched, IEnumerable<School> matchedSchools, CancellationToken ct)
    {
        var counties = cases.Select(c => c.CountyCode).Concat(matched.Select(m => m.CountyCode)).ToHashSet();
        var known = (await db.Regions.Select(r => r.Code).ToListAsync(ct)).ToHashSet();
        foreach (var region in RegionSeeder.WithAncestors(counties).Where(r => !known.Contains(r.Code))) db.Regions.Add(region);

        var schools = cases.Where(c => c.SchoolCode is not null && c.SchoolName is not null)
            .Select(c => new School { Code = c.SchoolCode!, Name = c.SchoolName!, CountyCode = c.CountyCode })
            .Concat(matchedSchools).DistinctBy(s => s.Code);
        var knownSchools = (await db.Schools.Select(s => s.Code).ToListAsync(ct)).ToHashSet();
        db.Schools.AddRange(schools.Where(s => !knownSchools.Contains(s.Code)));
    }

    private sealed record EarlierCase(long Id, CaseState State, int RoundsSeen);
}
