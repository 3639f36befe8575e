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
    private int _aidRowsUnkeyed; // aid rows with no key and no invalid_id row (another document type without a number)

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
        foreach (var (aid, _, _) in _aidInvalid)
        {
            if (aid.Key == 0) // keyed ones are in _aid
                RowBase(AidCounty(aid).Code).EducationRows++;
        }
        _bases.Of(0).EducationRows += _aidRowsUnkeyed;
        foreach (var r in lists[(int)Category.InvalidId])
        {
            var b = _bases.Of(r.Responsible.Code);
            if (OwnerOf(r.Source) == DataOwner.Rural)
                b.InvalidRural++;
            else
                b.InvalidEducation++;
        }
        foreach (var r in lists[(int)Category.FieldConflict])
        {
            var b = _bases.Of(r.Responsible.Code);
            if (OwnerOf(r.Source) == DataOwner.Rural)
                b.ConflictRural++;
            else
                b.ConflictEducation++;
        }
        return _bases;
    }

    private static DataOwner OwnerOf(Dataset? source) => source == Dataset.Poverty ? DataOwner.Rural : DataOwner.Education;
}
