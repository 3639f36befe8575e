using Bidui.Inputs;
using Bidui.Pipeline;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bidui.Workflow.Rounds;

/// <summary>
/// Turns a confirmed comparison's lists into the round's cases. Only the counties the round covers
/// get cases, and only their earlier cases are linked (new / persisting / reappeared) or resolved: the earlier round
/// of each covered county is superseded (<see cref="RoundCounty.SupersededBy"/>), its cases no longer current. On
/// SQLite cases are written in short batches, each its own transaction, so readers and other writers (sign-ins, case
/// views) never wait long; on PostgreSQL into the round's own table, by one COPY. None of
/// them is visible until the last, small transaction marks the round Done (on PostgreSQL it attaches the round's
/// table as its partition of cases). A failed import is undone (<see cref="UndoAsync"/>).
/// </summary>
public sealed class RoundImporter(BiduiDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Cases per batch: on SQLite a transaction of a few tens of milliseconds of writing (another writer waits at most
    /// that long; readers never wait in WAL mode); on PostgreSQL, where nobody waits for the COPY into the round's own
    /// table, batches bound the rows held while the previous batch is sent, and how often progress is reported.
    /// </summary>
    internal int? BatchSize { get; init; }

    private int Batch => BatchSize ?? (db.Database.IsNpgsql() ? 10_000 : 2_000);

    public async Task ImportAsync(int roundId, string resultsDirectory, IProgressStep? progress = null, CancellationToken ct = default)
    {
        db.SetScope(Access.UserScope.System);
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var covered = (await db.RoundCounties.AsNoTracking().Where(x => x.RoundId == roundId && x.Covered).Select(x => x.CountyCode).ToListAsync(ct)).ToHashSet();
        var (earlier, superseded) = await EarlierCasesAsync(round, covered, ct);

        int skipped = 0, imported;
        List<MatchedStat> matched;
        Dictionary<(int County, string School, string Category, Unit Unit), long> counts;
        await using (var writer = new CaseBatchWriter(db, roundId, now, Batch))
        {
            foreach (var list in CategoryNames.ActionLists)
            {
                string path = Path.Combine(resultsDirectory, list.Code + ".csv");
                if (!File.Exists(path)) continue;
                foreach (var row in CaseRowReader.Read(path, list.Code, round, today))
                {
                    if (!covered.Contains(row.CountyCode)) { skipped++; continue; }
                    // Duplicate lists hold a person more than once: the n-th row of a person links to the n-th before.
                    if (earlier.TryTake(row.Category, row.PersonKey) is { } before)
                    {
                        row.PreviousCaseId = before.Id;
                        row.RoundsSeen = before.RoundsSeen + 1;
                        row.Linkage = before.State == CaseState.Closed ? Linkage.Reappeared : Linkage.Persisting;
                    }
                    if (await writer.AddAsync(row, ct)) progress?.Report(writer.Written);
                }
            }
            await writer.FlushAsync(ct);
            progress?.Report(writer.Written);
            imported = writer.Written;

            var matchedSchools = new Dictionary<string, School>(StringComparer.Ordinal);
            matched = ReadMatched(Path.Combine(resultsDirectory, "matched.csv"), round, matchedSchools).Where(m => covered.Contains(m.CountyCode)).ToList();
            await writer.WriteMatchedAsync(matched, matchedSchools.Values.Where(s => covered.Contains(s.CountyCode)), ct);
            counts = writer.Counts;
        }
        // Earlier cases not listed again: the problem went away. Those listed again were carried on as new cases.
        int resolved = earlier.Untaken().Count();
        bool postgres = db.Database.IsNpgsql();
        // The one step that makes the round and its cases visible, with its audit entry. On PostgreSQL the round's
        // table (indexed and vacuumed by the writer) becomes its partition of cases here, with its counts.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (postgres) await RoundPartition.AttachAsync(db, roundId, counts, ct);
        // SQLite's insert trigger counts the cases of a round only when it is not importing (V015).
        else if (round.State == RoundState.Importing) await AddCountsAsync(roundId, counts, ct);
        // The earlier round of each county it covers is superseded (its cases no longer current: V016), in the same
        // transaction that shows this round's cases: one row a county, where each earlier case was an UPDATE of its own.
        foreach (var group in superseded.GroupBy(x => x.RoundId))
        {
            var counties = group.Select(x => x.CountyCode).ToList();
            await db.RoundCounties.Where(x => x.RoundId == group.Key && counties.Contains(x.CountyCode))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SupersededBy, roundId), ct);
        }
        var done = await db.Rounds.SingleAsync(r => r.Id == roundId, ct);
        done.PreviousRoundId = await db.Rounds.Where(r => r.State == RoundState.Done && r.Id != roundId && r.ProvinceCode == round.ProvinceCode)
            .OrderByDescending(r => r.FinishedAt).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        done.State = RoundState.Done;
        done.CaseCount = imported;
        done.SkippedCaseCount = skipped;
        done.MatchedCount = matched.Sum(m => m.Matched);
        done.ResolvedCount = resolved;
        done.FinishedAt = now;
        done.LastError = null;
        await db.SaveChangesAsync(ct);
        await new AuditLog(db, clock).WriteAsync(round.CreatedBy, "导入完成", RoundRunner.RoundTarget(roundId),
            $"核查任务 {imported} 条；覆盖 {covered.Count} 个县级单位；未覆盖县的清单行 {skipped} 条未导入；上一批次中已消除 {resolved} 条", ct);
        await tx.CommitAsync(ct);
        if (postgres) await AnalyzeAsync(ct);
    }

    /// <summary>SQLite, in the round's final transaction: its cases' counts, as the insert trigger would have added them.</summary>
    private async Task AddCountsAsync(int roundId, Dictionary<(int County, string School, string Category, Unit Unit), long> counts, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("The counts are added in the round's final transaction.");
        cmd.CommandText = "INSERT INTO case_counts (\"RoundId\", \"CountyCode\", \"SchoolCode\", \"Category\", \"State\", \"Unit\", \"ClosedDays\", \"Current\", \"Count\") " +
            $"VALUES ($round, $county, $school, $category, {(int)CaseState.Open}, $unit, -1, 1, $count) " +
            "ON CONFLICT (\"RoundId\", \"CountyCode\", \"SchoolCode\", \"Category\", \"State\", \"Unit\", \"ClosedDays\", \"Current\") DO UPDATE SET \"Count\" = \"Count\" + excluded.\"Count\"";
        var county = cmd.Parameters.Add("$county", SqliteType.Integer);
        var school = cmd.Parameters.Add("$school", SqliteType.Text);
        var category = cmd.Parameters.Add("$category", SqliteType.Text);
        var unit = cmd.Parameters.Add("$unit", SqliteType.Integer);
        var count = cmd.Parameters.Add("$count", SqliteType.Integer);
        cmd.Parameters.AddWithValue("$round", roundId);
        foreach (var ((c, s, g, u), n) in counts)
        {
            county.Value = c;
            school.Value = s;
            category.Value = g;
            unit.Value = (int)u;
            count.Value = n;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// PostgreSQL, after the round is done: the planner's figures for the counters and for the partitioned table as a
    /// whole (the round's own were taken by its vacuum; the autovacuum never analyzes a partitioned table), on the
    /// columns that queries filter, join and sort on, not the list row's JSON and the other long texts (3.9-4.1 s with
    /// 1 M cases and 20 users working; all columns 4.3 s). The import has succeeded by then: a failure here (the server
    /// stopping) must not undo it, and only leaves older figures until the next import.
    /// </summary>
    private async Task AnalyzeAsync(CancellationToken ct)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE case_counts", ct);
            await db.Database.ExecuteSqlRawAsync("ANALYZE cases (\"Id\", \"RoundId\", \"Category\", \"CountyCode\", \"SchoolCode\", \"Unit\", \"State\", " +
                "\"Township\", \"Village\", \"PersonName\", \"IdNumber\", \"IdTail\", \"StudentNo\", \"PreviousCaseId\", \"ResolvedInRoundId\", \"CarriedInRoundId\", " +
                "\"CreatedAt\", \"SubmittedAt\", \"ClosedAt\")", ct);
        }
#pragma warning disable CA1031 // Statistics only: the round is imported and visible.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>
    /// Removes what a failed or interrupted import wrote: its cases and matched figures (in batches)
    /// and the resolved and carried marks it set on earlier cases.
    /// </summary>
    public async Task UndoAsync(int roundId, CancellationToken ct = default)
    {
        db.SetScope(Access.UserScope.System);
        await ClearMarksAsync(db, roundId, ct);
        await PurgeCasesAsync(roundId, ct);
        if (db.Database.IsNpgsql()) await RoundPartition.DropUnattachedAsync(db, roundId, ct);
    }

    /// <summary>
    /// Takes back what a round set on the earlier rounds (it was withdrawn, or its import failed): the counties it
    /// superseded, and the resolved and carried marks of imports before V016. Those earlier cases are current again.
    /// </summary>
    internal static async Task ClearMarksAsync(BiduiDbContext db, int roundId, CancellationToken ct)
    {
        await db.RoundCounties.Where(x => x.SupersededBy == roundId).ExecuteUpdateAsync(s => s.SetProperty(x => x.SupersededBy, (int?)null), ct);
        await db.Cases.Where(c => c.ResolvedInRoundId == roundId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolvedInRoundId, (int?)null), ct);
        await db.Cases.Where(c => c.CarriedInRoundId == roundId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CarriedInRoundId, (int?)null), ct);
    }

    /// <summary>Deletes a round's cases (their history and attachments with them) and matched figures, a batch at a time; returns the attachment files to delete.</summary>
    public async Task<List<string>> PurgeCasesAsync(int roundId, CancellationToken ct = default)
    {
        db.SetScope(Access.UserScope.System);
        var files = await db.Attachments.AsNoTracking().Where(a => a.Case!.RoundId == roundId).Select(a => a.StoredName).ToListAsync(ct);
        while (true)
        {
            // No order: any batch of the round's cases will do, read straight from the list index.
            var ids = await db.Cases.Where(c => c.RoundId == roundId).Select(c => c.Id).Take(Batch).ToListAsync(ct);
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
    /// (a round of one county neither links nor resolves the cases of another), streamed into a compact map; and those
    /// rounds' rows of the counties, which this round supersedes.
    /// </summary>
    private async Task<(EarlierCases Cases, List<(int CountyCode, int RoundId)> Superseded)> EarlierCasesAsync(Round round, HashSet<int> covered, CancellationToken ct)
    {
        var coveredCodes = covered.ToList();
        var candidates = await db.RoundCounties.AsNoTracking()
            .Where(x => x.Covered && x.RoundId != round.Id && coveredCodes.Contains(x.CountyCode))
            .Join(db.Rounds.Where(r => r.State == RoundState.Done && r.ProvinceCode == round.ProvinceCode), x => x.RoundId, r => r.Id,
                (x, r) => new { x.CountyCode, x.RoundId, r.FinishedAt })
            .ToListAsync(ct);
        var latest = candidates.GroupBy(x => x.CountyCode).Select(g => g.OrderByDescending(x => x.FinishedAt).ThenByDescending(x => x.RoundId).First());
        var earlier = new EarlierCases();
        foreach (var group in latest.GroupBy(x => x.RoundId))
        {
            var counties = group.Select(x => x.CountyCode).ToList();
            await foreach (var c in db.Cases.AsNoTracking().Where(c => c.RoundId == group.Key && counties.Contains(c.CountyCode))
                .Select(c => new { c.Id, c.Category, c.PersonKey, c.State, c.RoundsSeen }).AsAsyncEnumerable().WithCancellation(ct))
                earlier.Add(c.Id, c.Category, c.PersonKey, c.State, c.RoundsSeen);
        }
        earlier.Seal();
        return (earlier, [.. latest.Select(x => (x.CountyCode, x.RoundId))]);
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

}
