namespace Bidui.Inputs;

// The inputs of aid supervision (SPEC §1.4, §1.5, §4.6): the other eligibility registers, the
// province's aid project catalogue and its list of key counties.
public sealed partial class DatasetSchema
{
    private static readonly string[] CountyCodeAliases =
        ["行政区划代码", "区县代码", "县代码", "县区代码", "区划代码", "县级行政区划代码", "县级区划代码"];

    private static readonly string[] CountyNameAliases = ["区县", "县区", "县市区", "县级", "县(市、区)", "县名称", "县(市、区)名称"];

    /// <summary>
    /// An eligibility register (低保, 特困, 残疾人 …) given as <c>--register 标签=文件</c>: 姓名 and 证件号码
    /// required, the county (code or 省/市/县 names), 类别 and 证件类型 optional (SPEC §1.4, §4.7).
    /// </summary>
    /// <param name="label">The register's label, which names it in messages and outputs.</param>
    public static DatasetSchema Register(string label) => new(
        label,
        [
            new("姓名", ["成员姓名", "人员姓名", "家庭成员姓名", "救助对象姓名", "对象姓名", "学生姓名", "残疾人姓名", "儿童姓名"]),
            new("证件号码",
            [
                "身份证号", "身份证件号", "公民身份号码", "身份证号码", "身份证件号码", "证件号", "身份证",
                "公民身份证号", "公民身份证号码", "成员证件号码", "成员身份证号", "救助对象身份证号", "残疾人证号",
            ]),
            new("证件类型", ["身份证件类型", "证件种类", "证件类别", "身份证件类别"]),
            new("县级代码", CountyCodeAliases),
            new("省", ["省份", "省级"]),
            new("市", ["地市", "市州", "地级市", "市级"]),
            new("县", CountyNameAliases),
            new("类别", ["救助类别", "保障类别", "对象类别", "低保类别", "特困类别", "残疾类别", "残疾等级", "类型", "人员类别"]),
        ],
        [["姓名"], ["证件号码"]]);

    /// <summary>The aid project catalogue (资助项目目录, SPEC §1.5): one row per 资助项目.</summary>
    public static DatasetSchema AidProjects { get; } = new(
        "资助项目目录",
        [
            new("资助项目", ["项目名称", "资助项目名称", "项目"]),
            new("学段", ["适用学段", "资助学段", "学段范围"]),
            new("对象", ["资助对象", "适用对象", "对象范围", "受助对象"]),
            new("标准", ["资助标准", "金额标准", "标准金额", "发放标准", "资助标准(元)", "标准(元)"]),
            new("周期", ["发放周期", "标准周期", "资助周期", "计发周期"]),
        ],
        [["资助项目"]]);

    /// <summary>The province's key counties (重点帮扶县, SPEC §4.6): a column 县级代码 or 县; one column is enough.</summary>
    public static DatasetSchema KeyCounties { get; } = new(
        "重点帮扶县名单",
        [
            new("县级代码", CountyCodeAliases),
            new("省", ["省份", "省级"]),
            new("市", ["地市", "市州", "地级市", "市级"]),
            new("县", [.. CountyNameAliases, "重点帮扶县", "国家乡村振兴重点帮扶县", "县名"]),
        ],
        [["县级代码", "县"]],
        headerMinimum: 1);
}
