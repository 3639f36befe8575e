using Bidui.Core.Identity;
using Bidui.Core.Regions;
using Bidui.Core.Schooling;
using Bidui.Matching.Categories;
using Bidui.Matching.Records;
using Bidui.Matching.Supervision;
using Bidui.Matching.Support;

namespace Bidui.Matching.Engine;

public sealed partial class ComparisonEngine
{
    // Every loaded aid row, keyed or not (aid_amount_anomaly and the funds count them all).
    private readonly List<AidRecord> _aid = [];
    private readonly HashSet<long> _aidKeys = [];
    // aid_duplicate: (key, 资助项目 + 学年 + 学期) → rows and the first row's number.
    private readonly Dictionary<(long Key, int TermGroup), (int Count, int First)> _aidGroups = [];
    private readonly Dictionary<(string, string, string), int> _termGroups = [];
    // The yearly standard (SPEC §4.7): (key, 资助项目 + 学年) → the valid amounts added up, for projects with a 标准.
    private readonly Dictionary<(string, string), int> _yearGroups = [];
    private readonly Dictionary<(long Key, int YearGroup), decimal> _yearSums = [];
    // Rows per project the catalogue does not name (noted in the summary).
    private readonly Dictionary<string, int> _uncatalogued = new(StringComparer.Ordinal);
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
        var payment = PaymentOf(c);
        var record = new AidRecord
        {
            Row = c.RowNumber,
            Key = id.Key,
            Name = c.Name.Trim().ToString(),
            IdGiven = IdGiven(id, c.IdNumber),
            IdProblem = id.Problem,
            Payment = payment,
        };
        // The aid file has no county column: its county is known only once the registry is read.
        if (id.IsResident && id.Problem != Bidui.Core.Identity.IdProblem.None)
            _aidInvalid.Add((record, Category.InvalidId, id.Problem.ToChinese()));
        _aid.Add(record);
        if (_settings.Catalog is not null && !payment.InCatalog)
            _uncatalogued[payment.ProjectKey] = _uncatalogued.GetValueOrDefault(payment.ProjectKey) + 1;
        if (id.Key == 0)
            return true;

