using Bidui.Inputs;
using Bidui.Pipeline;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Rounds;

/// <summary>
/// Turns a confirmed comparison's lists into the round's cases. Only the counties the round covers
/// get cases, and only their earlier cases are linked (new / persisting / reappeared) or marked
/// resolved. Cases are written in short batches, each its own transaction, so readers and other
/// writers (sign-ins, case views) never wait long; none of them is visible until the last, small
/// transaction marks the round Done. A failed import is undone (<see cref="UndoAsync"/>).
/// </summary>
public sealed class RoundImporter(BiduiDbContext db, TimeProvider clock)
{
    /// <summary>Cases per transaction: a few milliseconds of writing on SQLite.</summary>
    internal int BatchSize { get; init; } = 2000;

    public async Task ImportAsync(int roundId, string resultsDirectory, IProgressStep? progress = null, CancellationToken ct = default)
    {
        db.SetScope(Access.UserScope.System);
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var covered = (await db.RoundCounties.AsNoTracking().Where(x => x.RoundId == roundId && x.Covered).Select(x => x.CountyCode).ToListAsync(ct)).ToHashSet();
        var earlier = await EarlierCasesAsync(round, covered, ct);
        // Duplicate lists hold a person more than once: the n-th row of a person links to the n-th before.
        var earlierByKey = earlier.OrderBy(c => c.Id).GroupBy(c => (c.Category, c.PersonKey)).ToDictionary(g => g.Key, g => new Queue<EarlierCase>(g));
        var stillListed = new HashSet<long>();
        var writer = new CaseBatchWriter(db);

        int imported = 0, skipped = 0;
        var batch = new List<Case>(BatchSize);
        foreach (var list in CategoryNames.ActionLists)
        {
            string path = Path.Combine(resultsDirectory, list.Code + ".csv");
            if (!File.Exists(path)) continue;
            foreach (var c in CaseRowReader.Read(path, list.Code, round, today, now))
            {
                if (!covered.Contains(c.CountyCode)) { skipped++; continue; }
                if (earlierByKey.TryGetValue((c.Category, c.PersonKey), out var queue) && queue.TryDequeue(out var before))
                {
                    stillListed.Add(before.Id);
                    c.PreviousCaseId = before.Id;
                    c.RoundsSeen = before.RoundsSeen + 1;
                    c.Linkage = before.State == CaseState.Closed ? Linkage.Reappeared : Linkage.Persisting;
                }
                batch.Add(c);
                if (batch.Count == BatchSize)
                {
                    imported += await writer.WriteAsync(batch, ct);
                    batch.Clear();
                    progress?.Report(imported);
                }
            }
        }
        imported += await writer.WriteAsync(batch, ct);
        progress?.Report(imported);

        var matchedSchools = new Dictionary<string, School>(StringComparer.Ordinal);
        var matched = ReadMatched(Path.Combine(resultsDirectory, "matched.csv"), round, matchedSchools).Where(m => covered.Contains(m.CountyCode)).ToList();
        await writer.WriteMatchedAsync(matched, matchedSchools.Values.Where(s => covered.Contains(s.CountyCode)), ct);

        var resolved = earlier.Where(c => !stillListed.Contains(c.Id)).Select(c => c.Id).ToList();
        foreach (var chunk in resolved.Chunk(500))
            await db.Cases.Where(c => chunk.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolvedInRoundId, roundId), ct);

