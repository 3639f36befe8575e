using Bidui.Core.Identity;

namespace Bidui.Matching.Probabilistic;

/// <summary>
/// What the probabilistic tier compares of one record (a poverty person or a student), in the form
/// the comparisons need. Built only for records that take part in a candidate pair or a u sample.
/// </summary>
public sealed record LinkRecord
{
    /// <summary>SPEC 2.3 comparison form; "" when absent.</summary>
    public required string NameForm { get; init; }
    /// <summary>The ID as comparable digits (<see cref="IdDigits.Clean"/>); null when absent, unreadable or another document.</summary>
    public string? Id { get; init; }
    /// <summary>Whether <see cref="Id"/> is a valid resident number (GB 11643), not a broken one.</summary>
    public bool IdValid { get; init; }
    /// <summary>yyyyMMdd as a number; 0 when unknown.</summary>
    public int Birth { get; init; }
    public Sex Sex { get; init; }
    /// <summary>Counties the record places the person in (from the ID's region part and from an address or school column); 0 when unknown.</summary>
    public int County { get; init; }
    public int OtherCounty { get; init; }
    /// <summary>
    /// The township (乡镇) the record places the person in, as a stem without 镇/乡/街道: the household's
    /// for a person, the one named in the school's name for a student; null when unknown.
    /// </summary>
    public string? Township { get; init; }

    public static int BirthNumber(DateOnly? date) => date is { } d ? d.Year * 10000 + d.Month * 100 + d.Day : 0;
}
