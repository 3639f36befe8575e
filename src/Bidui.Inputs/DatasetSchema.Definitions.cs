namespace Bidui.Inputs;

// The three datasets of SPEC 1. Every alias of the spec is here; the extras are names seen in
// exports of the national student registry, the monitoring system and provincial aid systems.
public sealed partial class DatasetSchema
{
    private static readonly string[] PersonIdAliases =
    [
        "身份证号", "身份证号码", "身份证件号码", "证件号码", "公民身份号码",
        "证件号", "身份证", "公民身份证号", "公民身份证号码",
        "学生身份证号", "学生身份证号码", "学生身份证件号", "学生证件号码",
    ];

    private static readonly string[] IdTypeAliases = ["证件类型", "身份证件类别", "证件种类", "证件类别"];

    private static readonly string[] SchoolNameAliases = ["学校", "就读学校", "学校全称", "所在学校", "就读学校名称"];

    private static readonly string[] SchoolIdAliases = ["学校代码", "学校识别码", "学校标识", "学校编码"];

    private static readonly string[] BirthDateAliases = ["出生年月日", "出生年月", "出生时间", "生日"];

    public static DatasetSchema Students { get; } = new(
        "学籍",
        [
            new("姓名", ["学生姓名", "学生名称"]),
            new("身份证件号", PersonIdAliases),
            new("身份证件类型", IdTypeAliases),
            new("学籍号", ["全国学籍号", "个人标识码", "学籍编号", "全国学籍号码", "学生学籍号"]),
            new("性别", ["学生性别"]),
            new("出生日期", BirthDateAliases),
            new("民族", ["民族名称"]),
            new("学校名称", SchoolNameAliases),
            new("学校标识码", SchoolIdAliases),
            new("学校所在地代码",
            [
                "学校所在地区划码", "所在地行政区划代码", "区县代码", "学校所在地行政区划代码",
                "学校所在地区划代码", "所在地区划码", "所在地区划代码", "学校所在地区县代码", "行政区划代码",
                "县区代码", "学校所在区县代码",
            ]),
            new("学段", ["学习阶段", "教育阶段", "就读学段", "学段名称"]),
            new("年级", ["年级名称", "就读年级", "当前年级", "所在年级"]),
            new("学籍状态", ["在校状态", "学生状态", "学籍状况"]),
        ],
        [["姓名"], ["身份证件号"], ["学校所在地代码"], ["学段", "年级"]]);

    public static DatasetSchema Poverty { get; } = new(
        "乡村振兴",
        [
            new("姓名", ["成员姓名", "人员姓名", "家庭成员姓名", "人口姓名"]),
            new("证件号码",
            [
                "身份证号", "身份证件号", "公民身份号码", "身份证号码", "身份证件号码",
                "证件号", "身份证", "公民身份证号", "公民身份证号码", "成员证件号码", "成员身份证号",
            ]),
            new("证件类型", ["身份证件类型", "证件种类", "证件类别", "身份证件类别"]),
            new("户编号", ["户码", "户号", "家庭编号", "户主编号"]),
            new("与户主关系", ["与户主的关系", "家庭关系"]),
            new("性别", []),
            new("出生日期", BirthDateAliases),
            new("民族", ["民族名称"]),
            new("人口类型", ["户类型", "监测对象类别", "人口类别", "户类别", "监测对象类型", "户属性"]),
            new("风险是否消除", ["是否消除风险", "风险消除", "是否风险消除"]),
            new("在校生状况", ["在校生情况", "在校情况", "在校状况", "就学状况", "在校生状态"]),
            new("县级代码", ["行政区划代码", "区县代码", "县代码", "县区代码", "区划代码", "县级行政区划代码", "县级区划代码"]),
            new("省", ["省份", "省级"]),
            new("市", ["地市", "市州", "地级市", "市级"]),
            new("县", ["区县", "县区", "县市区", "县级", "县(市、区)"]),
            new("乡镇", ["乡", "镇", "乡镇街道", "乡(镇)", "乡镇(街道)"]),
            new("村", ["行政村", "村社区", "村居", "村(社区)"]),
            new("人员状态", ["状态", "成员状态", "人口状态"]),
        ],
        [["姓名"], ["证件号码"], ["县级代码", "县"]]);

    public static DatasetSchema Aid { get; } = new(
        "资助",
        [
            new("姓名", ["学生姓名", "受助学生姓名", "受助人姓名", "受助学生"]),
            new("身份证件号", PersonIdAliases),
            new("身份证件类型", IdTypeAliases),
            new("资助项目", ["项目名称", "资助项目名称", "资助项目类型", "资助名称"]),
            new("金额", ["发放金额", "元", "发放金额(元)", "资助金额", "资助金额(元)", "金额(元)", "实发金额", "发放资金"]),
            new("学年", ["资助学年", "发放学年"]),
            new("学期", ["资助学期", "发放学期"]),
            new("发放日期", ["发放时间", "资助日期", "发放年月"]),
            new("学校名称", SchoolNameAliases),
            new("学校标识码", SchoolIdAliases),
        ],
        [["姓名"], ["身份证件号"], ["资助项目"], ["金额"], ["学年"], ["学期"]]);
}
