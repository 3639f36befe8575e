namespace Bidui.Matching.Records;

/// <summary>An aid-payment row the engine keeps (keyed rows) or shows (snapshots).</summary>
public sealed class AidRecord : SourceRecord
{
    /// <summary>What the row pays, interned: thousands of rows share one payment description.</summary>
    public AidPayment Payment { get; init; } = AidPayment.None;
    public string Project => Payment.Project;
    public string Amount => Payment.Amount;
    public string SchoolYear => Payment.SchoolYear;
    public string Term => Payment.Term;
    public string PaidOn => Payment.PaidOn;
    public string SchoolName => Payment.SchoolName;
    public string SchoolCode => Payment.SchoolCode;
}

/// <summary>
/// The payment columns of an aid row. <see cref="TermGroup"/> numbers the (资助项目, 学年, 学期)
/// combination: two rows of one key in the same group are a duplicate payment (SPEC §4 aid_duplicate).
/// </summary>
public sealed record AidPayment(string Project, string Amount, string SchoolYear, string Term, string PaidOn, string SchoolName,
    string SchoolCode, int TermGroup)
{
    public static AidPayment None { get; } = new("", "", "", "", "", "", "", -1);

    /// <summary>资助项目 without white space: how the catalogue, duplicate and yearly groups compare it (SPEC §4.7).</summary>
    public string ProjectKey { get; init; } = string.Empty;
    /// <summary>金额 when it is a number greater than 0; null: 金额无效.</summary>
    public decimal? AmountValue { get; init; }
    /// <summary>The project as the catalogue defines it (or the default: 困难, any stage, no amount check).</summary>
    public Supervision.AidProject Rule { get; init; } = Supervision.AidProject.Default("");
    /// <summary>Whether the catalogue names the project (a project absent from it is noted with its row count).</summary>
    public bool InCatalog { get; init; }
    /// <summary>The per-row reason of aid_amount_anomaly (金额无效, 高于标准, 低于标准), or null.</summary>
    public string? AmountReason { get; init; }
    /// <summary>Numbers the (资助项目, 学年) combination: the yearly group of SPEC §4.7 is key + this.</summary>
    public int YearGroup { get; init; } = -1;
}
