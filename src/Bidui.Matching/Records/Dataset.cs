namespace Bidui.Matching.Records;

/// <summary>The three inputs of SPEC §1.</summary>
public enum Dataset : byte { Students, Poverty, Aid }

public static class DatasetNames
{
    /// <summary>The value of the 来源数据 column (SPEC §4).</summary>
    public static string ToChinese(this Dataset d) => d switch
    {
        Dataset.Students => "学籍",
        Dataset.Poverty => "乡村振兴",
        _ => "资助",
    };

    /// <summary>The key used in summary.json.</summary>
    public static string JsonName(this Dataset d) => d switch
    {
        Dataset.Students => "students",
        Dataset.Poverty => "poverty",
        _ => "aid",
    };
}
