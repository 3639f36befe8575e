using Bidui.Core.Text;

namespace Bidui.Core.Identity;

public static class DocumentTypes
{
    /// <summary>
    /// SPEC 2.2: an empty type or 居民身份证/身份证/二代身份证 (and the longer spellings registries use)
    /// means the number is judged as a resident ID.
    /// </summary>
    public static bool IsResidentId(ReadOnlySpan<char> typeCell)
    {
        string? holder = null;
        Span<char> nfkcBuffer = stackalloc char[Nfkc.StackLimit];
        ReadOnlySpan<char> type = Nfkc.ApplyTrim(typeCell, nfkcBuffer, ref holder);
        return type switch
        {
            "" or "居民身份证" or "身份证" or "二代身份证" => true,
            "居民身份证号" or "居民身份证号码" or "身份证号" or "身份证号码" => true,
            "中华人民共和国居民身份证" or "第二代居民身份证" or "二代居民身份证" => true,
            _ => false,
        };
    }
}
