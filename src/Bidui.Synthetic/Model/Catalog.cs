namespace Bidui.Synthetic.Model;

/// <summary>The Chinese words the files use, in one place.</summary>
internal static class Catalog
{
    /// <summary>民族; the last one gets transliterated names with a middle dot.</summary>
    public static readonly string[] Ethnic = ["汉族", "土家族", "苗族", "侗族", "瑶族", "白族", "回族", "维吾尔族"];

    public const int Uyghur = 7;

    /// <summary>Shares of households by 民族 in the demo province (approximate, with a few Uyghur families for the dotted names).</summary>
    public static readonly double[] EthnicWeights = [84.5, 4.5, 4.0, 2.5, 2.0, 0.5, 1.0, 1.0];

    public static string RelationText(Relation relation) => relation switch
    {
        Relation.Head => "户主",
        Relation.Spouse => "配偶",
        Relation.Son => "之子",
        Relation.Daughter => "之女",
        Relation.Father => "之父",
        Relation.Mother => "之母",
        Relation.DaughterInLaw => "之儿媳",
        Relation.Grandson => "之孙子",
        Relation.Granddaughter => "之孙女",
        _ => "其他",
    };

    /// <summary>人口类型: 脱贫户 and the three kinds of 监测对象.</summary>
    public static readonly string[] PopulationTypes = ["脱贫户", "脱贫不稳定户", "边缘易致贫户", "突发严重困难户"];

    public static readonly double[] PopulationTypeWeights = [85, 6, 6, 3];

    public static string LifeText(LifeStatus life) => life switch
    {
        LifeStatus.Deceased => "死亡",
        LifeStatus.Removed => "注销",
        _ => "正常",
    };

    public static string StatusText(EnrolStatus status) => status switch
    {
        EnrolStatus.Reading => "在读",
        EnrolStatus.Registered => "在籍",
        EnrolStatus.AtSchool => "在校",
        EnrolStatus.Suspended => "休学",
        EnrolStatus.Blank => "",
        EnrolStatus.TransferredOut => "转出",
        EnrolStatus.Graduated => "毕业",
        EnrolStatus.DroppedOut => "辍学",
        _ => "死亡",
    };

