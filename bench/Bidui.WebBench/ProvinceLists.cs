using System.Globalization;
using Bidui.Core.Identity;
using Bidui.Core.Regions;
using Bidui.Matching.Categories;
using Bidui.Matching.Layout;
using Bidui.Reports;

namespace Bidui.WebBench;

/// <summary>
/// A province's result lists in the results folder's format (the headers of <see cref="ListLayouts"/>, written by
/// the comparison's own <see cref="CsvListWriter"/>: UTF-8 with BOM, CRLF, formula marks), with the shape of a
/// province round: 湖南省's 122 county-level units, four large ones (6 % of the cases each, so a county officer has
/// more than 1,000 pages of 50), every action list in proportions near a real run's, valid ID numbers, schools
/// per county, and duplicate lists holding each person twice. Rows are a function of their index, so the smaller
/// earlier round repeats people of the big one (they link) and adds others (they are resolved).
/// </summary>
internal sealed class ProvinceLists
{
    public const int Province = 43;

    /// <summary>Share of the cases per list (sums to 1).</summary>
    private static readonly (Category List, double Share)[] Shares =
    [
        (Category.AidMissing, 0.35), (Category.StatusMismatch, 0.15), (Category.InvalidId, 0.12), (Category.DropoutSuspect, 0.08),
        (Category.AidIneligible, 0.06), (Category.FieldConflict, 0.05), (Category.DuplicateEnrollment, 0.04), (Category.AidNotEnrolled, 0.04),
        (Category.DuplicatePoverty, 0.03), (Category.IdentityConflict, 0.03), (Category.AidDuplicate, 0.02), (Category.AidStageMismatch, 0.015),
        (Category.AidAmountAnomaly, 0.015),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭", "林", "何", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "邓", "冯", "韩", "曹", "曾", "彭", "萧", "蔡", "潘", "田", "董", "袁", "于", "余", "叶", "蒋", "杜", "苏", "魏", "程", "吕", "丁", "沈", "任", "姚", "卢", "傅", "钟", "姜", "崔", "谭", "廖", "范", "汪", "陆", "金", "石", "戴", "贾", "韦", "夏", "邱", "方", "侯", "邹", "熊", "孟", "秦", "白", "江", "阎", "薛", "尹", "段", "雷", "黎", "史", "龙", "陶", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "欧阳", "覃", "武", "莫", "孔", "向"];
    private static readonly string[] Given = ["子轩", "梓涵", "浩然", "欣怡", "一诺", "宇轩", "诗涵", "雨泽", "可馨", "俊杰", "思远", "佳怡", "博文", "雅婷", "明", "强", "芳", "丽", "军", "敏", "静", "伟", "磊", "洋", "艳", "勇", "娟", "涛", "超", "秀英", "桂兰", "志强", "春花", "文博", "心怡", "子墨", "若曦", "嘉豪", "天佑", "晨曦"];
    private static readonly string[] Townships = ["城关镇", "大坪乡", "青山镇", "魏家桥乡", "牛马司镇", "黄桥镇", "白田乡", "石门乡", "双江镇", "九龙岭镇"];
    private static readonly string[] Villages = ["荷花村", "曾家村", "溪口村", "红岩村", "新建村", "团结村", "和平村", "长塘村", "高桥村", "枫树村"];

    private readonly RegionTable _table = RegionTable.Default;
    private readonly int[] _counties;
    private readonly double[] _cumulative;
    private readonly ListLayouts _layouts;

    public ProvinceLists()
    {
        _counties = [.. _table.CountiesInUse(Province).Select(r => r.Code)];
        if (_counties.Length < 10) throw new InvalidOperationException("RegionTable has too few counties for the province.");
        // The large counties first: 邵东市, 隆回县, 邵阳县, 新化县 when present.
        int[] large = [.. new[] { 430582, 430524, 430523, 431322 }.Where(c => _counties.Contains(c))];
        LargeCounties = large.Length == 4 ? large : _counties[..4];
        _counties = [.. LargeCounties, .. _counties.Except(LargeCounties)];
        var weights = _counties.Select((c, i) => i < 4 ? 0.06 : 0.76 / (_counties.Length - 4)).ToArray();
        _cumulative = new double[weights.Length];
        double sum = 0;
        for (int i = 0; i < weights.Length; i++) _cumulative[i] = sum += weights[i];
        _layouts = new ListLayouts(_table, linkage: true);
    }

    /// <summary>The four counties with more than 1,000 pages of cases at a million; the bench's officers work there.</summary>
    public int[] LargeCounties { get; }

    public IReadOnlyList<int> Counties => _counties;

    /// <summary>
    /// Writes the lists of a round of about <paramref name="cases"/> cases, or of the earlier round before it
    /// (<paramref name="earlier"/>); returns the rows per responsible county.
    /// </summary>
    public Dictionary<int, int> Write(string directory, long cases, EarlierShape earlier)
    {
        // Of every block of rows of the big round, the earlier round lists the first again (the person persists) and,
        // in place of the middle one, a person the big round no longer lists (resolved by it).
        int block = earlier == EarlierShape.Full ? 10 : 50;
        Directory.CreateDirectory(directory);
        var perCounty = new Dictionary<int, int>();
        long start = 0;
        foreach (var (list, share) in Shares)
        {
            var info = CategoryInfo.Of(list);
            var columns = _layouts.For(list);
            long rows = (long)Math.Round(cases * share);
            using var writer = new CsvListWriter(Path.Combine(directory, info.Code + ".csv"), [.. columns.Select(c => c.Header)]);
            var cells = new string?[columns.Count];
            bool duplicates = list is Category.DuplicateEnrollment or Category.DuplicatePoverty or Category.AidDuplicate;
            for (long i = 0; i < rows; i++)
            {
                long index = start + (duplicates ? i / 2 : i);
                if (earlier != EarlierShape.None)
                {
                    long inRound = duplicates ? i / 2 : i;
                    if (inRound % block == block / 2) index += 100_000_000;
                    else if (earlier == EarlierShape.Small && inRound % block != 0) continue;
                }
                var person = Person(index, list);
                for (int c = 0; c < columns.Count; c++) cells[c] = Cell(columns[c].Header, person, list, i);
                writer.WriteRow(cells);
                perCounty[person.County] = perCounty.GetValueOrDefault(person.County) + 1;
            }
            start += rows;
        }
        WriteMatched(directory, earlier == EarlierShape.Small ? cases / 50 : cases);
        File.WriteAllLines(Path.Combine(directory, "counties.txt"), perCounty.OrderBy(kv => kv.Key).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key},{kv.Value}")));
        return perCounty;
    }

    /// <summary>matched.csv: the matched students the dashboard's aid coverage divides by (as many as the cases).</summary>
    private void WriteMatched(string directory, long rows)
    {
        var columns = _layouts.For(Category.Matched);
        using var writer = new CsvListWriter(Path.Combine(directory, "matched.csv"), [.. columns.Select(c => c.Header)]);
        var cells = new string?[columns.Count];
        for (long i = 0; i < rows; i++)
        {
            var person = Person(200_000_000 + i, Category.Matched);
            for (int c = 0; c < columns.Count; c++) cells[c] = Cell(columns[c].Header, person, Category.Matched, i);
            writer.WriteRow(cells);
        }
    }

    private sealed record PersonRow(long Index, int County, string Id, string Name, DateOnly Birth, bool Male, string School, string SchoolName, int Seed);

    private PersonRow Person(long index, Category list)
    {
        uint h = Mix((ulong)index);
        double u = (h & 0xFFFFFF) / (double)0x1000000;
        int at = Array.BinarySearch(_cumulative, u);
        int county = _counties[Math.Min(_counties.Length - 1, at < 0 ? ~at : at)];
        uint h2 = Mix((ulong)index ^ 0x9E3779B97F4A7C15UL);
        var birth = new DateOnly(2008, 1, 1).AddDays((int)(h2 % 6500));
        bool male = (h2 >> 20) % 2 == 0;
        // The sequence digits: odd for men (GB 11643).
        int sequence = (int)(Mix((ulong)index * 31 + 7) % 500) * 2 + (male ? 1 : 0);
        long key = long.Parse(string.Create(CultureInfo.InvariantCulture, $"{county:D6}{birth:yyyyMMdd}{sequence:D3}"), CultureInfo.InvariantCulture);
        string id = ResidentId.Format(key);
        string name = Surnames[(h >> 8) % (uint)Surnames.Length] + Given[(h2 >> 8) % (uint)Given.Length];
        int schools = county == _counties[0] || LargeCounties.Contains(county) ? 200 : 30;
        int school = (int)(h2 >> 12) % schools;
        string schoolCode = string.Create(CultureInfo.InvariantCulture, $"21{county % 10000:D4}{school:D4}");
        string schoolName = _table.CountyName(county) + (school % 3 == 0 ? "第" + (school + 1).ToString(CultureInfo.InvariantCulture) + "中学" : Townships[school % Townships.Length] + "中心小学");
        _ = list;
        return new PersonRow(index, county, id, name, birth, male, schoolCode, schoolName, (int)(h % 1000));
    }

    private string? Cell(string header, PersonRow p, Category list, long row) => header switch
    {
        "乡村振兴行号" or "学籍行号" or "资助行号" or "来源行号" => (row + 2).ToString(CultureInfo.InvariantCulture),
        "来源数据" => (p.Seed % 3) switch { 0 => "学籍", 1 => "乡村振兴", _ => "资助" },
        "原因" => Reason(list, p),
        "说明" => list == Category.StatusMismatch ? "登记：在校生（初中）" : "出生日期不一致：登记 " + p.Birth.AddDays(3).ToString("O", CultureInfo.InvariantCulture),
        "重复次数" => "2",
        "姓名" or "学籍姓名" or "资助姓名" => p.Name,
        "证件号码" or "学籍身份证件号" or "资助身份证件号" => list == Category.InvalidId ? p.Id[..17] + (p.Id[17] == '0' ? '1' : '0') : p.Id,
        "建议号码" => list == Category.InvalidId ? p.Id : "",
        "性别" => p.Male ? "男" : "女",
        "出生日期" or "学籍出生日期" => p.Birth.ToString("O", CultureInfo.InvariantCulture),
        "年龄" => (2026 - p.Birth.Year).ToString(CultureInfo.InvariantCulture),
        "户编号" => string.Create(CultureInfo.InvariantCulture, $"{p.County}{p.Index % 10_000_000_000:D10}"),
        "人口类型" => p.Seed % 5 == 0 ? "监测对象" : "脱贫户",
        "户籍县级代码" or "学校所在地代码" or "责任县代码" => p.County.ToString(CultureInfo.InvariantCulture),
        "乡镇" => Townships[p.Seed % Townships.Length],
        "村" => Villages[p.Seed / 10 % Villages.Length],
        "在校生状况" => "在校生（初中）",
        "人员状态" => "正常",
        "学校名称" or "资助学校名称" => p.SchoolName,
        "学校标识码" or "资助学校标识码" => p.School,
        "学段" => p.Birth.Year >= 2014 ? "小学" : p.Birth.Year >= 2011 ? "初中" : "高中",
        "年级" => "三年级",
        "学籍状态" => "在读",
        "资助项目" => "家庭经济困难学生生活补助",
        "金额" => "625",
        "学年" => "2026-2027",
        "学期" => "秋季学期",
        "所在单位" => Townships[p.Seed % Townships.Length] + Villages[p.Seed / 10 % Villages.Length],
        "匹配概率" => "0.9731",
        "匹配权重" => "12.4",
        "比对依据" => "姓名相同；出生日期相同；户籍县相同",
        "责任县" => _table.FullName(p.County),
        "比对备注" => "",
        _ => "",
    };

    private static string Reason(Category list, PersonRow p) => list switch
    {
        Category.AidMissing => (p.Birth.Year >= 2014 ? "小学" : "初中") + "学生未查到资助发放记录",
        Category.DropoutSuspect => (2026 - p.Birth.Year).ToString(CultureInfo.InvariantCulture) + "周岁，学籍库中未查到在籍学籍",
        Category.StatusMismatch => "登记在校但未查到学籍",
        Category.InvalidId => "校验码错误",
        Category.FieldConflict => "出生日期与证件号码不一致",
        Category.IdentityConflict => "同一证件号码姓名不同",
        Category.AidIneligible => "受助学生不在脱贫家庭名单中",
        Category.AidNotEnrolled => "受助学生未查到在籍学籍",
        Category.AidStageMismatch => "资助项目学段与学籍学段不符",
        Category.AidAmountAnomaly => "金额超出标准",
        _ => "",
    };

    private static uint Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb93fe53e87a9UL;
        x ^= x >> 33;
        return (uint)x;
    }
}

/// <summary>
/// The round <see cref="ProvinceLists.Write"/> writes: the big one (<see cref="None"/>), or the earlier round before it:
/// <see cref="Small"/> (one person in 50 listed again, as many resolved: 4 % of the big round) or <see cref="Full"/>
/// (as large as the big one: nine people in ten listed again, one in ten resolved), as a real second term would be.
/// </summary>
internal enum EarlierShape
{
    None,
    Small,
    Full,
}
