using Bidui.Core.Schooling;

namespace Bidui.Core.Tests.Schooling;

public class SchoolStagesTests
{
    [Theory]
    [InlineData("学前", SchoolStage.Preschool)]
    [InlineData("幼儿园", SchoolStage.Preschool)]
    [InlineData("学前教育", SchoolStage.Preschool)]
    [InlineData("小学", SchoolStage.Primary)]
    [InlineData(" 初中 ", SchoolStage.Junior)]
    [InlineData("高中", SchoolStage.Senior)]
    [InlineData("普通高中", SchoolStage.Senior)]
    [InlineData("中职", SchoolStage.Vocational)]
    [InlineData("中等职业教育", SchoolStage.Vocational)]
    [InlineData("", SchoolStage.None)]
    [InlineData("  ", SchoolStage.None)]
    [InlineData("特殊教育", SchoolStage.Other)]
    [InlineData("本科", SchoolStage.Other)]
    public void Stage_cells(string cell, SchoolStage expected)
    {
        Assert.Equal(expected, SchoolStages.FromStageCell(cell));
    }

    [Theory]
    [InlineData("小班", SchoolStage.Preschool)]
    [InlineData("中班", SchoolStage.Preschool)]
    [InlineData("大班", SchoolStage.Preschool)]
    [InlineData("一年级", SchoolStage.Primary)]
    [InlineData("二年级", SchoolStage.Primary)]
    [InlineData("三年级", SchoolStage.Primary)]
    [InlineData("四年级", SchoolStage.Primary)]
    [InlineData("五年级", SchoolStage.Primary)]
    [InlineData("六年级", SchoolStage.Primary)]
    [InlineData("1", SchoolStage.Primary)]
    [InlineData("6", SchoolStage.Primary)]
    [InlineData("１", SchoolStage.Primary)]
    [InlineData("小学一年级", SchoolStage.Primary)]
    [InlineData("小学六年级", SchoolStage.Primary)]
    [InlineData("七年级", SchoolStage.Junior)]
    [InlineData("八年级", SchoolStage.Junior)]
    [InlineData("九年级", SchoolStage.Junior)]
    [InlineData("初一", SchoolStage.Junior)]
    [InlineData("初二", SchoolStage.Junior)]
    [InlineData("初三", SchoolStage.Junior)]
    [InlineData("7", SchoolStage.Junior)]
    [InlineData("9", SchoolStage.Junior)]
    [InlineData("初中一年级", SchoolStage.Junior)]
    [InlineData("高一", SchoolStage.Senior)]
    [InlineData("高二", SchoolStage.Senior)]
    [InlineData("高三", SchoolStage.Senior)]
    [InlineData("10", SchoolStage.Senior)]
    [InlineData("11", SchoolStage.Senior)]
    [InlineData("12", SchoolStage.Senior)]
    [InlineData("高中三年级", SchoolStage.Senior)]
    [InlineData("中职一年级", SchoolStage.Vocational)]
    [InlineData("中职二年级", SchoolStage.Vocational)]
    [InlineData("中职三年级", SchoolStage.Vocational)]
    [InlineData("", SchoolStage.None)]
    [InlineData("13", SchoolStage.None)]
    [InlineData("0", SchoolStage.None)]
    [InlineData("小学七年级", SchoolStage.None)]
    [InlineData("中职四年级", SchoolStage.None)]
    [InlineData("研一", SchoolStage.None)]
    public void Grade_table(string cell, SchoolStage expected)
    {
        Assert.Equal(expected, SchoolStages.FromGrade(cell));
    }

    [Theory]
    [InlineData(SchoolStage.Preschool, "学前", true)]
    [InlineData(SchoolStage.Primary, "小学", true)]
    [InlineData(SchoolStage.Junior, "初中", true)]
    [InlineData(SchoolStage.Senior, "高中", true)]
    [InlineData(SchoolStage.Vocational, "中职", true)]
    [InlineData(SchoolStage.HigherVocational, "高职", false)]
    [InlineData(SchoolStage.Higher, "高等教育", false)]
    [InlineData(SchoolStage.None, "", false)]
    [InlineData(SchoolStage.Other, "", false)]
    public void Names_and_registry_stages(SchoolStage stage, string chinese, bool registry)
    {
        Assert.Equal(chinese, stage.ToChinese());
        Assert.Equal(registry, stage.IsRegistryStage());
    }
}
