using Bidui.Core.Identity;

namespace Bidui.Core.Tests.Identity;

public class IdProblemTextTests
{
    [Theory]
    [InlineData(IdProblem.None, "")]
    [InlineData(IdProblem.Empty, "证件号码为空")]
    [InlineData(IdProblem.ScientificNotation, "科学计数法损坏")]
    [InlineData(IdProblem.Legacy15, "15位旧号码")]
    [InlineData(IdProblem.WrongLength, "长度错误")]
    [InlineData(IdProblem.IllegalCharacter, "含非法字符")]
    [InlineData(IdProblem.InvalidRegion, "地区码无效")]
    [InlineData(IdProblem.InvalidBirthDate, "出生日期无效")]
    [InlineData(IdProblem.WrongCheckCharacter, "校验码错误")]
    public void Reasons_are_spelled_as_the_spec(IdProblem problem, string text)
    {
        Assert.Equal(text, problem.ToChinese());
    }
}
