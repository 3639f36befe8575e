using Bidui.Core.Identity;

namespace Bidui.Matching.Probabilistic;

/// <summary>
/// What the probabilistic tier compares of one record (a poverty person, a student, an aid row), in the
/// form the comparisons need. Built only for records that take part in a candidate pair or a u sample.
/// </summary>
public sealed record LinkRecord
{
    /// <summary>The name as the tier compares it: the SPEC 2.3 form without dots (· 。) or spaces; "" when absent.</summary>
    public required string NameForm { get; init; }
    /// <summary>The ID as comparable digits (<see cref="IdDigits.Clean"/>); null when absent, unreadable, another document, or another person's.</summary>
    public string? Id { get; init; }
    /// <summary>Whether <see cref="Id"/> is a valid resident number (GB 11643), not a broken one.</summary>
    public bool IdValid { get; init; }
    /// <summary>yyyyMMdd as a number; 0 when unknown.</summary>
    public int Birth { get; init; }
    public Sex Sex { get; init; }
    /// <summary>Where the record places the person: the household's county for a person, the school's for a student; 0 when unknown.</summary>
    public int County { get; init; }
    /// <summary>
    /// The township (乡镇) the record places the person in, as a stem without 镇/乡/街道: the household's
    /// for a person, the one named in the school's name for a student; null when unknown.
    /// </summary>
    public string? Township { get; init; }
    /// <summary>Student: the 18 characters of the 全国学籍号 after its letter, when they are not the row's own ID; null otherwise.</summary>
    public string? StudentNumber { get; init; }
    /// <summary>Person: the 户编号. Student whose valid number is another register person's: that person's 户编号.</summary>
    public string? Household { get; init; }
    /// <summary>Student: the row's valid number belongs to another register person (its name differs), SPEC §4.3.</summary>
    public bool NumberOfAnother { get; init; }
    /// <summary>Person: whole years on the reference date (from <see cref="Birth"/>); -1 when unknown.</summary>
    public int Age { get; init; } = -1;
    /// <summary>Student: the usual ages of the grade (or stage); (0, 0) when unknown.</summary>
    public (int Min, int Max) GradeAges { get; init; }

    public static int BirthNumber(DateOnly? date) => date is { } d ? d.Year * 10000 + d.Month * 100 + d.Day : 0;
}