    /// <summary>学段 as the registry writes it; <paramref name="alias"/> uses the longer names (幼儿园, 普通高中, 中等职业教育).</summary>
    public static string StageText(Stage stage, bool alias) => stage switch
    {
        Stage.Preschool => alias ? "幼儿园" : "学前",
        Stage.Primary => "小学",
        Stage.Middle => "初中",
        Stage.High => alias ? "普通高中" : "高中",
        Stage.Vocational => alias ? "中等职业教育" : "中职",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    private static readonly string[] ChineseNumbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// <summary>
    /// 年级 in one of a school's styles: 0 一年级/七年级/高一/中职一年级, 1 初一 for middle schools,
    /// 2 plain numbers 1…12 (not for kindergartens and vocational schools).
    /// </summary>
    public static string GradeText(int level, Stage stage, int style)
    {
        if (stage == Stage.Preschool)
        {
            return level switch { -2 => "小班", -1 => "中班", _ => "大班" };
        }

        if (stage == Stage.Vocational)
        {
            return "中职" + ChineseNumbers[level - 10] + "年级";
        }

        if (style == 2)
        {
            return level.ToString(CultureInfo.InvariantCulture);
        }

        if (stage == Stage.Middle && style == 1)
        {
            return "初" + ChineseNumbers[level - 7];
        }

        return stage is Stage.Primary or Stage.Middle ? ChineseNumbers[level - 1] + "年级" : "高" + ChineseNumbers[level - 10];
    }

    // 在校生状况 value sets of the monitoring system's versions (SPEC 4.4). Style 0 plain, 1 bracketed,
    // 2 coded "03 小学", 3 coded "03-小学", 4 with the grade (小学三年级, 七年级, 高中一年级 …), 5 "在校生-初中".
    public const int StatementStyles = 6;

    /// <summary>The 在校生状况 text for a statement in a township's style.</summary>
    public static string StatementText(StatementKind kind, Stage stage, int level, int style, bool variant)
    {
        string plain = kind switch
        {
            StatementKind.Empty => "",
            StatementKind.PreschoolChild => "学龄前儿童",
            StatementKind.NotInSchool => "非在校生",
            StatementKind.Dropout => variant ? "失学或辍学" : "失学辍学",
            _ => stage switch
            {
                Stage.Preschool => variant ? "学前" : "学前教育",
                Stage.Primary => "小学",
                Stage.Middle => "初中",
                Stage.High => variant ? "普通高中" : "高中",
                Stage.Vocational => "中职",
                Stage.HigherVocational => "高职",
                _ => variant ? "大专及以上" : "本科",
            },
        };
        if (kind == StatementKind.Empty)
        {
            return plain;
        }

        switch (style)
        {
            case 1 when kind == StatementKind.InSchool:
                return "在校生（" + plain + "）";
            case 2 or 3:
                string code = StatementCode(kind, stage);
                return code + (style == 2 ? " " : "-") + plain;
            case 4 when kind == StatementKind.InSchool:
                return GradeStatement(stage, level, plain, variant);
            case 5 when kind == StatementKind.InSchool:
                return "在校生-" + plain;
            default:
                return plain;
        }
    }

    private static string StatementCode(StatementKind kind, Stage stage) => kind switch
    {
        StatementKind.PreschoolChild => "01",
        StatementKind.NotInSchool => "09",
        StatementKind.Dropout => "10",
        _ => stage switch
        {
            Stage.Preschool => "02",
            Stage.Primary => "03",
            Stage.Middle => "04",
            Stage.High => "05",
            Stage.Vocational => "06",
            Stage.HigherVocational => "07",
            _ => "08",
        },
    };

    private static string GradeStatement(Stage stage, int level, string plain, bool variant)
    {
        int year = stage switch
        {
            Stage.Primary => Math.Clamp(level, 1, 6),
            Stage.Middle => Math.Clamp(level - 6, 1, 3),
            Stage.High or Stage.Vocational or Stage.HigherVocational => Math.Clamp(level - 9, 1, 3),
            _ => 0,
        };
        return stage switch
        {
            Stage.Primary => "小学" + ChineseNumbers[year - 1] + "年级",
            Stage.Middle => ChineseNumbers[year + 5] + "年级",
            Stage.High => (variant ? "普通高中" : "高中") + ChineseNumbers[year - 1] + "年级",
            Stage.Vocational => "中职" + ChineseNumbers[year - 1] + "年级",
            Stage.HigherVocational => "高职" + ChineseNumbers[year - 1] + "年级",
            _ => plain,
        };
    }

    public static string ProjectText(AidProject project) => project switch
    {
        AidProject.PreschoolAid => "学前教育幼儿资助",
        AidProject.CompulsoryLivingAllowance => "义务教育家庭经济困难学生生活补助",
        AidProject.HighSchoolGrant => "普通高中国家助学金",
        AidProject.HighSchoolFeeWaiver => "普通高中免学杂费",
        AidProject.VocationalGrant => "中职国家助学金",
        AidProject.VocationalFeeWaiver => "中职免学费",
        AidProject.RainDew => "雨露计划",
        AidProject.Nutrition => "营养膳食补助",
        _ => "残疾学生资助",
    };

    public static string SemesterText(Semester semester) => semester switch
    {
        Semester.Autumn => "秋季学期",
        Semester.Spring => "春季学期",
        _ => "补发",
    };

    public static readonly string[] TownStems =
    [
        "白沙", "青山", "石门", "金田", "龙潭", "黄土", "花桥", "杨柳", "长岭", "大坪", "新塘", "高桥", "双江", "马田", "桃花",
        "枫树", "清水", "竹山", "梅溪", "沙坪", "罗洪", "荷田", "九龙", "凤凰", "周官", "牛马司", "廉桥", "火厂坪", "团山", "界岭",
        "水东", "仙槎桥", "檀江", "杨桥", "流泽", "斫曹", "野鸡坪", "灵官殿", "宋家塘", "魏家桥", "砂石", "黄亭", "佘田桥", "简家陇",
        "双清", "两市塘", "城关", "大桥", "小沙江", "金石桥", "荷香桥", "羊古坳", "司门前", "六都寨", "滩头", "桃洪", "岩口", "山界",
        "巨口铺", "陈家坊", "坪上", "寸石", "太芝庙", "酿溪", "严塘", "雀塘", "潭府", "迎光", "大新", "潭溪", "坪江", "土桥",
    ];

    public static readonly string[] VillageStems =
    [
        "新田", "和平", "红星", "光明", "胜利", "东升", "长塘", "石桥", "荷花", "水口", "塘湾", "枫林", "茶园", "竹林", "柳树",
        "杉木", "桂花", "新民", "上坪", "下坪", "中心", "大湾", "小溪", "龙泉", "永丰", "富田", "金星", "白果", "樟树", "松山",
        "梓木", "杨家", "李家", "刘家", "陈家", "王家", "罗家", "曾家", "彭家", "谭家", "唐家", "周家", "石林", "青龙", "白竹",
        "双龙", "三星", "五一", "七里", "八角", "十里", "高峰", "岩山", "水井", "田心", "塘坪", "湾头", "冲口", "坳上", "岭脚",
        "山背", "溪口", "桥头", "院子", "老屋", "新屋", "大路", "竹园", "梨树", "桃园", "杏林", "柏树", "黄泥", "红岩", "白石",
    ];
}
