using Bidui.Core.Identity;

namespace Bidui.Core.Tests.Identity;

public class DocumentTypesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("居民身份证")]
    [InlineData(" 身份证 ")]
    [InlineData("二代身份证")]
    [InlineData("居民身份证号")]
    [InlineData("中华人民共和国居民身份证")]
    public void Resident_id_types(string cell)
    {
        Assert.True(DocumentTypes.IsResidentId(cell));
    }

    [Theory]
    [InlineData("护照")]
    [InlineData("港澳居民来往内地通行证")]
    [InlineData("台湾居民来往大陆通行证")]
    [InlineData("出生证明")]
    [InlineData("其他")]
    public void Other_document_types(string cell)
    {
        Assert.False(DocumentTypes.IsResidentId(cell));
    }
}
