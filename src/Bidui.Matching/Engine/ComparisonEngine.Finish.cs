using Bidui.Core.Dates;
using Bidui.Core.Schooling;
using Bidui.Matching.Categories;
using Bidui.Matching.Records;
using Bidui.Matching.Supervision;

namespace Bidui.Matching.Engine;

public sealed partial class ComparisonEngine
{
    // Rows ahead whose keys' index slots are fetched into cache (the loops below wait on memory otherwise).
    private const int PrefetchAhead = 8;

    // The key-county figures of the persons (SPEC §4.6), written by the persons' loop only.
    private readonly FundsTally _personFunds = new();

    /// <summary>Derives the person lists and returns every computed list (SPEC §4).</summary>
    public ComparisonResult Finish()
    {
        if (_phase == Phase.Finished)
            throw new InvalidOperationException("Finish was already called.");
        _phase = Phase.Finished;

        var lists = _online;
        var review = _tier?.LinkUnmatched();
        // Without the tier, aid rows are classified on a second thread while the persons are: they
        // read what is settled by now and write lists (and funds) of their own (notes are counted under a lock).
        var aidFunds = new FundsTally();
        var aidFinished = Linkage ? null : Task.Run(() => FinishAid(lists, aidFunds));
        int unknownAge = 0;
        for (int i = 0; i < _poverty.Count; i++)
        {
            if (i + PrefetchAhead < _poverty.Count)
                Prefetch(_poverty[i + PrefetchAhead].Key); // both lookups below would wait on memory
            var p = _poverty[i];
            if (_povertyKeys.TryGetFirst(p.Key, out int first) && first != i)
                continue; // a later row of a person: only in duplicate_poverty
            unknownAge += ClassifyPerson(p, lists) ? 0 : 1;
        }
        if (_tier is not null)
        {
            foreach (var p in _tier.PersonsWithoutKey)
            {
                if (_tier.Links.IsLinked(p))
                    ClassifyPerson(p, lists); // a row without a key joins the lists only through a link
            }
            review!.AddRange(_tier.LinkAidRows([.. _aidInvalid.Where(x => x.Aid.Key == 0).Select(x => x.Aid)], lists[(int)Category.AidMissing]));
            lists[(int)Category.Review].AddRange(review);
        }
        FinishPovertyDuplicates(lists[(int)Category.DuplicatePoverty]);
        FinishEnrollmentDuplicates(lists[(int)Category.DuplicateEnrollment]);
        if (aidFinished is null)
            FinishAid(lists, aidFunds);
        else
            aidFinished.GetAwaiter().GetResult();
        if (_settings.HasAid)
        {
            foreach (var row in lists[(int)Category.AidMissing])
                _personFunds.CoverageOf(row.Person!.Dispatch.Code).AidMissing++;
        }
        FinishRegisterCoverage();
        lists[(int)Category.InvalidId].AddRange(_registerInvalid);
        _tier?.Links.ApplySuggestions(lists[(int)Category.InvalidId]);
        var bases = FinishBases(lists);

        // Rows found while streaming come in dataset order; lists show 学籍, 乡村振兴, 资助, the registers, then row.
        foreach (var category in new[] { Category.InvalidId, Category.FieldConflict })
        {
            var sorted = lists[(int)category].OrderBy(r => r.SourceOrder).ThenBy(r => r.SourceRow).ToList();
            lists[(int)category].Clear();
            lists[(int)category].AddRange(sorted);
        }
        if (_tier is not null)
            MarkBorrowedNumbers(lists[(int)Category.IdentityConflict]);
        lists[(int)Category.IdentityConflict].Sort((a, b) => a.Student!.Row.CompareTo(b.Student!.Row));

        var counted = _notes.ToNotes();
        counted.AddRange(UncataloguedNotes().OrderBy(n => n.Text, StringComparer.Ordinal));
        if (unknownAge > 0)
            counted.Add(new CountedNote(unknownAge, "人", "证件号码非居民身份证且未填写出生日期，无法计算年龄，未参与疑似失学辍学判断"));
        var notes = counted.Select(n => n.ToString()).ToList();

        var computed = new Dictionary<Category, IReadOnlyList<ResultRow>>();
        foreach (var info in CategoryInfo.All)
        {
            if (info.Category == Category.Review && !Linkage || info.NeedsAid && !_settings.HasAid
                || info.Category == Category.AidStageMismatch && _settings.Catalog is null)
                continue;
            computed[info.Category] = lists[(int)info.Category];
        }
        if (_tier is not null)
            notes.Add($"概率匹配：接受 {_tier.Links.Count} 对，待人工核对 {review!.Count} 对");
        // Rejected rows in the order the inputs are read: register, aid, the other registers, registry.
        var rejects = _rejects.Where(r => r.Source == Dataset.Poverty).Concat(_aidRejects).Concat(_registerRejects)
            .Concat(_rejects.Where(r => r.Source != Dataset.Poverty)).ToList();
        var funds = FundsTally.Merge([aidFunds, _personFunds]);
        return new ComparisonResult(_settings, computed, rejects, notes) { Model = Model, CountedNotes = counted, Funds = funds, Bases = bases };
    }

