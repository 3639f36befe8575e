using System.Globalization;
using Bidui.Assessment.Indicators;
using Bidui.Assessment.Scoring;
using Bidui.Workflow.Access;
using Bidui.Workflow.Assessment;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;

namespace Bidui.Web.Pages.Assessment;

/// <summary>
/// What the 考核评估 pages share: the finished rounds, the round asked for (else the latest), its assessment,
/// and the formatting of figures. School officers have no assessment: it is of counties.
/// </summary>
public abstract class AssessmentPageModel(AssessmentService assessments, RoundService rounds) : AppPageModel
{
    public IReadOnlyList<Round> Rounds { get; private set; } = [];
    public RoundAssessment? Assessment { get; private set; }
    public string? SettingsError { get; private set; }

    public static bool MayView(Role role) => RoleInfo.SeesCountyFigures(role);

    /// <summary>The county roles see their own county's page only.</summary>
    public static bool SeesOneCounty(Actor actor) => actor.RegionCode % 100 != 0;

    protected async Task LoadAsync(int? roundId, CancellationToken ct)
    {
        Rounds = [.. (await rounds.ListAsync(ct)).Where(r => r.State == RoundState.Done)];
        int? round = roundId is { } asked && Rounds.Any(r => r.Id == asked) ? asked : Rounds.FirstOrDefault()?.Id;
        if (round is null) return;
        try
        {
            Assessment = await assessments.BuildAsync(round.Value, ct);
        }
        catch (ScorecardException e)
        {
            SettingsError = e.Message;
        }
    }

    public static string Value(double? value, IndicatorInfo info) =>
        value is { } v ? v.ToString(info.Unit == "天" ? "0.0" : "0.00", CultureInfo.InvariantCulture) + info.Unit : "—";

    public static string Number(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    /// <summary>A sortable cell's key: the number, or empty (sorted last).</summary>
    public static string SortKey(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    public static string Rank(int? rank) => rank?.ToString(CultureInfo.InvariantCulture) ?? "—";

    public static string Count(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Signed(double? value, string format = "0.00") =>
        value is { } v ? (v > 0 ? "+" : "") + v.ToString(format, CultureInfo.InvariantCulture) : "—";

    public static string RagClass(Rag rag) => rag switch { Rag.Green => "rag-green", Rag.Amber => "rag-amber", Rag.Red => "rag-red", _ => "rag-none" };

    public static string RagText(Rag rag) => AssessmentWorkbook.RagText(rag);
}
