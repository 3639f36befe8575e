namespace Bidui.Matching.Records;

/// <summary>The three inputs of SPEC §1.</summary>
/// <remarks>Register: one of the other eligibility registers (SPEC §1.4); which one, the row's label says.</remarks>
public enum Dataset : byte { Students, Poverty, Aid, Register }

public static class DatasetNames
{
    /// <summary>The value of the 来源数据 column (SPEC §4).</summary>
    public static string ToChinese(this Dataset d) => d switch
    {
        Dataset.Students => "学籍",
        Dataset.Poverty => "乡村振兴",
        Dataset.Aid => "资助",
        _ => "其他名单",
    };

    /// <summary>The key used in summary.json.</summary>
    public static string JsonName(this Dataset d) => d switch
    {
        Dataset.Students => "students",
        Dataset.Poverty => "poverty",
        Dataset.Aid => "aid",
        _ => "registers",
    };
}
