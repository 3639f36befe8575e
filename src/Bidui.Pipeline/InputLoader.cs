using Bidui.Inputs;
using Bidui.Matching.Engine;
using Bidui.Matching.Records;

namespace Bidui.Pipeline;

/// <summary>
/// Streams one bound input into the engine: maps columns to cells once, then per row hands the
/// engine spans straight from the reader (no per-row copies here) and keeps the row accounting.
/// </summary>
internal static class InputLoader
{
    private const int ReportEvery = 50_000;

    public static InputAccount LoadPoverty(BoundTable t, ComparisonEngine engine, IProgressStep step)
    {
        int name = t.Ordinal("姓名"), id = t.Ordinal("证件号码"), type = t.Ordinal("证件类型"), household = t.Ordinal("户编号"),
            relation = t.Ordinal("与户主关系"), sex = t.Ordinal("性别"), birth = t.Ordinal("出生日期"), popType = t.Ordinal("人口类型"),
            schooling = t.Ordinal("在校生状况"), county = t.Ordinal("县级代码"), province = t.Ordinal("省"), prefecture = t.Ordinal("市"),
            countyName = t.Ordinal("县"), township = t.Ordinal("乡镇"), village = t.Ordinal("村"), status = t.Ordinal("人员状态");
        return Load(t, Dataset.Poverty, step, [name, id, type, household, relation, sex, birth, popType, schooling, county, province, prefecture,
            countyName, township, village, status], r =>
        {
            var c = new PovertyCells
            {
                RowNumber = r.RowNumber,
                Name = Cell(r, name), IdNumber = Cell(r, id), IdType = Cell(r, type), HouseholdId = Cell(r, household),
                Relation = Cell(r, relation), Sex = Cell(r, sex), BirthDate = Cell(r, birth), PopulationType = Cell(r, popType),
                Schooling = Cell(r, schooling), CountyCode = Cell(r, county), ProvinceName = Cell(r, province),
                PrefectureName = Cell(r, prefecture), CountyName = Cell(r, countyName), Township = Cell(r, township),
                Village = Cell(r, village), PersonStatus = Cell(r, status),
            };
            return engine.AddPoverty(c);
        });
    }

    public static InputAccount LoadAid(BoundTable t, ComparisonEngine engine, IProgressStep step)
    {
        int name = t.Ordinal("姓名"), id = t.Ordinal("身份证件号"), type = t.Ordinal("身份证件类型"), project = t.Ordinal("资助项目"),
            amount = t.Ordinal("金额"), year = t.Ordinal("学年"), term = t.Ordinal("学期"), paidOn = t.Ordinal("发放日期"),
            school = t.Ordinal("学校名称"), schoolCode = t.Ordinal("学校标识码");
        return Load(t, Dataset.Aid, step, [name, id, type, project, amount, year, term, paidOn, school, schoolCode], r =>
        {
            var c = new AidCells
            {
                RowNumber = r.RowNumber,
                Name = Cell(r, name), IdNumber = Cell(r, id), IdType = Cell(r, type), Project = Cell(r, project),
                Amount = Cell(r, amount), SchoolYear = Cell(r, year), Term = Cell(r, term), PaidOn = Cell(r, paidOn),
                SchoolName = Cell(r, school), SchoolCode = Cell(r, schoolCode),
            };
            return engine.AddAid(c);
        });
    }

    public static InputAccount LoadStudents(BoundTable t, ComparisonEngine engine, IProgressStep step)
    {
        int name = t.Ordinal("姓名"), id = t.Ordinal("身份证件号"), type = t.Ordinal("身份证件类型"), number = t.Ordinal("学籍号"),
            sex = t.Ordinal("性别"), birth = t.Ordinal("出生日期"), school = t.Ordinal("学校名称"), schoolCode = t.Ordinal("学校标识码"),
            county = t.Ordinal("学校所在地代码"), stage = t.Ordinal("学段"), grade = t.Ordinal("年级"), status = t.Ordinal("学籍状态");
        return Load(t, Dataset.Students, step, [name, id, type, number, sex, birth, school, schoolCode, county, stage, grade, status], r =>
        {
            var c = new StudentCells
            {
                RowNumber = r.RowNumber,
                Name = Cell(r, name), IdNumber = Cell(r, id), IdType = Cell(r, type), StudentNumber = Cell(r, number),
                Sex = Cell(r, sex), BirthDate = Cell(r, birth), SchoolName = Cell(r, school), SchoolCode = Cell(r, schoolCode),
                SchoolCounty = Cell(r, county), Stage = Cell(r, stage), Grade = Cell(r, grade), Status = Cell(r, status),
            };
            return engine.AddStudent(c);
        });
    }

    private static ReadOnlySpan<char> Cell(ITabularReader r, int ordinal) =>
        ordinal < 0 ? [] : r.GetSpan(ordinal);

    /// <summary>
    /// Rows are parsed on a second thread while the engine consumes them (<see cref="ReadAhead"/>);
    /// BIDUI_READ_AHEAD=0 reads on the engine's thread, as before (for measuring and for tests).
    /// </summary>
    internal static bool UseReadAhead { get; set; } = Environment.GetEnvironmentVariable("BIDUI_READ_AHEAD") != "0";

    /// <summary>The loop every input shares: blank rows are counted here, the rest go to the engine, which says loaded or rejected.</summary>
    /// <param name="ordinals">The columns <paramref name="addRow"/> reads (-1 for a column the file lacks).</param>
    private static InputAccount Load(BoundTable t, Dataset dataset, IProgressStep step, int[] ordinals, Func<ITabularReader, bool> addRow)
    {
        var r = t.Reader;
        var account = new InputAccount(dataset, r.FilePath, r.FormatName, t.HeaderRowNumber);
        long nextReport = ReportEvery;
        void Row(ITabularReader row)
        {
            if (row.IsBlank)
            {
                account.Blank();
                return;
            }
            if (addRow(row)) account.Loaded(); else account.Rejected();
            if (account.RowsRead >= nextReport)
            {
                step.Report(account.RowsRead);
                nextReport += ReportEvery;
            }
        }

        if (UseReadAhead)
        {
            ReadAhead.ForEachRow(t, ordinals, Row);
        }
        else
        {
            while (t.ReadRow())
                Row(r);
        }
        return account;
    }
}
