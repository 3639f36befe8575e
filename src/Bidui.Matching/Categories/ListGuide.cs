namespace Bidui.Matching.Categories;

/// <summary>
/// What a list means and what its recipient should do, in the words of the workbooks' 说明 sheet and
/// the report. Each list's rule is SPEC §4; these sentences tell a county office what the rule finds.
/// </summary>
public static class ListGuide
{
    private static readonly Dictionary<Category, (string Meaning, string Action)> Texts = new()
    {
        [Category.Matched] = ("脱贫人口（含防返贫监测对象）中在学籍系统有在读学籍的学生，每人一行",
            "供存档和统计，无需逐行核查；发现信息有误时按其他清单的要求更正"),
        [Category.AidMissing] = ("脱贫家庭在校生中，学段属于资助学段、但资助发放数据中没有其资助记录的学生",
            "学校逐人核实是否应予资助：应助的尽快补发或纳入下批发放；不符合条件或已在他处受助的选择相应结果"),
        [Category.DropoutSuspect] = ("义务教育年龄段的脱贫人口，在学籍系统中查不到在读学籍，可能失学辍学",
            "县级教育部门逐人核实在学情况（可会同乡镇、学校入户），确认辍学的劝返复学"),
        [Category.StatusMismatch] = ("乡村振兴系统登记的在校生状况与学籍系统不一致（登记非在校但有学籍、学段不一致，或登记在校但查不到学籍）",
            "乡村振兴部门核实后更正在校生状况；学籍信息有误的告知教育部门更正"),
        [Category.IdentityConflict] = ("同一证件号码在学籍和乡村振兴两边的姓名不一致，或疑似借用他人证件号码",
            "教育和乡村振兴部门共同核实是否同一人，更正有误的一方"),
        [Category.FieldConflict] = ("出生日期或性别与证件号码不符的源数据行",
            "数据报送单位对照证件，更正出生日期、性别或证件号码"),
        [Category.InvalidId] = ("证件号码不符合国家标准（长度、地区码、出生日期或校验码有误，或被 Excel 显示成科学计数法）的源数据行",
            "数据报送单位对照证件更正号码，并在源系统中改正"),
        [Category.DuplicateEnrollment] = ("同一证件号码有两条及以上在读学籍",
            "学校核实后注销重复学籍或办理转学手续"),
        [Category.DuplicatePoverty] = ("同一证件号码在乡村振兴系统中登记两次及以上",
            "乡村振兴部门核实后删除重复登记"),
        [Category.AidDuplicate] = ("同一人同一资助项目在同一学年、学期发放两次及以上",
            "学校核实是否重复发放，重复的予以追回"),
        [Category.AidIneligible] = ("领取资助的人员不在项目规定的资助对象范围内，或登记为死亡、注销",
            "学校核实资格，不符合的追回资助；属于其他困难群体的选择相应结果"),
        [Category.AidStageMismatch] = ("资助项目规定的学段与学生的学籍学段不符",
            "学校核实学段或项目，有误的更正，不符合的追回"),
        [Category.AidAmountAnomaly] = ("发放金额无效、高于或低于项目标准，或同一学年累计超过标准",
            "学校核实发放金额，多发的追回，少发的补发"),
        [Category.AidNotEnrolled] = ("领取资助但在学籍系统中没有在读学籍的人员",
            "学校核实学籍，应有学籍的补录，不应资助的追回"),
        [Category.Review] = ("概率匹配不能确定是否同一人的记录对，需要人工判断",
            "县级部门比较两边的姓名、出生日期、户籍和学校，判断是否同一人"),
    };

    /// <summary>What the list holds.</summary>
    public static string Meaning(Category category) => Texts.TryGetValue(category, out var t) ? t.Meaning : CategoryInfo.Of(category).ChineseName;

    /// <summary>What the unit that receives it does.</summary>
    public static string Action(Category category) => Texts.TryGetValue(category, out var t) ? t.Action : "责任单位核实后选择核查结果";

    /// <summary>Whether rows of the list ask somebody to verify them (all but matched, which is kept for the record).</summary>
    public static bool AsksForAction(Category category) => category != Category.Matched;
}