    /// <summary>matched, aid_missing, dropout_suspect and status_mismatch for one person. False when the age is unknown and mattered.</summary>
    private bool ClassifyPerson(PovertyRecord p, List<ResultRow>[] lists)
    {
        int entry = 0;
        bool inE = p.Key != 0 && _enrolledKeys.TryGetFirst(p.Key, out entry);
        if (inE && _tier is not null && _tier.Links.TryGetEnrolmentInstead(p.Key, out int left))
            (inE, entry) = (left >= 0, left); // rows of the key were linked to the children they belong to (SPEC §4.3)
        var link = inE ? null : _tier?.Links.Of(p);
        StudentRecord? enrolment = inE ? EnrolmentOf(entry) : link?.Student;
        bool ageKnown = true;
        CountPerson(p, enrolment);
        var coverage = _personFunds.CoverageOf(p.Dispatch.Code);
        coverage.PovertyPersons++;
        if (enrolment is not null)
            coverage.Matched++;

        if (enrolment is not null)
        {
            lists[(int)Category.Matched].Add(new ResultRow
            {
                Category = Category.Matched, Person = p, Student = enrolment, Responsible = p.Dispatch,
                Note = link is null ? RegionNote(p.Dispatch) : JoinNotes(LinkNote(link.Probability), RegionNote(p.Dispatch)),
            });
            if (_settings.HasAid && AwaitsAid(p, enrolment.Stage, link))
                lists[(int)Category.AidMissing].Add(new ResultRow
                {
                    Category = Category.AidMissing, Person = p, Student = enrolment, Reason = $"{enrolment.StageText}学生未查到资助发放记录",
                    Responsible = enrolment.School.Dispatch, Note = RegionNote(enrolment.School.Dispatch),
                });
        }
        else if (!p.Deceased)
        {
            if (p.BirthDate is { } birth)
            {
                int age = Age.On(birth, _settings.ReferenceDate);
                if (_settings.CompulsoryAge.Contains(age))
                    lists[(int)Category.DropoutSuspect].Add(new ResultRow
                    {
                        Category = Category.DropoutSuspect, Person = p, Age = age, Reason = $"{age}周岁，学籍库中未查到在籍学籍",
                        Responsible = p.Dispatch, Note = RegionNote(p.Dispatch),
                    });
            }
            else
            {
                ageKnown = false;
            }
        }

        if (!p.Deceased && StatusReason(p.Statement, enrolment) is { } reason)
            lists[(int)Category.StatusMismatch].Add(new ResultRow
            {
                Category = Category.StatusMismatch, Person = p, Student = enrolment, Reason = reason,
                Detail = enrolment is null ? $"登记：{p.SchoolingText}" : $"登记：{p.SchoolingText}；学籍：{enrolment.StageText}",
                Responsible = p.Dispatch, Note = RegionNote(p.Dispatch),
            });
        return ageKnown;
    }

    private static string JoinNotes(string a, string b) => b.Length == 0 ? a : $"{a}；{b}";

    /// <summary>
    /// SPEC §4.3: an identity_conflict row whose registry row the tier linked to another person stays in
    /// the list with 原因 疑似借用他人证件号码; 备注 names the person it was linked to.
    /// </summary>
    private void MarkBorrowedNumbers(List<ResultRow> conflicts)
    {
        for (int i = 0; i < conflicts.Count; i++)
        {
            var row = conflicts[i];
            if (_tier!.Links.OfBorrowedRow(row.Student!.Row) is not { } link)
                continue;
            string linked = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"疑似为{link.Person.Name}（乡村振兴行号 {link.Person.Row}）的学籍，匹配概率 {link.Probability:P1}");
            conflicts[i] = new ResultRow
            {
                Category = row.Category, Person = row.Person, Student = row.Student, Reason = "疑似借用他人证件号码",
                Responsible = row.Responsible, Note = JoinNotes(linked, row.Note),
            };
        }
    }

    private static string LinkNote(double probability) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"概率匹配（匹配概率 {probability:P1}）");

    /// <summary>aid_missing's condition on the person (SPEC §4), by key or through a link.</summary>
    private bool AwaitsAid(PovertyRecord p, SchoolStage stage, Probabilistic.Link? link) =>
        !p.Deceased && _settings.AidStages.Contains(stage) && !_aidKeys.Contains(p.Key)
        && !(link is not null && _aidKeys.Contains(link.Student.Key));

    /// <summary>SPEC §4.4. A stage cannot disagree with an enrolment whose stage is unknown.</summary>
    private static string? StatusReason(SchoolingStatement s, StudentRecord? enrolment)
    {
        if (enrolment is not null)
        {
            if (s.Kind == StatementKind.NotInSchool)
                return "登记非在校但有学籍";
            if (s.Kind == StatementKind.InSchool && enrolment.Stage != SchoolStage.None && s.Stage != enrolment.Stage)
                return "学段不一致";
            return null;
        }
        return s.Kind == StatementKind.InSchool && s.Stage.IsRegistryStage() ? "登记在校但未查到学籍" : null;
    }
}
