using Bidui.Core.Identity;
using Bidui.Core.Regions;
using Bidui.Matching.Categories;
using Bidui.Matching.Records;
using Bidui.Matching.Support;

namespace Bidui.Matching.Engine;

/// <summary>
/// The exact tier of the comparison (SPEC §4). Feed it the poverty register before the students (the
/// build side, about a fifth of them), and aid at any time before <see cref="Finish"/>; students are streamed and
/// only enrolled keyed rows are kept, compactly. <see cref="Finish"/> derives the person lists.
/// Keys are 64-bit integers: a resident ID's 17 leading digits, or a per-run number for another
/// document type (SPEC §2.2).
/// </summary>
/// <remarks>
/// Aid may be fed from a thread of its own while the register and then the students are fed from
/// another: it shares only the other-document numbering, which is locked, and keeps its own text pool
/// and rejected rows. Everything that relates aid to the others happens in <see cref="Finish"/>.
/// </remarks>
public sealed partial class ComparisonEngine
{
    private readonly ComparisonSettings _settings;
    private readonly RegionTable _regions;
    private readonly CountyLocator _counties;
    private readonly TextPool _pool = new();
    private readonly TextPool _aidPool = new();
    private readonly OtherDocumentKeys _otherKeys = new();
    private readonly List<ResultRow>[] _online = NewLists();
    private readonly List<RejectedRow> _rejects = [];
    private readonly List<RejectedRow> _aidRejects = [];
    private readonly NoteCounter _notes = new();
    private Phase _phase = Phase.Poverty;
    // The probabilistic tier, unless --exact-only: handed what the exact tier cannot link (SPEC §4.3).
    private readonly Probabilistic.ProbabilisticTier? _tier;

    public ComparisonEngine(ComparisonSettings settings, RegionTable regions)
    {
        _settings = settings;
        _regions = regions;
        _counties = new CountyLocator(regions);
        if (!settings.ExactOnly)
            _tier = new Probabilistic.ProbabilisticTier(settings.Model, _counties, new RegisterView(this), new EnrolmentView(this),
                settings.ReferenceDate, RegionNote);
    }

    /// <summary>The model the tier used (given or estimated); null with <see cref="ComparisonSettings.ExactOnly"/>.</summary>
    public Probabilistic.LinkageModel? Model => _tier?.Model;

    private bool Linkage => _tier is not null;

    private enum Phase { Poverty, Others, Finished }

    private static List<ResultRow>[] NewLists()
    {
        var lists = new List<ResultRow>[CategoryInfo.All.Count];
        for (int i = 0; i < lists.Length; i++)
            lists[i] = [];
        return lists;
    }

    /// <summary>The parsed identity cell of a row: key, problem and what the ID says of the person.</summary>
    private readonly record struct ParsedId(long Key, IdProblem Problem, bool IsResident, DateOnly BirthDate, Sex Sex);

    /// <summary>The settings the engine compares with (the reading side needs the day IDs are judged on).</summary>
    public ComparisonSettings Settings => _settings;

    private ParsedId ParseId(ReadOnlySpan<char> type, ReadOnlySpan<char> number, ResidentIdResult? parsed)
    {
        if (!DocumentTypes.IsResidentId(type))
        {
            lock (_otherKeys)
                return new ParsedId(_otherKeys.GetOrAdd(type, number), IdProblem.None, false, default, Sex.Unknown);
        }
        var r = parsed ?? ResidentId.Parse(number, _settings.Today);
        return new ParsedId(r.Key, r.Problem, true, r.BirthDate, r.Sex);
    }

    /// <summary>
    /// The ID text a record must keep: none for a resident key (the list shows its normalised 18-digit
    /// form, rebuilt from the key), the document for another type, the cell as given without a key.
    /// </summary>
    private string? IdGiven(in ParsedId id, ReadOnlySpan<char> cell)
    {
        if (id.Key == 0)
            return cell.Trim().ToString();
        return id.IsResident ? null : DescribeOther(id.Key);
    }

