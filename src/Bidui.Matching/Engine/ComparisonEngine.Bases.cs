using Bidui.Core.Dates;
using Bidui.Matching.Categories;
using Bidui.Matching.Records;

namespace Bidui.Matching.Engine;

/// <summary>
/// The bases of the county indicators (docs/ASSESSMENT.md): counted as the rows stream and the persons
/// are classified. Only one thread touches them at a time: the register's, then the registry's, then
/// Finish's (aid rows are counted there, once the aid thread is done).
/// </summary>
public sealed partial class ComparisonEngine
{
    private readonly CountyBases _bases = new();
    private int _lastRowCounty = -1;
    private CountyBase? _lastRowBase;

    // Rows come school by school and village by village: the last county's base is reused.
    private CountyBase RowBase(int county)
    {
        if (county != _lastRowCounty || _lastRowBase is null)
            (_lastRowCounty, _lastRowBase) = (county, _bases.Of(county));
        return _lastRowBase;
    }

    private void CountPovertyRow(int county) => RowBase(county).RuralRows++;

    private void CountStudentRow(School school) => RowBase(school.Dispatch.Code).EducationRows++;

    private void CountPerson(PovertyRecord p, StudentRecord? enrolment)
    {
        if (p.Deceased)
            return;
        if (p.BirthDate is { } birth && _settings.CompulsoryAge.Contains(Age.On(birth, _settings.ReferenceDate)))
        {
            var b = _bases.Of(p.Dispatch.Code);
            b.CompulsoryAge++;
            if (enrolment is not null)
                b.CompulsoryEnrolled++;
        }
        if (enrolment is not null && _settings.AidStages.Contains(enrolment.Stage))
            _bases.Of(enrolment.School.Dispatch.Code).AidStageStudents++;
    }

    /// <summary>Aid rows by the county their lists go to, and the invalid and conflicting rows by owner.</summary>
    private CountyBases FinishBases(List<ResultRow>[] lists)
    {
        _lastRowCounty = -1;
        foreach (var a in _aid)
            RowBase(AidCounty(a).Code).EducationRows++;
        foreach (var r in lists[(int)Category.InvalidId])
        {
            var b = _bases.Of(r.Responsible.Code);
            if (OwnerOf(r.Source) is DataOwner.Rural)
                b.InvalidRural++;
            else if (OwnerOf(r.Source) is DataOwner.Education)
                b.InvalidEducation++;
        }
        foreach (var r in lists[(int)Category.FieldConflict])
        {
            var b = _bases.Of(r.Responsible.Code);
            if (OwnerOf(r.Source) is DataOwner.Rural)
                b.ConflictRural++;
            else if (OwnerOf(r.Source) is DataOwner.Education)
                b.ConflictEducation++;
        }
        return _bases;
    }

    /// <summary>学籍 and 资助 are education's, 乡村振兴 the rural office's; the other registers' rows belong to neither (null).</summary>
    private static DataOwner? OwnerOf(Dataset? source) => source switch
    {
        Dataset.Students or Dataset.Aid => DataOwner.Education,
        Dataset.Poverty => DataOwner.Rural,
        _ => null,
    };
}
