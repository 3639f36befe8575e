namespace Bidui.Core.Schooling;

/// <summary>Reads the number of "N年级" with N in Chinese numerals (一 … 十二) or digits.</summary>
internal static class GradeNumber
{
    /// <summary>The grade of "N年级", or 0 when the text is not of that form.</summary>
    public static int OfGradeWord(ReadOnlySpan<char> s)
    {
        if (!s.EndsWith("年级", StringComparison.Ordinal))
            return 0;
        return Parse(s[..^2]);
    }

    /// <summary>1 … 12 written as 一 … 十二 or as digits; 0 otherwise.</summary>
    public static int Parse(ReadOnlySpan<char> n) => n switch
    {
        "一" or "1" or "01" => 1,
        "二" or "2" or "02" => 2,
        "三" or "3" or "03" => 3,
        "四" or "4" or "04" => 4,
        "五" or "5" or "05" => 5,
        "六" or "6" or "06" => 6,
        "七" or "7" or "07" => 7,
        "八" or "8" or "08" => 8,
        "九" or "9" or "09" => 9,
        "十" or "10" => 10,
        "十一" or "11" => 11,
        "十二" or "12" => 12,
        _ => 0,
    };
}
