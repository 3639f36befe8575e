using Bidui.Core.Schooling;

namespace Bidui.Core.Tests.Schooling;

public class EnrollmentStatusTests
{
    [Theory]
    [InlineData("在读", true)]
    [InlineData("在籍", true)]
    [InlineData("在校", true)]
    [InlineData("休学", true)]
    [InlineData(" 在读 ", true)]
    [InlineData("", true)]
    [InlineData("  ", true)]
    [InlineData("转出", false)]
    [InlineData("毕业", false)]
    [InlineData("辍学", false)]
    [InlineData("死亡", false)]
    [InlineData("注销", false)]
    [InlineData("其他", false)]
    public void Enrolled_values(string cell, bool expected)
    {
        Assert.Equal(expected, EnrollmentStatus.IsEnrolled(cell));
    }

    [Theory]
    [InlineData("死亡", true)]
    [InlineData("注销", true)]
    [InlineData("已死亡", true)]
    [InlineData("户籍注销", true)]
    [InlineData("正常", false)]
    [InlineData("", false)]
    public void Deceased_or_removed(string cell, bool expected)
    {
        Assert.Equal(expected, PersonStatus.IsDeceasedOrRemoved(cell));
    }
}
