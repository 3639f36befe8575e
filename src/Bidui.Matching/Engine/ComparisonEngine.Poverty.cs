using Bidui.Core.Dates;
using Bidui.Core.Identity;
using Bidui.Core.Schooling;
using Bidui.Matching.Categories;
using Bidui.Matching.Records;

namespace Bidui.Matching.Engine;

public sealed partial class ComparisonEngine
{
    private readonly List<PovertyRecord> _poverty = [];
    private readonly Support.KeyIndex _povertyKeys = new();
    private readonly HashSet<long> _duplicatePersons = []; // keys with two or more register rows
    private string? _lastTownship;

    /// <summary>Adds one non-blank poverty row; false when it was rejected (SPEC §5).</summary>
    public bool AddPoverty(in PovertyCells c)
    {
        RequirePhase(Phase.Poverty, "The poverty register");
        if (Reject(Dataset.Poverty, c.RowNumber, c.Name, c.IdNumber))
            return false;

        var id = ParseId(c.IdType, c.IdNumber, c.ParsedResidentId);
        var m = _povertyMemos ??= new PovertyMemo(_pool);
        string schooling = m.Schooling.Intern(c.Schooling), status = m.Status.Intern(c.PersonStatus);
        int county = Support.CountyLocator.ParseCode(c.CountyCode);
        if (county == 0)
            county = _counties.FromNames(c.ProvinceName, c.PrefectureName, c.CountyName);
        var dispatch = _counties.Dispatch(county);
        CountPovertyRow(dispatch.Code);

        DateOnly? birth = id.Key != 0 && id.IsResident ? id.BirthDate
            : FlexibleDate.TryParse(c.BirthDate.Trim(), out var b) ? b : null;
        var record = new PovertyRecord
        {
            Row = c.RowNumber,
            Key = id.Key,
            Name = c.Name.Trim().ToString(),
            IdGiven = IdGiven(id, c.IdNumber),
            IdProblem = id.Problem,
            HouseholdId = m.Household.Text(c.HouseholdId),
            Relation = m.Relation.Intern(c.Relation),
            PopulationType = m.PopulationType.Intern(c.PopulationType),
            SchoolingText = schooling,
            Statement = StatementOf(schooling),
            StatusText = status,
            Deceased = PersonStatus.IsDeceasedOrRemoved(status),
            BirthDate = birth,
            Sex = id.Key != 0 && id.IsResident ? id.Sex : SexText.Parse(c.Sex.Trim()),
            Township = m.Township.Intern(c.Township),
            Village = m.Village.Intern(c.Village),
            CountyCode = county,
            Dispatch = dispatch,
            ColumnBirth = Linkage ? Probabilistic.ProbabilisticTier.BirthCell(c.BirthDate) : 0,
            ColumnSex = Linkage ? SexText.Parse(c.Sex.Trim()) : Sex.Unknown,
        };

        if (_tier is not null && !ReferenceEquals(record.Township, _lastTownship))
        {
            _lastTownship = record.Township; // rows of one township come together: skip the set most of the time
            _tier.AddTownship(record.Township);
        }
        EmitInvalidId(Dataset.Poverty, c.RowNumber, id, record, null, null, dispatch);
        if (FieldConflictReason(id, c.BirthDate, c.Sex, out string detail) is { } conflict)
            EmitFieldConflict(Dataset.Poverty, c.RowNumber, conflict, detail, record, null, dispatch);
        if (id.Key == 0)
        {
            _tier?.AddPersonWithoutKey(record);
            return true;
        }

        _poverty.Add(record);
        if (_povertyKeys.Add(id.Key, _poverty.Count - 1) == 2)
            _duplicatePersons.Add(id.Key);
        return true;
    }

    // Per-column memos: the register lists a village's households together.
    private sealed class PovertyMemo(Support.TextPool pool)
    {
        public readonly Support.InternMemo Relation = new(pool), PopulationType = new(pool), Schooling = new(pool), Status = new(pool);
        public readonly Support.InternMemo Township = new(pool), Village = new(pool);
        public readonly Support.RepeatMemo Household = new();
        public string? StatementText;
        public SchoolingStatement Statement;
    }

    private PovertyMemo? _povertyMemos;

    private SchoolingStatement StatementOf(string schooling)
    {
        var m = _povertyMemos!;
        if (!ReferenceEquals(m.StatementText, schooling))
            (m.StatementText, m.Statement) = (schooling, SchoolingStatement.Parse(schooling));
        return m.Statement;
    }

    /// <summary>The person (first poverty row) with this key, or null.</summary>
    private PovertyRecord? PersonOf(long key) =>
        _povertyKeys.TryGetFirst(key, out int i) ? _poverty[i] : null;

    private void FinishPovertyDuplicates(List<ResultRow> into)
    {
        if (_duplicatePersons.Count == 0)
            return;
        foreach (var p in _poverty)
        {
            if (!_duplicatePersons.Contains(p.Key))
                continue;
            int n = _povertyKeys.CountOf(p.Key);
            into.Add(new ResultRow
            {
                Category = Category.DuplicatePoverty,
                Person = p,
                DuplicateCount = n,
                Responsible = p.Dispatch,
                Note = RegionNote(p.Dispatch),
            });
        }
    }
}
