using Bidui.Synthetic.Model;

namespace Bidui.Synthetic.Output;

/// <summary>
/// An eligibility register as civil affairs or the disabled persons' federation export it: 低保 as a
/// workbook with a merged title row, the others as CSV (特困 in GB18030), each with its own header words.
/// </summary>
internal sealed class RegisterFile(World world, RegisterData register)
{
    private readonly char[] _buffer = new char[64];

    private string[] Headers => register.Index switch
    {
        0 => ["序号", "姓名", "身份证号码", "保障类别", "保障人数", "备注"],
        1 => ["序号", "救助对象姓名", "公民身份号码", "供养方式", "备注"],
        2 => ["序号", "姓名", "身份证号", "残疾类别", "备注"],
        _ => ["序号", "儿童姓名", "证件号码", "类别", "备注"],
    };

    public void Write(ICellSink sink, Action<double> progress)
    {
        string title = $"{new FileText(world).Area}{register.Label}对象名单";
        if (sink is XlsxSink xlsx)
        {
            sink.Text(title);
            sink.EndRow();
            xlsx.MergeCells("A1:" + (char)('A' + Headers.Length - 1) + "1");
        }
        else if (register.FirstRow == 3)
        {
            sink.Text(title);
            sink.EndRow();
        }

        foreach (var h in Headers)
        {
            sink.Text(h);
        }

        sink.EndRow();
        var rows = register.Rows.AsSpan();
        Span<char> buf = _buffer;
        int seq = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            ref var r = ref rows[i];
            if (r.Kind == RowKind.Data)
            {
                ulong hash = CellText.Hash(world.Seed, 10 + register.Index, i);
                int p = r.Person;
                sink.Text(buf[..CellText.Digits(++seq, 0, buf)]);
                sink.Text(buf[..CellText.Name(world.People.Name(p), Fault.None, hash, buf)]);
                int length = IdText.Write(world.People.Id17(p), r.Fault, hash >> 4, world.Options.Today, false, buf, out _);
                if (length == 0)
                {
                    sink.Empty();
                }
                else
                {
                    sink.Text(buf[..length]);
                }

                sink.Text(DemoCatalog.Kinds[register.Index][r.KindText]);
                if (register.Index == 0)
                {
                    sink.Text(buf[..CellText.Digits(1 + (int)(hash % 4), 0, buf)]);
                }

                sink.Empty();
            }
            else if (r.Kind == RowKind.Rejected)
            {
                // A subtotal line: no name, no ID.
                sink.Empty();
                sink.Empty();
                sink.Empty();
                sink.Text("小计");
            }

            sink.EndRow();
            if ((i & 0xFFFF) == 0)
            {
                progress((double)i / rows.Length);
            }
        }
    }
}

/// <summary>The demo province's aid project catalogue (SPEC 1.5), saying that its amounts are an example.</summary>
internal static class CatalogFile
{
    public static void Write(ICellSink sink)
    {
        sink.Text("学生资助项目目录（示例）");
        sink.EndRow();
        sink.Text("说明：本目录的金额标准为示例，各省（区、市）标准不同，使用时请按本省资助政策文件填写。");
        sink.EndRow();
        foreach (var h in (ReadOnlySpan<string>)["资助项目", "学段", "对象", "标准（元）", "周期", "备注"])
        {
            sink.Text(h);
        }

        sink.EndRow();
        foreach (var rule in DemoCatalog.Rules)
        {
            sink.Text(Catalog.ProjectText(rule.Project));
            sink.Text(string.Join("、", rule.Stages.Select(s => Catalog.StageText(s, alias: false))));
            sink.Text(rule.Audience switch
            {
                Audience.All => "全体",
                Audience.Poverty => "脱贫",
                Audience.List => string.Join("、", rule.Registers),
                _ => "困难",
            });
            sink.Text(rule.MinJiao == rule.MaxJiao ? Yuan(rule.MaxJiao) : $"{Yuan(rule.MinJiao)}-{Yuan(rule.MaxJiao)}");
            sink.Text(rule.Yearly ? "学年" : "学期");
            sink.Text(rule.Project switch
            {
                AidProject.RainDew => "脱贫家庭（含监测对象家庭）子女",
                AidProject.Nutrition => "农村义务教育学生营养改善计划",
                _ => "",
            });
            sink.EndRow();
        }
    }

    private static string Yuan(int jiao) => (jiao / 10.0).ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>The province's key counties (重点帮扶县): 县级代码 and the county's name.</summary>
internal static class KeyCountyFile
{
    public static void Write(ICellSink sink, World world)
    {
        sink.Text("序号");
        sink.Text("县级代码");
        sink.Text("县（市、区）");
        sink.EndRow();
        int seq = 0;
        foreach (int code in world.KeyCounties)
        {
            sink.Text((++seq).ToString(CultureInfo.InvariantCulture));
            sink.Text(code.ToString(CultureInfo.InvariantCulture));
            sink.Text(Regions.ByCode(code).Name);
            sink.EndRow();
        }
    }
}
