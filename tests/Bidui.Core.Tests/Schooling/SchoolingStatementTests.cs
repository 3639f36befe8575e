using Bidui.Core.Schooling;

namespace Bidui.Core.Tests.Schooling;

public class SchoolingStatementTests
{
    [Theory]
    [InlineData("学前教育", SchoolStage.Preschool)]
    [InlineData("学前", SchoolStage.Preschool)]
    [InlineData("小学", SchoolStage.Primary)]
    [InlineData("小学一年级", SchoolStage.Primary)]
    [InlineData("小学二年级", SchoolStage.Primary)]
    [InlineData("小学三年级", SchoolStage.Primary)]
    [InlineData("小学四年级", SchoolStage.Primary)]
    [InlineData("小学五年级", SchoolStage.Primary)]
    [InlineData("小学六年级", SchoolStage.Primary)]
    [InlineData("初中", SchoolStage.Junior)]
    [InlineData("七年级", SchoolStage.Junior)]
    [InlineData("八年级", SchoolStage.Junior)]
    [InlineData("九年级", SchoolStage.Junior)]
    [InlineData("高中", SchoolStage.Senior)]
    [InlineData("普通高中", SchoolStage.Senior)]
    [InlineData("高中一年级", SchoolStage.Senior)]
    [InlineData("高中二年级", SchoolStage.Senior)]
    [InlineData("高中三年级", SchoolStage.Senior)]
    [InlineData("普通高中一年级", SchoolStage.Senior)]
    [InlineData("普通高中二年级", SchoolStage.Senior)]
    [InlineData("普通高中三年级", SchoolStage.Senior)]
    [InlineData("中职", SchoolStage.Vocational)]
    [InlineData("中职一年级", SchoolStage.Vocational)]
    [InlineData("中职二年级", SchoolStage.Vocational)]
    [InlineData("中职三年级", SchoolStage.Vocational)]
    [InlineData("高职", SchoolStage.HigherVocational)]
    [InlineData("高职一年级", SchoolStage.HigherVocational)]
    [InlineData("高职二年级", SchoolStage.HigherVocational)]
    [InlineData("高职三年级", SchoolStage.HigherVocational)]
    [InlineData("本科", SchoolStage.Higher)]
    [InlineData("大专及以上", SchoolStage.Higher)]
    [InlineData("研究生", SchoolStage.Higher)]
    [InlineData("硕士研究生及以上", SchoolStage.Higher)]
    public void In_school_values(string cell, SchoolStage stage)
    {
        Assert.Equal(new SchoolingStatement(StatementKind.InSchool, stage), SchoolingStatement.Parse(cell));
    }

    [Theory]
    [InlineData("学龄前儿童")]
    [InlineData("非在校生")]
    [InlineData("失学辍学")]
    [InlineData("失学或辍学")]
    [InlineData(" 非在校生 ")]
    [InlineData("05 非在校生")]
    public void Not_in_school_values(string cell)
    {
        Assert.Equal(new SchoolingStatement(StatementKind.NotInSchool, SchoolStage.None), SchoolingStatement.Parse(cell));
    }

    [Theory]
    [InlineData("03 小学", SchoolStage.Primary)]
    [InlineData("03-小学", SchoolStage.Primary)]
    [InlineData("03小学", SchoolStage.Primary)]
    [InlineData("０３－小学", SchoolStage.Primary)]
    [InlineData("01 学前教育", SchoolStage.Preschool)]
    [InlineData("在校生小学", SchoolStage.Primary)]
    [InlineData("在校生-小学", SchoolStage.Primary)]
    [InlineData("在校生（小学）", SchoolStage.Primary)]
    [InlineData("在校生(小学)", SchoolStage.Primary)]
    [InlineData("在校生（高中一年级）", SchoolStage.Senior)]
    [InlineData("在校生－初中", SchoolStage.Junior)]
    [InlineData("03 在校生（小学）", SchoolStage.Primary)]
    [InlineData("小学 一年级", SchoolStage.Primary)]
    [InlineData("ｌ", SchoolStage.None)]
    public void Prefixes_and_codes_are_dropped(string cell, SchoolStage stage)
    {
        SchoolingStatement expected = stage == SchoolStage.None
            ? default
            : new SchoolingStatement(StatementKind.InSchool, stage);

        Assert.Equal(expected, SchoolingStatement.Parse(cell));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("在校生")]
    [InlineData("03")]
    [InlineData("其他")]
    [InlineData("一年级")]
    [InlineData("在校生（小学")]
    [InlineData("123 小学")]       // not a two-digit code
    [InlineData("小学七年级")]
    public void Anything_else_gives_no_reason(string cell)
    {
        SchoolingStatement s = SchoolingStatement.Parse(cell);

        Assert.Equal(StatementKind.NoReason, s.Kind);
        Assert.Equal(SchoolStage.None, s.Stage);
    }
}