    private string? IdGiven(long key) =>
        OtherDocumentKeys.IsOtherDocumentKey(key) ? DescribeOther(key) : null;

    private string DescribeOther(long key)
    {
        lock (_otherKeys)
            return _otherKeys.Describe(key);
    }

    /// <summary>SPEC §5: a row is rejected when both name and ID are empty but the row is not blank.</summary>
    private bool Reject(Dataset source, int row, ReadOnlySpan<char> name, ReadOnlySpan<char> id)
    {
        if (!name.IsWhiteSpace() || !id.IsWhiteSpace())
            return false;
        (source == Dataset.Aid ? _aidRejects : _rejects).Add(new RejectedRow(source, row, "姓名和证件号码均为空"));
        return true;
    }

    private void EmitInvalidId(Dataset source, int row, in ParsedId id, PovertyRecord? person, StudentRecord? student,
        AidRecord? aid, DispatchCounty responsible)
    {
        if (!id.IsResident || id.Problem == IdProblem.None)
            return;
        _online[(int)Category.InvalidId].Add(new ResultRow
        {
            Category = Category.InvalidId,
            Source = source,
            SourceRow = row,
            Reason = id.Problem.ToChinese(),
            Person = person,
            Student = student,
            Aid = aid,
            Responsible = responsible,
            Note = RegionNote(responsible),
        });
    }

    /// <summary>
    /// field_conflict (SPEC §4): only for an ID valid as given; a date that cannot be read or a sex
    /// other than 男/女 contradicts nothing. Returns the reason, or null when nothing contradicts.
    /// </summary>
    private static string? FieldConflictReason(in ParsedId id, ReadOnlySpan<char> birthCell, ReadOnlySpan<char> sexCell,
        out string detail)
    {
        detail = string.Empty;
        if (!id.IsResident || id.Problem != IdProblem.None || id.Key == 0)
            return null;
        birthCell = birthCell.Trim();
        sexCell = sexCell.Trim();
        bool birthWrong = !birthCell.IsEmpty && Bidui.Core.Dates.FlexibleDate.TryParse(birthCell, out var given) && given != id.BirthDate;
        var sex = sexCell.IsEmpty ? Sex.Unknown : SexText.Parse(sexCell);
        bool sexWrong = sex != Sex.Unknown && sex != id.Sex;
        if (!birthWrong && !sexWrong)
            return null;
        detail = $"登记出生日期：{birthCell}；登记性别：{sexCell}；证件所示：{id.BirthDate:yyyy-MM-dd} {id.Sex.ToChinese()}";
        return birthWrong && sexWrong ? "出生日期、性别与证件号码不符" : birthWrong ? "出生日期与证件号码不符" : "性别与证件号码不符";
    }

    private void EmitFieldConflict(Dataset source, int row, string reason, string detail, PovertyRecord? person,
        StudentRecord? student, DispatchCounty responsible) =>
        _online[(int)Category.FieldConflict].Add(new ResultRow
        {
            Category = Category.FieldConflict,
            Source = source,
            SourceRow = row,
            Reason = reason,
            Detail = detail,
            Person = person,
            Student = student,
            Responsible = responsible,
            Note = RegionNote(responsible),
        });

    private string RegionNote(DispatchCounty d)
    {
        if (d.Note == Bidui.Core.Regions.RegionNote.None)
            return string.Empty;
        _notes.Add(d.Note == Bidui.Core.Regions.RegionNote.Abolished ? "已撤销的区划代码按新代码派发" : "区划代码不在代码表中，无法派发到县");
        return RegionTable.NoteText(d.Note, d.OriginalCode, d.Code);
    }

    private void RequirePhase(Phase atMost, string what)
    {
        if (_phase > atMost)
            throw new InvalidOperationException($"{what} must come before {(_phase == Phase.Finished ? "Finish" : "students and aid")}.");
    }
}
