using Bidui.Core.Schooling;

namespace Bidui.Core.Tests.Schooling;

public class TypicalAgeTests
{
    [Theory]
    [InlineData(SchoolStage.Preschool, "小班", 3, 3)]
    [InlineData(SchoolStage.Preschool, "大班", 5, 5)]
    [InlineData(SchoolStage.Primary, "一年级", 6, 6)]
    [InlineData(SchoolStage.Primary, "4年级", 9, 9)]
    [InlineData(SchoolStage.Junior, "九年级", 14, 14)]
    [InlineData(SchoolStage.Junior, "初二", 13, 13)]
    [InlineData(SchoolStage.Junior, "初中一年级", 12, 12)]
    [InlineData(SchoolStage.Senior, "高一", 15, 15)]
    [InlineData(SchoolStage.Senior, "高中三年级", 17, 17)]
    [InlineData(SchoolStage.Vocational, "中职一年级", 15, 15)]
    [InlineData(SchoolStage.Primary, "", 6, 11)]   // only the stage
    [InlineData(SchoolStage.None, "", 0, 0)]
    [InlineData(SchoolStage.Other, "特教班", 0, 0)]
    public void The_usual_age_of_a_grade_or_a_stage(SchoolStage stage, string grade, int min, int max) =>
        Assert.Equal((min, max), TypicalAge.Of(stage, grade));
}
