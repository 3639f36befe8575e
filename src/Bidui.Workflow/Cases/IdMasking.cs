namespace Bidui.Workflow.Cases;

/// <summary>ID numbers are shown as 4331**********1234 unless a user reveals one (which is audited).</summary>
public static class IdMasking
{
    public static string Mask(string? id)
    {
        if (string.IsNullOrEmpty(id)) return "";
        if (id.Length <= 8) return new string('*', id.Length);
        return string.Concat(id.AsSpan(0, 4), new string('*', id.Length - 8), id.AsSpan(id.Length - 4));
    }

    /// <summary>
    /// List columns that hold a document number (证件号码, 学籍身份证件号, 建议号码 …) or carry one: the national
    /// 学籍号 is G followed by the student's ID number, so it is masked like one.
    /// </summary>
    public static bool IsIdColumn(string header) =>
        header.Contains("证件号", StringComparison.Ordinal) || header.Contains("号码", StringComparison.Ordinal) || header.Contains("学籍号", StringComparison.Ordinal);
}