        _aidKeys.Add(id.Key);
        var group = (id.Key, payment.TermGroup);
        _aidGroups[group] = _aidGroups.TryGetValue(group, out var g) ? (g.Count + 1, g.First) : (1, c.RowNumber);
        if (payment.YearGroup >= 0 && payment.AmountValue is { } amount)
        {
            var year = (id.Key, payment.YearGroup);
            _yearSums[year] = _yearSums.GetValueOrDefault(year) + amount;
        }
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
        payment = NewPayment(key.Item1, key.Item2, key.Item3, key.Item4, key.Item5, key.Item6, key.Item7);
        _payments.Add(key, payment);
        return _lastPayment = payment;
    }

    /// <summary>A payment description seen for the first time: its project, amount and the reason its amount alone gives (SPEC §4.7).</summary>
    private AidPayment NewPayment(string project, string amountText, string year, string term, string paidOn, string school, string schoolCode)
    {
        string projectKey = AidCatalog.KeyOf(project);
        var found = _settings.Catalog?.Find(projectKey);
        var rule = found ?? AidProject.Default(project);
        decimal? amount = AidAmount.Parse(amountText);
        string? reason = amount is not { } v ? "金额无效"
            : rule.Maximum is { } max && v > max ? "高于标准"
            : rule.Minimum is { } min && v < min ? "低于标准"
            : null;
        var termKey = (projectKey, year, term);
        if (!_termGroups.TryGetValue(termKey, out int termGroup))
            _termGroups.Add(termKey, termGroup = _termGroups.Count);
        int yearGroup = -1;
        if (rule.YearlyStandard is not null && !_yearGroups.TryGetValue((projectKey, year), out yearGroup))
            _yearGroups.Add((projectKey, year), yearGroup = _yearGroups.Count);
        return new AidPayment(project, amountText, year, term, paidOn, school, schoolCode, termGroup)
        {
            ProjectKey = projectKey, AmountValue = amount, Rule = rule, InCatalog = found is not null, AmountReason = reason, YearGroup = yearGroup,
        };
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
        if (_tier?.Links.OfAid(a) is { } rowLink)
            return rowLink.Student.School.Dispatch;
        return default;
    }

    /// <summary>The person and enrolment an aid row stands for: by its key, or through a link of the probabilistic tier.</summary>
    private readonly record struct AidIdentity(bool Known, PovertyRecord? Person, bool Enrolled, SchoolStage Stage, string StageText,
        int EnrolmentEntry, StudentRecord? LinkedStudent, uint Registers);

    private AidIdentity IdentityOf(AidRecord a)
    {
        if (a.Key == 0)
        {
            // A row without a key takes part only when the tier linked it to a person (SPEC §4.3).
            if (_tier?.Links.OfAid(a) is not { } l)
                return default;
            return new AidIdentity(true, l.Person, true, l.Student.Stage, l.Student.StageText, -1, l.Student, RegistersOf(l.Person.Key));
        }
        var person = PersonOf(a.Key);
        var link = _tier?.Links.ByKey(a.Key);
        person ??= link?.Person;
        uint registers = RegistersOf(a.Key) | (person is not null && person.Key != a.Key ? RegistersOf(person.Key) : 0);
        if (_enrolledKeys.TryGetFirst(a.Key, out int entry))
        {
            var profile = _enrolled[entry].Profile;
            return new AidIdentity(true, person, true, profile.Stage, profile.StageText, entry, null, registers);
        }
        if (link is not null)
            return new AidIdentity(true, person, true, link.Student.Stage, link.Student.StageText, -1, link.Student, registers);
        return new AidIdentity(true, person, false, SchoolStage.None, string.Empty, -1, null, registers);
    }

    // Per project of the catalogue: whether its 对象 list holds 脱贫, and the bits of the registers it names.
    private Dictionary<AidProject, (bool Poverty, uint Registers)>? _audiences;

    private (bool Poverty, uint Registers) AudienceOf(AidProject p)
    {
        _audiences ??= new(ReferenceEqualityComparer.Instance);
        if (_audiences.TryGetValue(p, out var audience))
            return audience;
        uint bits = 0;
        for (int i = 0; i < _settings.Registers.Count; i++)
        {
            if (p.AudienceItems.Contains(_settings.Registers[i]))
                bits |= 1u << i;
        }
        return _audiences[p] = (p.AudienceItems.Contains(AidCatalog.PovertyItem), bits);
    }

    /// <summary>SPEC §4.5: the 原因 of aid_ineligible for a row whose person is known, or null when the project's 对象 admits it.</summary>
    private string? IneligibleReason(AidProject rule, in AidIdentity who)
    {
        if (who.Person is { Deceased: true })
            return "登记为死亡或注销";
        bool inP = who.Person is not null;
        switch (rule.Audience)
        {
            case AudienceKind.All:
                return null;
            case AudienceKind.Poverty:
                return inP ? null : "非脱贫人口（项目限脱贫家庭）";
            case AudienceKind.List:
                var (poverty, registers) = AudienceOf(rule);
                return poverty && inP || (who.Registers & registers) != 0 ? null : $"不在项目对象名单（{string.Join("、", rule.AudienceItems)}）";
            default:
                return inP || who.Registers != 0 ? null : "不在脱贫人口及困难群体名单";
        }
    }

    private void FinishAid(List<ResultRow>[] lists, FundsTally funds)
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
        bool catalogued = _settings.Catalog is not null;
        var rowLists = new List<(Category List, string Reason, string Detail)>(5);
        for (int i = 0; i < _aid.Count; i++)
        {
            if (i + PrefetchAhead < _aid.Count && _aid[i + PrefetchAhead].Key != 0)
                Prefetch(_aid[i + PrefetchAhead].Key);
            var a = _aid[i];
            var payment = a.Payment;
            var rule = payment.Rule;
            var who = IdentityOf(a);
            rowLists.Clear();
            int duplicates = 0;
            bool firstOfGroup = false;
            if (a.Key != 0 && _aidGroups[(a.Key, payment.TermGroup)] is { Count: >= 2 } group)
            {
                duplicates = group.Count;
                firstOfGroup = group.First == a.Row;
                rowLists.Add((Category.AidDuplicate, string.Empty, string.Empty));
            }
            if (who.Known && IneligibleReason(rule, who) is { } ineligible)
                rowLists.Add((Category.AidIneligible, ineligible, string.Empty));
            if (catalogued && who.Enrolled && who.Stage != SchoolStage.None && !rule.PaysStage(who.Stage))
                rowLists.Add((Category.AidStageMismatch, $"项目学段为{rule.StagesText}，学籍学段为{who.StageText}", string.Empty));
            if (AmountAnomaly(a) is { } anomaly)
                rowLists.Add((Category.AidAmountAnomaly, anomaly.Reason, anomaly.Detail));
            if (a.Key != 0 && !who.Enrolled)
                rowLists.Add((Category.AidNotEnrolled, "学籍库中无在籍学籍", string.Empty));

            var county = AidCounty(a);
            var cell = funds.Cell(county.Code, payment.ProjectKey, rule.Name.Length > 0 ? rule.Name : payment.Project);
            decimal? amount = payment.AmountValue;
            if (amount is { } paid)
            {
                cell.AddPaid(paid);
                if (who.Person is { } person && who.Enrolled)
                    funds.CoverageOf(person.Dispatch.Code).AidToMatched += paid;
            }
            if (rowLists.Count == 0)
                continue;

            string note = RegionNote(county);
            bool atRisk = false;
            StudentRecord? enrolment = null;
            foreach (var (list, reason, detail) in rowLists)
            {
                bool counts = !(list == Category.AidDuplicate && firstOfGroup);
                atRisk |= counts;
                if (counts && amount is { } v)
                    cell.AddToList(list, v);
                if (list == Category.AidStageMismatch)
                    enrolment = who.LinkedStudent ?? (who.EnrolmentEntry >= 0 ? EnrolmentOf(who.EnrolmentEntry) : null);
                lists[(int)list].Add(new ResultRow
                {
                    Category = list, Aid = a, Person = list is Category.AidDuplicate or Category.AidNotEnrolled ? who.Person : null,
                    Student = list == Category.AidStageMismatch ? enrolment : null, Reason = reason, Detail = detail,
                    DuplicateCount = list == Category.AidDuplicate ? duplicates : 0, Responsible = county, Note = note,
                });
            }
            if (atRisk)
                cell.AddAtRisk(amount ?? 0);
        }
        funds.Lists.AddRange(CategoryInfo.All.Where(c => c.NeedsAid && CategoryInfo.IsAidRowList(c.Category)
            && (c.Category != Category.AidStageMismatch || catalogued)).Select(c => c.Category));
    }

    /// <summary>SPEC §4.7: one reason per row, the first that applies: 金额无效, 高于标准, 低于标准, 累计超过标准.</summary>
    private (string Reason, string Detail)? AmountAnomaly(AidRecord a)
    {
        var p = a.Payment;
        if (p.AmountReason is { } reason)
            return (reason, reason == "金额无效" ? $"金额：{p.Amount}" : $"金额：{p.Amount}；标准：{AidCatalog.DescribeStandard(p.Rule)}");
        if (a.Key == 0 || p.YearGroup < 0 || p.AmountValue is null || p.Rule.YearlyStandard is not { } yearly)
            return null;
        decimal sum = _yearSums[(a.Key, p.YearGroup)];
        return sum > yearly
            ? ("累计超过标准", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{p.SchoolYear}学年累计：{sum:0.##} 元；全年标准：{yearly:0.##} 元（{AidCatalog.DescribeStandard(p.Rule)}）"))
            : null;
    }

    /// <summary>Projects of the aid file that the catalogue does not name, with their row counts (SPEC §1.5).</summary>
    private IEnumerable<CountedNote> UncataloguedNotes() =>
        _uncatalogued.Select(kv => new CountedNote(kv.Value, "行",
            $"资助项目“{(kv.Key.Length == 0 ? "（空）" : kv.Key)}”不在资助项目目录中，按“困难”对象处理（不限学段，不核对金额）"));
}
