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
}
