using System.Text;
using System.Text.Json;

namespace Bidui.Cli.Tests;

/// <summary>SPEC §1.4, §1.5, §4.5–4.7 from the command line: registers, the catalogue, key counties, the rules and the money.</summary>
public class SupervisionTests
{
    private static string Id(long id17) => Core.Identity.ResidentId.Format(id17);

    // 甲 a pupil of a poverty family; 乙 deceased in the register; 丙 a 高中 student on the 低保 list; 丁 in no file but aid.
    private static readonly string Jia = Id(43012120150101001), Yi = Id(43012120140101002), Bing = Id(43012120100101003), Ding = Id(43012120140101004);

    private static (TempDir Dir, string[] Args) Setup(string? catalogue = null, string? register = null, string? keyCounties = null)
    {
        var dir = new TempDir();
        var utf8 = new UTF8Encoding(true);
        File.WriteAllText(dir.File("s.csv"),
            $"姓名,身份证件号,学校所在地代码,学段,学校标识码\n甲,{Jia},430121,小学,S1\n乙,{Yi},430121,小学,S1\n丙,{Bing},430121,高中,S2\n", utf8);
        File.WriteAllText(dir.File("p.csv"), $"姓名,证件号码,县级代码,人员状态\n甲,{Jia},430121,正常\n乙,{Yi},430121,死亡\n", utf8);
        File.WriteAllText(dir.File("a.csv"), "姓名,身份证件号,资助项目,金额,学年,学期,学校标识码\n" +
            $"甲,{Jia},雨露计划,1500,2026-2027,秋季学期,S1\n" +         // 2: stage (中职 only)
            $"乙,{Yi},义务教育 生活补助,500,2026-2027,秋季学期,S1\n" +   // 3: deceased
            $"丙,{Bing},中职国家助学金,1000,2026-2027,秋季学期,S2\n" +    // 4: stage
            $"丙,{Bing},普通高中国家助学金,0,2026-2027,秋季学期,S2\n" +   // 5: 金额无效
            $"丙,{Bing},普通高中国家助学金,2000,2026-2027,春季学期,S2\n" +  // 6-8: 累计 (6000 > 4000); duplicates
            $"丙,{Bing},普通高中国家助学金,2000,2026-2027,春季学期,S2\n" +
            $"丙,{Bing},普通高中国家助学金,\"2,000.00\",2026-2027,补发,S2\n" +
            $"丁,{Ding},营养膳食补助,400,2026-2027,秋季学期,S1\n" +       // 9: 全体, not enrolled
            $"丁,{Ding},雨露计划,15000,2026-2027,秋季学期,S1\n" +         // 10: 非脱贫, 高于标准
            $"丙,{Bing},残疾学生资助,1000,2026-2027,秋季学期,S2\n" +       // 11: 不在项目对象名单
            $"甲,{Jia},未列入目录的项目,100,2026-2027,秋季学期,S1\n", utf8); // 12: noted
        File.WriteAllText(dir.File("r.csv"), register ?? $"姓名,证件号码,类别\n丙,{Bing},城市低保\n坏,1234,农村低保\n", utf8);
        File.WriteAllText(dir.File("cat.csv"), catalogue ?? "资助项目,学段,对象,标准,周期\n雨露计划,中职,脱贫,1500,学期\n义务教育生活补助,小学、初中,困难,250-625,学期\n" +
            "中职国家助学金,中职,困难,1000,学期\n普通高中国家助学金,高中,\"脱贫,低保\",1000～2000元,每学期\n营养膳食补助,\"小学，初中\",全体,,\n残疾学生资助,,残疾人、孤儿,1000,学年\n", utf8);
        File.WriteAllText(dir.File("key.csv"), keyCounties ?? "县\n望城区\n", utf8);
        return (dir, ["compare", "--students", dir.File("s.csv"), "--poverty", dir.File("p.csv"), "--aid", dir.File("a.csv"),
            "--register", $"低保={dir.File("r.csv")}", "--aid-projects", dir.File("cat.csv"), "--key-counties", dir.File("key.csv"),
            "--reference-date", "2026-08-31", "--exact-only", "--out", dir.File("out")]);
    }

