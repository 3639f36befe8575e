using Bidui.Core.Identity;
using Bidui.Core.Regions;
using Bidui.Matching.Categories;
using Bidui.Matching.Engine;
using Bidui.Matching.Records;

namespace Bidui.Matching.Tests;

/// <summary>Builds small hand-made comparisons: a few rows per dataset, then the lists.</summary>
internal sealed class EngineFixture
{
    public static readonly DateOnly Reference = new(2026, 8, 31);
    public static readonly DateOnly Today = new(2026, 11, 29);
    private readonly ComparisonEngine _engine;
    private int _povertyRow = 1, _studentRow = 1, _aidRow = 1;

    /// <param name="linkage">With the probabilistic tier; off by default, since most tests state the exact rules of SPEC §4.</param>
    public EngineFixture(bool withAid = true, bool linkage = false, global::Bidui.Matching.Probabilistic.LinkageModel? model = null) =>
        _engine = new ComparisonEngine(new ComparisonSettings
        {
            ReferenceDate = Reference, Today = Today, HasAid = withAid, ExactOnly = !linkage, Model = model,
        }, RegionTable.Default);

    public global::Bidui.Matching.Probabilistic.LinkageModel? Model => _engine.Model;

    /// <summary>A valid ID from region + birth date + 3-digit sequence (odd = male).</summary>
    public static string Id(string region, string birth, string seq = "001") =>
        ResidentId.Format(long.Parse(region + birth + seq, System.Globalization.CultureInfo.InvariantCulture));

    public int Poverty(string name, string id, string schooling = "", string status = "正常", string county = "430121",
        string type = "", string birth = "", string sex = "", string household = "", string relation = "")
    {
        int row = ++_povertyRow;
        _engine.AddPoverty(new PovertyCells
        {
            RowNumber = row, Name = name, IdNumber = id, Schooling = schooling, PersonStatus = status, CountyCode = county,
            IdType = type, BirthDate = birth, Sex = sex, PopulationType = "脱贫户", HouseholdId = household, Relation = relation,
        });
        return row;
    }

    public int Student(string name, string id, string stage = "小学", string status = "在读", string county = "430102",
        string type = "", string birth = "", string sex = "", string grade = "", string schoolCode = "2143000001", string studentNumber = "")
    {
        int row = ++_studentRow;
        _engine.AddStudent(new StudentCells
        {
            RowNumber = row, Name = name, IdNumber = id, Stage = stage, Status = status, SchoolCounty = county, IdType = type,
            BirthDate = birth, Sex = sex, Grade = grade, SchoolName = "长沙市第一小学", SchoolCode = schoolCode, StudentNumber = studentNumber,
        });
        return row;
    }

    public int Aid(string name, string id, string project = "义务教育家庭经济困难学生生活补助", string year = "2026-2027",
        string term = "秋季学期", string schoolCode = "2143000001")
    {
        int row = ++_aidRow;
        _engine.AddAid(new AidCells
        {
            RowNumber = row, Name = name, IdNumber = id, Project = project, SchoolYear = year, Term = term, Amount = "625",
            SchoolCode = schoolCode,
        });
        return row;
    }

    public bool RejectableStudent(string school)
    {
        int row = ++_studentRow;
        return _engine.AddStudent(new StudentCells { RowNumber = row, SchoolName = school });
    }

    public ComparisonResult Finish() => _engine.Finish();
}

internal static class ResultExtensions
{
    public static IReadOnlyList<ResultRow> Of(this ComparisonResult r, Category c) => r.Lists[c];
}
