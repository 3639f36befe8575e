namespace Bidui.Core.Identity;

/// <summary>The 原因 texts of the <c>invalid_id</c> list, spelled as SPEC 2.1 spells them.</summary>
public static class IdProblemText
{
    public static string ToChinese(this IdProblem p) => p switch
    {
        IdProblem.Empty => "证件号码为空",
        IdProblem.ScientificNotation => "科学计数法损坏",
        IdProblem.Legacy15 => "15位旧号码",
        IdProblem.WrongLength => "长度错误",
        IdProblem.IllegalCharacter => "含非法字符",
        IdProblem.InvalidRegion => "地区码无效",
        IdProblem.InvalidBirthDate => "出生日期无效",
        IdProblem.WrongCheckCharacter => "校验码错误",
        _ => "",
    };
}
