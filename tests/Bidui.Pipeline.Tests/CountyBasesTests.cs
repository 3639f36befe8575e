using System.Text;
using Bidui.Assessment.Indicators;
using Bidui.Core.Identity;
using Bidui.Pipeline.Results;

namespace Bidui.Pipeline.Tests;

/// <summary>
/// summary.json `counties` (the bases of the county indicators) on a tiny hand-made case whose every
/// figure is worked out below, and the indicators computed from it.
/// </summary>
public sealed class CountyBasesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bidui-bases-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Id(string first17) => first17 + ResidentId.CheckCharacter(first17);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(true));
        return path;
    }

    [Fact]
    public void Bases_and_indicators_per_county_are_as_counted_by_hand()
    {
        string p1 = Id("43058220160301001"), p2 = Id("43058220140505002"), p3 = Id("43058220170101003");
        string p4 = Id("43052420100101004"), p5 = Id("43052420220101005"), other = Id("43052420180101006");
        string broken = p1[..17] + (p1[17] == '0' ? '1' : '0');
        string poverty = Write("poverty.csv",
            "姓名,证件号码,县级代码,人员状态\n" +
            $"甲一,{p1},430582,正常\n" +      // 10 years old, enrolled: compulsory age, enrolled
            $"甲二,{p2},430582,正常\n" +      // 12, not enrolled: dropout
            $"甲三,{p3},430582,死亡\n" +      // 9, deceased: in no base
            $"乙一,{p4},430524,正常\n" +      // 16: beyond the band; 高中 at a 隆回县 school
            $"乙二,{p5},430524,正常\n" +      // 4: 学前 at a 邵东市 school
            $"乙三,{broken[..16]}X9,430524,正常\n"); // invalid: rural invalid_id in 隆回县
        string students = Write("students.csv",
            "姓名,身份证件号,学校名称,学校标识码,学校所在地代码,学段\n" +
            $"甲一,{p1},邵东一小,2143000001,430582,小学\n" +
            $"乙一,{p4},隆回一中,2143000002,430524,高中\n" +
            $"乙二,{p5},邵东幼儿园,2143000003,430582,学前\n" +
            $"丙一,{other},隆回一小,2143000004,430524,小学\n" +
            $"丙一,{other},隆回一小,2143000004,430524,小学\n" +   // duplicate_enrollment: both rows, 隆回县
            $"丁一,{broken},邵东一小,2143000001,430582,小学\n");  // invalid: education invalid_id in 邵东市
        string aid = Write("aid.csv",
            "姓名,身份证件号,资助项目,金额,学年,学期,学校标识码\n" +
            $"甲一,{p1},义务教育家庭经济困难学生生活补助,500,2026-2027,秋季学期,2143000001\n");
        string outDir = Path.Combine(_dir, "out");
        CompareJob.Run(new CompareRequest(students, poverty, aid, outDir)
        {
            ReferenceDate = new DateOnly(2026, 8, 31), Today = new DateOnly(2026, 11, 29), ExactOnly = true,
        });

        var summary = ResultsSummary.Read(outDir);
        var sd = summary.Counties[430582];
        var lh = summary.Counties[430524];
        Assert.Equal((4L, 3L), (sd.EducationRows, sd.RuralRows));   // 3 registry rows + 1 aid row; 3 register rows
        Assert.Equal((3L, 3L), (lh.EducationRows, lh.RuralRows));
        Assert.Equal((2L, 1L), (sd.CompulsoryAge, sd.CompulsoryEnrolled)); // 甲一, 甲二; 甲三 deceased
        Assert.Equal((0L, 0L), (lh.CompulsoryAge, lh.CompulsoryEnrolled));
        Assert.Equal(2L, sd.AidStageStudents);  // 甲一 小学, 乙二 学前 (by school county)
        Assert.Equal(1L, lh.AidStageStudents);  // 乙一 高中
        Assert.Equal((1L, 0L, 0L, 1L), (sd.InvalidEducation, sd.InvalidRural, lh.InvalidEducation, lh.InvalidRural));
        Assert.Equal((1L, 1L, 1L), (sd.List("dropout_suspect"), sd.List("aid_missing"), lh.List("aid_missing")));
        Assert.Equal(2L, lh.List("duplicate_enrollment"));

        var indicators = summary.Indicators();
        double? V(int county, Indicator i) => indicators[county].Single(v => v.Indicator == i).Value;
        Assert.Equal(500, V(430582, Indicator.DropoutRate)!.Value, 9);          // 1 of 2 children × 1000
        Assert.Null(V(430524, Indicator.DropoutRate));                           // no child of compulsory age
        Assert.Equal(50, V(430582, Indicator.AidCoverage)!.Value, 9);           // 1 of 2 aid-stage students without aid
        Assert.Equal(0, V(430524, Indicator.AidCoverage)!.Value, 9);
        Assert.Equal(250, V(430582, Indicator.DataQualityEducation)!.Value, 9);  // 1 invalid of 4 rows
        Assert.Equal(2000.0 / 3, V(430524, Indicator.DataQualityEducation)!.Value, 9); // 2 duplicate rows of 3
        Assert.Equal(1000.0 / 3, V(430524, Indicator.DataQualityRural)!.Value, 9);
        Assert.Equal(0, V(430582, Indicator.DataQualityRural)!.Value, 9);
        Assert.Equal(100, V(430582, Indicator.AidPrecision)!.Value, 9); // 500 元 paid to a poverty pupil, none at risk
        Assert.Null(V(430524, Indicator.AidPrecision));                  // no aid row is 隆回县's
        Assert.Equal((500m, 0m), (sd.AidPaid, sd.MoneyAtRisk));
    }

    [Fact]
    public void A_folder_without_a_summary_is_an_input_error()
    {
        var e = Assert.Throws<Bidui.Inputs.InputFileException>(() => ResultsSummary.Read(_dir));
        Assert.Contains("summary.json", e.Message, StringComparison.Ordinal);
    }
}