    private static Dictionary<string, string> Reasons(TempDir dir, string list)
    {
        var lines = File.ReadAllLines(dir.File($"out/{list}.csv"));
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        int row = Array.IndexOf(header, "资助行号"), reason = Array.IndexOf(header, "原因");
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[row], c => reason < 0 ? "" : c[reason]);
    }

    [Fact]
    public void Every_rule_reason_and_the_money()
    {
        var (dir, args) = Setup();
        using var _ = dir;
        var run = CliRunner.Invoke(args);
        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);

        Assert.Equal(new Dictionary<string, string>
        {
            ["3"] = "登记为死亡或注销", ["10"] = "非脱贫人口（项目限脱贫家庭）", ["11"] = "不在项目对象名单（残疾人、孤儿）",
        }, Reasons(dir, "aid_ineligible"));
        Assert.Equal(["2", "4"], Reasons(dir, "aid_stage_mismatch").Keys.Order());
        Assert.Equal(new Dictionary<string, string>
        {
            ["5"] = "金额无效", ["6"] = "累计超过标准", ["7"] = "累计超过标准", ["8"] = "累计超过标准", ["10"] = "高于标准",
        }, Reasons(dir, "aid_amount_anomaly"));
        Assert.Equal(["6", "7"], Reasons(dir, "aid_duplicate").Keys.Order());
        Assert.Equal(["10", "9"], Reasons(dir, "aid_not_enrolled").Keys.Order());
        Assert.Contains("低保,3,长度错误", File.ReadAllText(dir.File("out/invalid_id.csv")), StringComparison.Ordinal);

        using var summary = JsonDocument.Parse(File.ReadAllText(dir.File("out/summary.json")));
        var root = summary.RootElement;
        Assert.Equal(2, root.GetProperty("inputs").GetProperty("registers").GetProperty("低保").GetProperty("rows_loaded").GetInt32());
        var funds = root.GetProperty("funds");
        // Valid amounts: 1500+500+1000+2000+2000+2000+400+15000+1000+100 (row 5's 0 is no amount).
        Assert.Equal(25500m, funds.GetProperty("total").GetDecimal());
        // Every listed row once; of the duplicate pair only the second (row 7) is money paid twice.
        Assert.Equal(2000m, funds.GetProperty("by_list").GetProperty("aid_duplicate").GetDecimal());
        Assert.Equal(25400m, funds.GetProperty("at_risk").GetDecimal());
        Assert.Equal(15400m, funds.GetProperty("by_list").GetProperty("aid_not_enrolled").GetDecimal());
        var key = funds.GetProperty("key_counties");
        Assert.Equal("430112", key.GetProperty("counties")[0].GetString());
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("未列入目录的项目", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("资助项目,学段\n雨露计划,大学\n", "学段", "第2行")]
    [InlineData("资助项目,对象\n雨露计划,全体、低保\n", "对象", "第2行")]
    [InlineData("资助项目,标准\n雨露计划,3000-1000\n", "标准", "第2行")]
    [InlineData("资助项目,周期\n雨露计划,每月\n", "周期", "第2行")]
    [InlineData("资助项目,学段\n雨露计划,中职\n雨露 计划,中职\n", "重复", "第3行")]
    [InlineData("资助项目,学段\n", "没有任何资助项目", "cat.csv")]
    public void A_bad_catalogue_is_status_2_with_row_and_column(string catalogue, string says, string where)
    {
        var (dir, args) = Setup(catalogue: catalogue);
        using var _ = dir;
        var run = CliRunner.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cat.csv", run.StdErr, StringComparison.Ordinal);
        Assert.Contains(says, run.StdErr, StringComparison.Ordinal);
        Assert.Contains(where, run.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out/summary.json")));
    }

    [Theory]
    [InlineData("低保")]          // no '='
    [InlineData("=x.csv")]        // no label
    [InlineData("资助=r.csv")]    // reserved
    public void A_bad_register_argument_is_status_2(string argument)
    {
        var (dir, args) = Setup();
        using var _ = dir;
        var run = CliRunner.Invoke([.. args, "--register", argument.Replace("r.csv", dir.File("r.csv"), StringComparison.Ordinal)]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--register", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_given_twice_is_status_2()
    {
        var (dir, args) = Setup();
        using var _ = dir;
        var run = CliRunner.Invoke([.. args, "--register", $"低保={dir.File("r.csv")}"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("两次", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_register_without_its_columns_names_the_label_and_the_file()
    {
        var (dir, args) = Setup(register: "姓名,类别\n丙,城市低保\n");
        using var _ = dir;
        var run = CliRunner.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("r.csv", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("低保", run.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out/summary.json")));
    }

    /// <summary>Registers open on their own thread while the inputs are read; without aid data they are loaded on the main one.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_bad_register_keeps_the_previous_results_with_or_without_aid_data(bool withAid)
    {
        var (dir, args) = Setup();
        using var _ = dir;
        if (!withAid) args = [.. args.Where((a, i) => a != "--aid" && (i == 0 || args[i - 1] != "--aid"))];
        Assert.Equal(0, CliRunner.Invoke(args).ExitCode);
        string before = File.ReadAllText(dir.File("out/summary.json"));
        File.WriteAllText(dir.File("r.csv"), "姓名,类别\n丙,城市低保\n", new UTF8Encoding(true));
        var run = CliRunner.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("r.csv", run.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(dir.File("out/summary.json")));
    }

    [Theory]
    [InlineData("县\n望城区\n不存在县\n", "第3行", "“县”列")]
    [InlineData("县级代码\n439999\n", "第2行", "“县级代码”列")]
    [InlineData("县级代码\n", "没有任何县", "key.csv")]
    public void A_bad_key_county_file_is_status_2_with_row_column_and_what_to_do(string keyCounties, string where, string column)
    {
        var (dir, args) = Setup(keyCounties: keyCounties);
        using var _ = dir;
        var run = CliRunner.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("key.csv", run.StdErr, StringComparison.Ordinal);
        Assert.Contains(where, run.StdErr, StringComparison.Ordinal);
        Assert.Contains(column, run.StdErr, StringComparison.Ordinal);
        Assert.Contains("后再运行", run.StdErr, StringComparison.Ordinal); // says what to do
        Assert.False(File.Exists(dir.File("out/summary.json")));
    }

    /// <summary>A catalogue workbook: the row named is the sheet row a person sees (title rows above the header count).</summary>
    [Fact]
    public void A_bad_catalogue_workbook_names_the_sheet_row_and_cell()
    {
        var (dir, args) = Setup();
        using var _ = dir;
        string workbook = dir.File("目录.xlsx");
        Reports.XlsxWorkbookWriter.Write(workbook,
        [
            new("目录", [new("2026年资助项目目录"), new(""), new(""), new(""), new("")],
                [["", "", "", "", ""], ["资助项目", "学段", "对象", "标准", "周期"], ["雨露计划", "中职", "脱贫", "1500", "学期"],
                 ["中职国家助学金", "中职", "困难", "一千元", "学期"]]),
        ]);
        var run = CliRunner.Invoke([.. args.Select(a => a == dir.File("cat.csv") ? workbook : a)]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("目录.xlsx", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("第5行", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("“标准”列", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("请改正该单元格后再运行", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_register_file_that_does_not_exist_is_status_2_naming_it()
    {
        var (dir, args) = Setup();
        using var _ = dir;
        var run = CliRunner.Invoke([.. args, "--register", $"特困={dir.File("没有这个文件.csv")}"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("没有这个文件.csv", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("特困", run.StdErr, StringComparison.Ordinal);
    }
}
