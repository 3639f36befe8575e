namespace Bidui.Inputs.Tests;

public sealed class DatasetSchemaTests
{
    [Theory]
    [InlineData("*身份证件号（必填）", "身份证件号")]
    [InlineData(" 姓　名 ", "姓名")]
    [InlineData("年\r\n级", "年级")]
    [InlineData("发放金额(元)", "发放金额")]
    [InlineData("学校所在地区划码【6位】", "学校所在地区划码")]
    [InlineData("县级代码[六位]", "县级代码")]
    [InlineData("＊证件号码（注：18位）", "证件号码")]
    [InlineData("金额（元（人民币））", "金额")]
    [InlineData("ＡＢＣ１２３", "ABC123")]
    [InlineData("\uFEFF姓名", "姓名")]
    [InlineData("姓名）", "姓名")]
    [InlineData("", "")]
    public void Headers_are_normalised(string cell, string expected)
    {
        Assert.Equal(expected, DatasetSchema.NormalizeHeader(cell));
    }

    [Fact]
    public void The_three_schemas_build_without_conflicting_aliases()
    {
        Assert.Equal("学籍", DatasetSchema.Students.DatasetName);
        Assert.Equal("乡村振兴", DatasetSchema.Poverty.DatasetName);
        Assert.Equal("资助", DatasetSchema.Aid.DatasetName);
    }

    public static TheoryData<string, string, string> SpecAliases => new()
    {
        // SPEC 1.1
        { "学籍", "学生姓名", "姓名" },
        { "学籍", "身份证号", "身份证件号" },
        { "学籍", "身份证号码", "身份证件号" },
        { "学籍", "身份证件号码", "身份证件号" },
        { "学籍", "证件号码", "身份证件号" },
        { "学籍", "公民身份号码", "身份证件号" },
        { "学籍", "证件类型", "身份证件类型" },
        { "学籍", "全国学籍号", "学籍号" },
        { "学籍", "个人标识码", "学籍号" },
        { "学籍", "学校所在地区划码", "学校所在地代码" },
        { "学籍", "所在地行政区划代码", "学校所在地代码" },
        { "学籍", "区县代码", "学校所在地代码" },
        { "学籍", "学校所在地行政区划代码", "学校所在地代码" },
        { "学籍", "在校状态", "学籍状态" },
        { "学籍", "学段", "学段" },
        { "学籍", "年级", "年级" },
        // SPEC 1.2
        { "乡村振兴", "身份证号", "证件号码" },
        { "乡村振兴", "身份证件号", "证件号码" },
        { "乡村振兴", "公民身份号码", "证件号码" },
        { "乡村振兴", "户类型", "人口类型" },
        { "乡村振兴", "监测对象类别", "人口类型" },
        { "乡村振兴", "行政区划代码", "县级代码" },
        { "乡村振兴", "区县代码", "县级代码" },
        { "乡村振兴", "县（市、区）", "县" },
        { "乡村振兴", "状态", "人员状态" },
        { "乡村振兴", "身份证件类型", "证件类型" },
        { "乡村振兴", "风险是否消除", "风险是否消除" },
        { "乡村振兴", "在校生状况", "在校生状况" },
        // SPEC 1.3
        { "资助", "项目名称", "资助项目" },
        { "资助", "发放金额", "金额" },
        { "资助", "元", "金额" },
        { "资助", "发放金额（元）", "金额" },
        { "资助", "资助金额", "金额" },
        { "资助", "身份证号码", "身份证件号" },
    };

    [Theory]
    [MemberData(nameof(SpecAliases))]
    public void Every_spec_alias_is_recognised(string dataset, string header, string canonical)
    {
        var schema = dataset switch
        {
            "学籍" => DatasetSchema.Students,
            "乡村振兴" => DatasetSchema.Poverty,
            _ => DatasetSchema.Aid,
        };
        Assert.Equal(canonical, schema.Recognize(header));
    }

    [Fact]
    public void Required_groups_follow_the_brief()
    {
        Assert.Equal([["姓名"], ["身份证件号"], ["学校所在地代码"], ["学段", "年级"]], DatasetSchema.Students.RequiredGroups);
        Assert.Equal([["姓名"], ["证件号码"], ["县级代码", "县"]], DatasetSchema.Poverty.RequiredGroups);
        Assert.Equal([["姓名"], ["身份证件号"], ["资助项目"], ["金额"], ["学年"], ["学期"]], DatasetSchema.Aid.RequiredGroups);
    }

    [Fact]
    public void Unrelated_headers_are_not_recognised()
    {
        Assert.Null(DatasetSchema.Students.Recognize("户主姓名"));
        Assert.Null(DatasetSchema.Poverty.Recognize("序号"));
        Assert.Null(DatasetSchema.Aid.Recognize(""));
    }
}
