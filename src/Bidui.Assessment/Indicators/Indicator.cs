namespace Bidui.Assessment.Indicators;

/// <summary>The county indicators of docs/ASSESSMENT.md. The code (snake case) names each in the scorecard file.</summary>
public enum Indicator
{
    DropoutRate,
    AidCoverage,
    AidPrecision,
    DataQualityEducation,
    DataQualityRural,
    DropoutOverdueShare,
    Timeliness,
    ClosureRate,
    MedianDaysToClose,
    ReturnRate,
    RecurrenceRate,
}

/// <summary>Where an indicator's figures come from.</summary>
public enum IndicatorSource
{
    /// <summary>The comparison's results alone (CLI, report, workbook, web).</summary>
    Comparison,
    /// <summary>The cases of the web workflow.</summary>
    Workflow,
}

/// <summary>What an indicator is: its code, name, unit and which way is better.</summary>
public sealed record IndicatorInfo(Indicator Indicator, string Code, string Name, string Unit, bool HigherIsBetter, IndicatorSource Source,
    string Definition)
{
    /// <summary>In the order the scorecard shows them.</summary>
    public static IReadOnlyList<IndicatorInfo> All { get; } =
    [
        new(Indicator.DropoutRate, "dropout_rate", "疑似失学辍学率", "‰", false, IndicatorSource.Comparison,
            "疑似失学辍学人数 ÷ 义务教育年龄段脱贫家庭子女人数（未标注死亡、年龄可知）× 1000，按户籍县"),
        new(Indicator.AidCoverage, "aid_coverage", "应助尽助率", "%", true, IndicatorSource.Comparison,
            "(1 − 应助未助人数 ÷ 资助学段的比对成功脱贫家庭学生人数) × 100，按学校所在县"),
        new(Indicator.AidPrecision, "aid_precision", "资助精准率", "%", true, IndicatorSource.Comparison,
            "(1 − 疑似问题资金 ÷ 发放资金) × 100，按资助行的责任县"),
        new(Indicator.DataQualityEducation, "data_quality_education", "数据质量（教育部门）", "‰", false, IndicatorSource.Comparison,
            "学籍和资助数据中证件号码有误、证件信息矛盾的行与重复学籍行之和 ÷ 学籍和资助数据行数 × 1000"),
        new(Indicator.DataQualityRural, "data_quality_rural", "数据质量（乡村振兴部门）", "‰", false, IndicatorSource.Comparison,
            "脱贫人口数据中证件号码有误、证件信息矛盾的行与重复登记行之和 ÷ 脱贫人口数据行数 × 1000"),
        new(Indicator.DropoutOverdueShare, "dropout_overdue_share", "疑似辍学逾期未办结占比", "%", false, IndicatorSource.Workflow,
            "核查期限已过时仍未办结的疑似失学辍学任务 ÷ 疑似失学辍学任务 × 100（期限未到时无值）"),
        new(Indicator.Timeliness, "timeliness", "核查及时率", "%", true, IndicatorSource.Workflow,
            "在期限内（含当日）办结的任务 ÷ 已到期的任务 × 100（期限未到时无值）"),
        new(Indicator.ClosureRate, "closure_rate", "办结率", "%", true, IndicatorSource.Workflow,
            "已办结任务 ÷ 全部任务 × 100"),
        new(Indicator.MedianDaysToClose, "median_days", "办结用时中位数", "天", false, IndicatorSource.Workflow,
            "已办结任务从下发到办结的天数的中位数"),
        new(Indicator.ReturnRate, "return_rate", "退回率", "%", false, IndicatorSource.Workflow,
            "审核时至少被退回一次的任务 ÷ 已提交核查结果的任务 × 100"),
        new(Indicator.RecurrenceRate, "recurrence_rate", "问题复现率", "%", false, IndicatorSource.Workflow,
            "上一批次已办结、本批次再次出现的任务 ÷ 上一批次已办结的任务 × 100"),
    ];

    public static IndicatorInfo Of(Indicator indicator) => All[(int)indicator];

    public static IndicatorInfo? FromCode(string code) => All.FirstOrDefault(i => i.Code == code);
}
