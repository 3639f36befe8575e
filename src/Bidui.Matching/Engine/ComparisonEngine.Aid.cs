using Bidui.Core.Identity;
using Bidui.Core.Regions;
using Bidui.Matching.Categories;
using Bidui.Matching.Records;
using Bidui.Matching.Support;

namespace Bidui.Matching.Engine;

public sealed partial class ComparisonEngine
{
    private readonly List<AidRecord> _aid = [];
    private readonly HashSet<long> _aidKeys = [];
    private readonly Dictionary<(long Key, int TermGroup), int> _aidGroupCount = [];
    private readonly Dictionary<(string, string, string), int> _termGroups = [];
    private readonly Dictionary<(string, string, string, string, string, string, string), AidPayment> _payments =
        new(Support.InternedKeyComparer.Instance);
    private readonly List<(AidRecord Aid, Category Category, string Reason)> _aidInvalid = [];

    /// <summary>Adds one non-blank aid row; false when it was rejected (SPEC §5).</summary>
    public bool AddAid(in AidCells c)
    {
        // Aid touches nothing of the register until Finish: it may be fed from the start, alongside the
        // register as well as the registry, and leaves the phase alone (the register may still follow).
        RequirePhase(Phase.Others, "The aid payments");
        if (Reject(Dataset.Aid, c.RowNumber, c.Name, c.IdNumber))
            return false;

        var id = ParseId(c.IdType, c.IdNumber, c.ParsedResidentId);
        var record = new AidRecord
        {
            Row = c.RowNumber,
            Key = id.Key,
            Name = c.Name.Trim().ToString(),
            IdGiven = IdGiven(id, c.IdNumber),
            IdProblem = id.Problem,
            Payment = PaymentOf(c),
        };
        // The aid file has no county column: its county is known only once the registry is read.
        if (id.IsResident && id.Problem != Bidui.Core.Identity.IdProblem.None)
            _aidInvalid.Add((record, Category.InvalidId, id.Problem.ToChinese()));
        if (id.Key == 0)
            return true;

        _aid.Add(record);
        _aidKeys.Add(id.Key);
        var group = (id.Key, record.Payment.TermGroup);
        _aidGroupCount[group] = _aidGroupCount.GetValueOrDefault(group) + 1;
        return true;
    }

    // Per-column memos and the last payment: payment lists come school by school, batch by batch.
    private InternMemo[]? _aidMemos;
    private AidPayment? _lastPayment;

    private AidPayment PaymentOf(in AidCells c)
    {
        var m = _aidMemos ??= [.. Enumerable.Range(0, 7).Select(_ => new InternMemo(_aidPool))];
        var key = (m[0].Intern(c.Project), m[1].Intern(c.Amount), m[2].Intern(c.SchoolYear), m[3].Intern(c.Term),
            m[4].Intern(c.PaidOn), m[5].Intern(c.SchoolName), m[6].Intern(c.SchoolCode));
        if (_lastPayment is { } last && ReferenceEquals(last.Project, key.Item1) && ReferenceEquals(last.Amount, key.Item2)
            && ReferenceEquals(last.SchoolYear, key.Item3) && ReferenceEquals(last.Term, key.Item4) && ReferenceEquals(last.PaidOn, key.Item5)
            && ReferenceEquals(last.SchoolName, key.Item6) && ReferenceEquals(last.SchoolCode, key.Item7))
            return last;
        if (_payments.TryGetValue(key, out var payment))
            return _lastPayment = payment;
        var termKey = (key.Item1, key.Item3, key.Item4);
        if (!_termGroups.TryGetValue(termKey, out int group))
            _termGroups.Add(termKey, group = _termGroups.Count);
        payment = new AidPayment(key.Item1, key.Item2, key.Item3, key.Item4, key.Item5, key.Item6, key.Item7, group);
        _payments.Add(key, payment);
        return _lastPayment = payment;
    }

    /// <summary>
    /// Who acts on an aid row: the county of the school named by 学校标识码 in the registry, else
    /// the county of the person's enrolment; unknown otherwise.
    /// </summary>
    private DispatchCounty AidCounty(AidRecord a)
    {
        if (a.SchoolCode.Length > 0 && _schoolsByCode.TryGetValue(a.SchoolCode, out var school))
            return school.Dispatch;
        if (a.Key != 0 && _enrolledKeys.TryGetFirst(a.Key, out int i))
            return _enrolled[i].Profile.School.Dispatch;
        if (_tier?.Links.ByKey(a.Key) is { } link)
            return link.Student.School.Dispatch;
        return default;
    }

    private void FinishAid(List<ResultRow>[] lists)
    {
        foreach (var (aid, category, reason) in _aidInvalid)
        {
            var county = AidCounty(aid);
            lists[(int)category].Add(new ResultRow
            {
                Category = category, Source = Dataset.Aid, SourceRow = aid.Row, Reason = reason, Aid = aid,
                Responsible = county, Note = RegionNote(county),
            });
        }
        if (!_settings.HasAid)
            return;
        for (int i = 0; i < _aid.Count; i++)
        {
            if (i + PrefetchAhead < _aid.Count)
                Prefetch(_aid[i + PrefetchAhead].Key);
            var a = _aid[i];
            var county = AidCounty(a);
            string note = RegionNote(county);
            int n = _aidGroupCount[(a.Key, a.Payment.TermGroup)];
            var person = PersonOf(a.Key) ?? _tier?.Links.ByKey(a.Key)?.Person;
            if (n >= 2)
                lists[(int)Category.AidDuplicate].Add(new ResultRow
                {
                    Category = Category.AidDuplicate, Aid = a, Person = person, DuplicateCount = n, Responsible = county, Note = note,
                });
            if (person is null)
                lists[(int)Category.AidIneligible].Add(new ResultRow
                {
                    Category = Category.AidIneligible, Aid = a, Reason = "不在脱贫人口及防返贫监测对象名单中", Responsible = county, Note = note,
                });
            if (!_enrolledKeys.Contains(a.Key) && _tier?.Links.ByKey(a.Key) is null)
                lists[(int)Category.AidNotEnrolled].Add(new ResultRow
                {
                    Category = Category.AidNotEnrolled, Aid = a, Person = person, Reason = "学籍库中无在籍学籍", Responsible = county, Note = note,
                });
        }
    }
}
