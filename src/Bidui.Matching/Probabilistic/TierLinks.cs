using Bidui.Core.Identity;
using Bidui.Matching.Records;

namespace Bidui.Matching.Probabilistic;

/// <summary>
/// A pair the probabilistic tier accepted: from now on the person's enrolment (SPEC §4.3).
/// <paramref name="NumberOfAnother"/>: the row carries another register person's valid number, whose
/// exact pair it leaves (that pair stays in identity_conflict as 疑似借用他人证件号码).
/// </summary>
internal sealed record Link(PovertyRecord Person, StudentRecord Student, double Probability, bool NumberOfAnother = false);

/// <summary>
/// What the probabilistic tier decided, as the exact engine consults it while it derives the lists:
/// the accepted links by person and by either record's key, and the numbers to suggest on invalid_id rows.
/// </summary>
internal sealed class TierLinks
{
    private readonly Dictionary<PovertyRecord, Link> _byPerson = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<long, Link> _byKey = [];
    private readonly Dictionary<(Dataset, int), string> _suggestions = [];
    private readonly Dictionary<int, Link> _byBorrowedRow = [];
    private readonly Dictionary<long, int> _enrolmentInstead = [];
    private readonly Dictionary<AidRecord, (PovertyRecord Person, StudentRecord Student)> _aidRows = new(ReferenceEqualityComparer.Instance);

    public int Count => _byPerson.Count;

    public Link? Of(PovertyRecord person) => _byPerson.GetValueOrDefault(person);

    public bool IsLinked(PovertyRecord person) => _byPerson.ContainsKey(person);

    /// <summary>The link whose person or student has this key; null when none.</summary>
    public Link? ByKey(long key) => key == 0 ? null : _byKey.GetValueOrDefault(key);

    public void Add(Link link)
    {
        _byPerson[link.Person] = link;
        if (link.Person.Key != 0)
            _byKey[link.Person.Key] = link;
        if (link.NumberOfAnother)
            _byBorrowedRow[link.Student.Row] = link; // its key stays its owner's
        else if (link.Student.Key != 0)
            _byKey[link.Student.Key] = link;
        // The invalid_id row of the side without a valid number gets the other side's (建议号码); a
        // converted 15-digit number is a number to suggest too (its 18-digit form).
        if (link.Person.Key == 0 && IsResidentKey(link.Student.Key))
            _suggestions[(Dataset.Poverty, link.Person.Row)] = link.Student.IdText;
        if (link.Student.Key == 0 && IsResidentKey(link.Person.Key))
            _suggestions[(Dataset.Students, link.Student.Row)] = link.Person.IdText;
    }

    /// <summary>The link of a registry row (by 学籍行号) that carried another register person's number; null when none.</summary>
    public Link? OfBorrowedRow(int studentRow) => _byBorrowedRow.GetValueOrDefault(studentRow);

    /// <summary>
    /// A key some of whose enrolled rows were linked to other persons: the enrolment its owner keeps
    /// (the first row left), or -1 when none is left.
    /// </summary>
    public bool TryGetEnrolmentInstead(long key, out int entry) => _enrolmentInstead.TryGetValue(key, out entry);

    public void SetEnrolmentInstead(long key, int entry) => _enrolmentInstead[key] = entry;

    /// <summary>The person (and the enrolment that made them wait for aid) an aid row without a key was linked to; null when none.</summary>
    public (PovertyRecord Person, StudentRecord Student)? OfAid(AidRecord aid) =>
        _aidRows.TryGetValue(aid, out var link) ? link : null;

    /// <summary>
    /// An aid row whose broken number was linked to a person listed in aid_missing: the aid rules judge it for
    /// that person (SPEC §4.3), and its invalid_id row suggests the person's number.
    /// </summary>
    public void AddAid(AidRecord aid, PovertyRecord person, StudentRecord enrolment)
    {
        _aidRows[aid] = (person, enrolment);
        if (IsResidentKey(person.Key))
            _suggestions[(Dataset.Aid, aid.Row)] = person.IdText;
    }

    public void ApplySuggestions(List<ResultRow> invalidIds)
    {
        foreach (var row in invalidIds)
        {
            if (row.Source is { } source && _suggestions.TryGetValue((source, row.SourceRow), out string? id))
                row.SuggestedId = id;
        }
    }

    internal static bool IsResidentKey(long key) => key != 0 && !OtherDocumentKeys.IsOtherDocumentKey(key);
}
