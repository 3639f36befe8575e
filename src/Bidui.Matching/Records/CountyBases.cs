namespace Bidui.Matching.Records;

/// <summary>The office that owns a dataset: 数据质量 is judged per owner (docs/ASSESSMENT.md).</summary>
public enum DataOwner : byte
{
    /// <summary>学籍 and 资助: the education bureau.</summary>
    Education,
    /// <summary>脱贫人口及防返贫监测对象: the rural revitalization bureau.</summary>
    Rural,
}

/// <summary>
/// What a county's indicators are measured against (the lists give the numerators): rows loaded per
/// owner, the poverty children of compulsory school age, the matched students of aid stages, and the
/// invalid and conflicting rows per owner. Counted by the engine, because only it sees every row.
/// </summary>
public sealed class CountyBase
{
    /// <summary>Loaded rows whose county this is: registry and aid rows (education; the school's county), register rows (rural; the household's).</summary>
    public long EducationRows { get; set; }
    public long RuralRows { get; set; }
    /// <summary>Poverty persons not deceased whose age is in the compulsory band (household county), enrolled or not.</summary>
    public long CompulsoryAge { get; set; }
    /// <summary>Of <see cref="CompulsoryAge"/>, those enrolled (matched); the rest are dropout_suspect.</summary>
    public long CompulsoryEnrolled { get; set; }
    /// <summary>Matched persons not deceased whose enrolment stage is an aid stage (the school's county): aid_missing's base.</summary>
    public long AidStageStudents { get; set; }
    /// <summary>invalid_id rows owned by education (学籍, 资助) and by the rural office (乡村振兴), by the row's county.</summary>
    public long InvalidEducation { get; set; }
    public long InvalidRural { get; set; }
    /// <summary>field_conflict rows by owner.</summary>
    public long ConflictEducation { get; set; }
    public long ConflictRural { get; set; }

    public void Add(CountyBase other)
    {
        EducationRows += other.EducationRows;
        RuralRows += other.RuralRows;
        CompulsoryAge += other.CompulsoryAge;
        CompulsoryEnrolled += other.CompulsoryEnrolled;
        AidStageStudents += other.AidStageStudents;
        InvalidEducation += other.InvalidEducation;
        InvalidRural += other.InvalidRural;
        ConflictEducation += other.ConflictEducation;
        ConflictRural += other.ConflictRural;
    }
}

/// <summary>County code (0: unknown) → its bases. Additive, so that engines given some keys each add up to one engine's figures.</summary>
public sealed class CountyBases
{
    public SortedDictionary<int, CountyBase> ByCounty { get; } = [];

    public CountyBase Of(int county)
    {
        if (!ByCounty.TryGetValue(county, out var b))
            ByCounty[county] = b = new CountyBase();
        return b;
    }

    public static CountyBases Merge(IEnumerable<CountyBases> parts)
    {
        var merged = new CountyBases();
        foreach (var part in parts)
        {
            foreach (var (county, b) in part.ByCounty)
                merged.Of(county).Add(b);
        }
        return merged;
    }
}
