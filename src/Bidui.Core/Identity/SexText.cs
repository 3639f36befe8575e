namespace Bidui.Core.Identity;

public static class SexText
{
    /// <summary>男/男性/M/1 → male, 女/女性/F/2 → female (after trimming, case-insensitive); anything else unknown.</summary>
    public static Sex Parse(ReadOnlySpan<char> cell)
    {
        cell = cell.Trim();
        if (cell.Length == 1)
        {
            return cell[0] switch
            {
                '男' or 'M' or 'm' or '1' or 'Ｍ' or 'ｍ' or '１' => Sex.Male,
                '女' or 'F' or 'f' or '2' or 'Ｆ' or 'ｆ' or '２' => Sex.Female,
                _ => Sex.Unknown,
            };
        }
        if (cell.SequenceEqual("男性")) return Sex.Male;
        if (cell.SequenceEqual("女性")) return Sex.Female;
        return Sex.Unknown;
    }

    public static string ToChinese(this Sex s) => s switch
    {
        Sex.Male => "男",
        Sex.Female => "女",
        _ => "",
    };
}
