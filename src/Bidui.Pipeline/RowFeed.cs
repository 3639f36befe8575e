using Bidui.Inputs;
using Bidui.Matching.Engine;
using Bidui.Matching.Records;

namespace Bidui.Pipeline;

/// <summary>
/// How one dataset's columns become the engine's cells: the columns read (ordinals of the bound
/// table, -1 for a column the file lacks) and the hand-over of one row. Shared by the in-memory run
/// and the partitioned run, which reads the same rows back from its partition files.
/// </summary>
internal sealed class RowFeed
{
    private RowFeed(Dataset dataset, int name, int id, int idType, int[] ordinals, Func<ITabularReader, ComparisonEngine, bool> add)
    {
        Dataset = dataset;
        Name = name;
        Id = id;
        IdType = idType;
        Ordinals = ordinals;
        Add = add;
    }

    public Dataset Dataset { get; }
    /// <summary>A register's label and index (SPEC §1.4); null and 0 for the three datasets.</summary>
    public string? Label { get; private init; }
    public int RegisterIndex { get; private init; }
    public int Name { get; }
    public int Id { get; }
    public int IdType { get; }
    public int[] Ordinals { get; }
    /// <summary>Hands one non-blank row to the engine; false when the engine rejected it.</summary>
    public Func<ITabularReader, ComparisonEngine, bool> Add { get; }
    /// <summary>学校名称, 学校标识码, 学校所在地代码 of the registry (-1 elsewhere).</summary>
    public (int Name, int Code, int County) School { get; private init; } = (-1, -1, -1);

    public static RowFeed Poverty(BoundTable t)
    {
        int name = t.Ordinal("姓名"), id = t.Ordinal("证件号码"), type = t.Ordinal("证件类型"), household = t.Ordinal("户编号"),
            relation = t.Ordinal("与户主关系"), sex = t.Ordinal("性别"), birth = t.Ordinal("出生日期"), popType = t.Ordinal("人口类型"),
            schooling = t.Ordinal("在校生状况"), county = t.Ordinal("县级代码"), province = t.Ordinal("省"), prefecture = t.Ordinal("市"),
            countyName = t.Ordinal("县"), township = t.Ordinal("乡镇"), village = t.Ordinal("村"), status = t.Ordinal("人员状态");
        return new RowFeed(Dataset.Poverty, name, id, type, [name, id, type, household, relation, sex, birth, popType, schooling, county,
            province, prefecture, countyName, township, village, status], (r, engine) =>
        {
            var c = new PovertyCells
            {
                RowNumber = r.RowNumber, ParsedResidentId = ParsedId(r),
                Name = Cell(r, name), IdNumber = Cell(r, id), IdType = Cell(r, type), HouseholdId = Cell(r, household),
                Relation = Cell(r, relation), Sex = Cell(r, sex), BirthDate = Cell(r, birth), PopulationType = Cell(r, popType),
                Schooling = Cell(r, schooling), CountyCode = Cell(r, county), ProvinceName = Cell(r, province),
                PrefectureName = Cell(r, prefecture), CountyName = Cell(r, countyName), Township = Cell(r, township),
                Village = Cell(r, village), PersonStatus = Cell(r, status),
            };
            return engine.AddPoverty(c);
        });
    }

    public static RowFeed Aid(BoundTable t)
    {
        int name = t.Ordinal("姓名"), id = t.Ordinal("身份证件号"), type = t.Ordinal("身份证件类型"), project = t.Ordinal("资助项目"),
            amount = t.Ordinal("金额"), year = t.Ordinal("学年"), term = t.Ordinal("学期"), paidOn = t.Ordinal("发放日期"),
            school = t.Ordinal("学校名称"), schoolCode = t.Ordinal("学校标识码");
        return new RowFeed(Dataset.Aid, name, id, type, [name, id, type, project, amount, year, term, paidOn, school, schoolCode], (r, engine) =>
        {
            var c = new AidCells
            {
                RowNumber = r.RowNumber, ParsedResidentId = ParsedId(r),
                Name = Cell(r, name), IdNumber = Cell(r, id), IdType = Cell(r, type), Project = Cell(r, project),
                Amount = Cell(r, amount), SchoolYear = Cell(r, year), Term = Cell(r, term), PaidOn = Cell(r, paidOn),
                SchoolName = Cell(r, school), SchoolCode = Cell(r, schoolCode),
            };
            return engine.AddAid(c);
        });
    }

    public static RowFeed Register(BoundTable t, int index, string label)
    {
        int name = t.Ordinal("姓名"), id = t.Ordinal("证件号码"), type = t.Ordinal("证件类型"), county = t.Ordinal("县级代码"),
            province = t.Ordinal("省"), prefecture = t.Ordinal("市"), countyName = t.Ordinal("县"), kind = t.Ordinal("类别");
        return new RowFeed(Dataset.Register, name, id, type, [name, id, type, county, province, prefecture, countyName, kind], (r, engine) =>
        {
            var c = new RegisterCells
            {
                RowNumber = r.RowNumber, ParsedResidentId = ParsedId(r),
                Name = Cell(r, name), IdNumber = Cell(r, id), IdType = Cell(r, type), CountyCode = Cell(r, county),
                ProvinceName = Cell(r, province), PrefectureName = Cell(r, prefecture), CountyName = Cell(r, countyName), Kind = Cell(r, kind),
            };
            return engine.AddRegister(index, c);
        })
        { Label = label, RegisterIndex = index };
    }

    public static RowFeed Students(BoundTable t)
    {
        int name = t.Ordinal("姓名"), id = t.Ordinal("身份证件号"), type = t.Ordinal("身份证件类型"), number = t.Ordinal("学籍号"),
            sex = t.Ordinal("性别"), birth = t.Ordinal("出生日期"), school = t.Ordinal("学校名称"), schoolCode = t.Ordinal("学校标识码"),
            county = t.Ordinal("学校所在地代码"), stage = t.Ordinal("学段"), grade = t.Ordinal("年级"), status = t.Ordinal("学籍状态");
        return new RowFeed(Dataset.Students, name, id, type, [name, id, type, number, sex, birth, school, schoolCode, county, stage, grade, status],
            (r, engine) =>
            {
                var c = new StudentCells
                {
                    RowNumber = r.RowNumber, ParsedResidentId = ParsedId(r),
                    Name = Cell(r, name), IdNumber = Cell(r, id), IdType = Cell(r, type), StudentNumber = Cell(r, number),
                    Sex = Cell(r, sex), BirthDate = Cell(r, birth), SchoolName = Cell(r, school), SchoolCode = Cell(r, schoolCode),
                    SchoolCounty = Cell(r, county), Stage = Cell(r, stage), Grade = Cell(r, grade), Status = Cell(r, status),
                };
                return engine.AddStudent(c);
            })
        { School = (school, schoolCode, county) };
    }

    private static Bidui.Core.Identity.ResidentIdResult? ParsedId(ITabularReader r) => r is BatchedRow b ? b.ParsedResidentId : null;

    internal static ReadOnlySpan<char> Cell(ITabularReader r, int ordinal) =>
        ordinal < 0 ? [] : r.GetSpan(ordinal);
}
