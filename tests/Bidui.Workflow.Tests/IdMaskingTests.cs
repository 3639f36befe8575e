using Bidui.Workflow.Cases;

namespace Bidui.Workflow.Tests;

public sealed class IdMaskingTests
{
    [Theory]
    [InlineData("证件号码", true)]
    [InlineData("学籍身份证件号", true)]
    [InlineData("资助身份证件号", true)]
    [InlineData("学籍号", true)]   // the national 学籍号 is G followed by the ID number
    [InlineData("全国学籍号", true)]
    [InlineData("姓名", false)]
    [InlineData("学校标识码", false)]
    public void Columns_that_carry_an_id_number_are_masked(string header, bool masked) =>
        Assert.Equal(masked, IdMasking.IsIdColumn(header));

    [Fact]
    public void A_student_number_made_of_the_id_number_keeps_only_its_ends()
    {
        const string id = "430582201304056506";
        string shown = IdMasking.Mask("G" + id);
        Assert.Equal("G430***********6506", shown);
        Assert.DoesNotContain(id[4..14], shown, StringComparison.Ordinal);
    }
}
