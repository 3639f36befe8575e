using System.Text.Json;
using Bidui.Assessment.Indicators;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Assessment;

/// <summary>Which part of an indicator's figure: the cases it counts (numerator) or the cases it is counted over (base).</summary>
public enum FigurePart
{
    Numerator,
    Base,
}

/// <summary>The cases behind one figure, as many as <see cref="AssessmentDrill.MaxRows"/> of them, and how many there are.</summary>
public sealed record DrillCases(int Count, IReadOnlyList<Case> Cases);

/// <summary>
/// The cases behind a county's figure (drill-down). Workflow figures select their cases with the same
/// <see cref="WorkflowRules"/> the indicators count with, so a figure and its list cannot disagree; comparison
/// figures are the rows of their lists (their bases are register rows, not cases). Reads through the user's
/// scoped context: nobody sees a case outside their part.
/// </summary>
public sealed class AssessmentDrill(BiduiDbContext db)
{
    public const int MaxRows = 500;

    private static readonly string[] EducationSources = ["学籍", "资助"];
    private static readonly string[] RuralSources = ["乡村振兴"];

    /// <summary>Whether a figure has cases behind it.</summary>
    public static bool Drills(Indicator indicator, FigurePart part) => (IndicatorInfo.Of(indicator).Source, indicator, part) switch
    {
        (IndicatorSource.Workflow, Indicator.MedianDaysToClose, FigurePart.Numerator) => false,
        (IndicatorSource.Workflow, _, _) => true,
        (_, Indicator.AidPrecision, _) => false, // money, not cases
        (_, _, FigurePart.Numerator) => true,
        _ => false,
    };

    public async Task<DrillCases> CasesAsync(Round round, int? previousRoundId, int county, Indicator indicator, FigurePart part, DateOnly today,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (!Drills(indicator, part)) return new DrillCases(0, []);
        List<long> ids = IndicatorInfo.Of(indicator).Source == IndicatorSource.Workflow
            ? await WorkflowIdsAsync(round, previousRoundId, county, indicator, part, today, ct)
            : await ComparisonIdsAsync(round.Id, county, indicator, ct);
        var shown = new List<Case>();
        foreach (var chunk in ids.Order().Take(MaxRows).Chunk(200))
            shown.AddRange(await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.Id)).ToListAsync(ct));
        return new DrillCases(ids.Count, [.. shown.OrderBy(c => c.Id)]);
    }

    private async Task<List<long>> WorkflowIdsAsync(Round round, int? previousRoundId, int county, Indicator indicator, FigurePart part, DateOnly today,
        CancellationToken ct)
    {
        var rule = new WorkflowRules(round.Deadline, today);
        var cases = (await CaseFacts.LoadAsync(db, round.Id, ct)).Where(c => c.County == county);
        if (indicator == Indicator.RecurrenceRate)
        {
            if (part == FigurePart.Numerator) return [.. cases.Where(c => rule.InNumerator(indicator, c)).Select(c => c.CaseId)];
            if (previousRoundId is not { } previous) return [];
            return [.. (await CaseFacts.LoadAsync(db, previous, ct)).Where(c => c.County == county && rule.InBase(indicator, c)).Select(c => c.CaseId)];
        }
        return [.. cases.Where(c => rule.InBase(indicator, c) && (part == FigurePart.Base || rule.InNumerator(indicator, c))).Select(c => c.CaseId)];
    }

    private async Task<List<long>> ComparisonIdsAsync(int roundId, int county, Indicator indicator, CancellationToken ct)
    {
        var inCounty = db.Cases.AsNoTracking().Where(c => c.RoundId == roundId && c.CountyCode == county);
        switch (indicator)
        {
            case Indicator.DropoutRate:
                return await inCounty.Where(c => c.Category == "dropout_suspect").Select(c => c.Id).ToListAsync(ct);
            case Indicator.AidCoverage:
                return await inCounty.Where(c => c.Category == "aid_missing").Select(c => c.Id).ToListAsync(ct);
            case Indicator.DataQualityEducation or Indicator.DataQualityRural:
                bool education = indicator == Indicator.DataQualityEducation;
                string duplicate = education ? "duplicate_enrollment" : "duplicate_poverty";
                var sources = education ? EducationSources : RuralSources;
                // invalid_id and field_conflict count by the data's owner, named in the row's 来源数据 (SPEC §4).
                var rows = await inCounty.Where(c => c.Category == "invalid_id" || c.Category == "field_conflict" || c.Category == duplicate)
                    .Select(c => new { c.Id, c.Category, c.Details }).ToListAsync(ct);
                return [.. rows.Where(r => r.Category == duplicate || sources.Contains(Source(r.Details))).Select(r => r.Id)];
            default:
                return [];
        }
    }

    private static string Source(string details)
    {
        try
        {
            using var doc = JsonDocument.Parse(details);
            return doc.RootElement.TryGetProperty("来源数据", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