        // The one step that makes the round and its cases visible, with its audit entry.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var done = await db.Rounds.SingleAsync(r => r.Id == roundId, ct);
        done.PreviousRoundId = await db.Rounds.Where(r => r.State == RoundState.Done && r.Id != roundId && r.ProvinceCode == round.ProvinceCode)
            .OrderByDescending(r => r.FinishedAt).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        done.State = RoundState.Done;
        done.CaseCount = imported;
        done.SkippedCaseCount = skipped;
        done.MatchedCount = matched.Sum(m => m.Matched);
        done.ResolvedCount = resolved.Count;
        done.FinishedAt = now;
        done.LastError = null;
        await db.SaveChangesAsync(ct);
        await new AuditLog(db, clock).WriteAsync(round.CreatedBy, "导入完成", RoundRunner.RoundTarget(roundId),
            $"核查任务 {imported} 条；覆盖 {covered.Count} 个县级单位；未覆盖县的清单行 {skipped} 条未导入；上一批次中已消除 {resolved.Count} 条", ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Removes what a failed or interrupted import wrote: its cases and matched figures (in batches)
    /// and the resolved marks it set on earlier cases.
    /// </summary>
    public async Task UndoAsync(int roundId, CancellationToken ct = default)
    {
        db.SetScope(Access.UserScope.System);
        await db.Cases.Where(c => c.ResolvedInRoundId == roundId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolvedInRoundId, (int?)null), ct);
        await PurgeCasesAsync(roundId, ct);
    }

    /// <summary>Deletes a round's cases (their history and attachments with them) and matched figures, a batch at a time; returns the attachment files to delete.</summary>
    public async Task<List<string>> PurgeCasesAsync(int roundId, CancellationToken ct = default)
    {
        db.SetScope(Access.UserScope.System);
        var files = await db.Attachments.AsNoTracking().Where(a => a.Case!.RoundId == roundId).Select(a => a.StoredName).ToListAsync(ct);
        while (true)
        {
            var ids = await db.Cases.Where(c => c.RoundId == roundId).OrderBy(c => c.Id).Select(c => c.Id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0) break;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.CaseEvents.Where(e => ids.Contains(e.CaseId)).ExecuteDeleteAsync(ct);
            await db.Attachments.Where(a => ids.Contains(a.CaseId)).ExecuteDeleteAsync(ct);
            await db.Cases.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }
        await db.MatchedStats.Where(m => m.RoundId == roundId).ExecuteDeleteAsync(ct);
        return files;
    }

    /// <summary>
    /// For each county the round covers, the cases of the latest finished round that covered it too
    /// (a round of one county neither links nor resolves the cases of another).
    /// </summary>
    private async Task<List<EarlierCase>> EarlierCasesAsync(Round round, HashSet<int> covered, CancellationToken ct)
    {
        var coveredCodes = covered.ToList();
        var candidates = await db.RoundCounties.AsNoTracking()
            .Where(x => x.Covered && x.RoundId != round.Id && coveredCodes.Contains(x.CountyCode))
            .Join(db.Rounds.Where(r => r.State == RoundState.Done && r.ProvinceCode == round.ProvinceCode), x => x.RoundId, r => r.Id,
                (x, r) => new { x.CountyCode, x.RoundId, r.FinishedAt })
            .ToListAsync(ct);
        var latest = candidates.GroupBy(x => x.CountyCode).Select(g => g.OrderByDescending(x => x.FinishedAt).ThenByDescending(x => x.RoundId).First());
        var earlier = new List<EarlierCase>();
        foreach (var group in latest.GroupBy(x => x.RoundId))
        {
            var counties = group.Select(x => x.CountyCode).ToList();
            earlier.AddRange(await db.Cases.AsNoTracking().Where(c => c.RoundId == group.Key && counties.Contains(c.CountyCode))
                .Select(c => new EarlierCase(c.Id, c.Category, c.PersonKey, c.State, c.RoundsSeen)).ToListAsync(ct));
        }
        return earlier;
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
            int county = CaseRowReader.CountyOf(countyAt < 0 ? "" : reader.GetString(countyAt), round.ProvinceCode);
            string? school = schoolAt < 0 || reader.GetString(schoolAt).Length == 0 ? null : reader.GetString(schoolAt);
            counts[(county, school)] = counts.GetValueOrDefault((county, school)) + 1;
            if (school is not null && schoolNameAt >= 0 && !schools.ContainsKey(school))
                schools[school] = new School { Code = school, Name = reader.GetString(schoolNameAt), CountyCode = county };
        }
        return [.. counts.Select(kv => new MatchedStat { RoundId = round.Id, CountyCode = kv.Key.Item1, SchoolCode = kv.Key.Item2, Matched = kv.Value })];
    }

    private sealed record EarlierCase(long Id, string Category, string PersonKey, CaseState State, int RoundsSeen);
}
