using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Rounds;

/// <summary>
/// Writes a round's cases a batch at a time, each batch one short transaction with the regions and
/// schools it names. The one place cases are inserted: a faster bulk path (COPY) replaces this class.
/// </summary>
internal sealed class CaseBatchWriter(BiduiDbContext db)
{
    private HashSet<int>? _regions;
    private HashSet<string>? _schools;

    public async Task<int> WriteAsync(IReadOnlyList<Case> cases, CancellationToken ct)
    {
        if (cases.Count == 0) return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AddRegionsAndSchoolsAsync(cases.Select(c => c.CountyCode),
            cases.Where(c => c.SchoolCode is not null && c.SchoolName is not null).Select(c => new School { Code = c.SchoolCode!, Name = c.SchoolName!, CountyCode = c.CountyCode }), ct);
        db.Cases.AddRange(cases);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return cases.Count;
    }

    public async Task WriteMatchedAsync(IReadOnlyList<MatchedStat> matched, IEnumerable<School> schools, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AddRegionsAndSchoolsAsync(matched.Select(m => m.CountyCode), schools, ct);
        db.MatchedStats.AddRange(matched);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private async Task AddRegionsAndSchoolsAsync(IEnumerable<int> counties, IEnumerable<School> schools, CancellationToken ct)
    {
        _regions ??= (await db.Regions.Select(r => r.Code).ToListAsync(ct)).ToHashSet();
        _schools ??= (await db.Schools.Select(s => s.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var region in RegionSeeder.WithAncestors(counties.Distinct()).Where(r => _regions.Add(r.Code))) db.Regions.Add(region);
        foreach (var school in schools.DistinctBy(s => s.Code).Where(s => _schools.Add(s.Code))) db.Schools.Add(school);
    }
}
