using Bidui.Synthetic.Model;

namespace Bidui.Synthetic.Output;

/// <summary>
/// The monitoring system's export of 脱贫人口及防返贫监测对象: GB18030 CSV with two title lines, the
/// system's own column order, blank lines in the middle and at the end, and a 备注 column whose cells
/// sometimes hold line breaks and quotes.
/// </summary>
internal sealed class PovertyFile
{
    /// <summary>Trailing blank records after the last row (not counted by any rule).</summary>
    public const int TrailingBlankRows = 2;

    private static readonly string[] Headers =
    [
        "序号", "省", "市", "县", "县级代码", "乡镇", "村", "户编号", "姓名", "证件号码", "性别", "民族", "出生日期",
        "与户主关系", "户类型", "风险是否消除", "在校生状况", "人员状态", "联系电话", "备注",
    ];

    private readonly World _w;
    private readonly FileText _text;
    private readonly char[] _buffer = new char[64];

    public PovertyFile(World world, FileText text)
    {
        _w = world;
        _text = text;
    }

    public void Write(ICellSink sink, Action<double> progress)
    {
        sink.Text(_text.Area + "脱贫人口及防返贫监测对象信息表（数据截至" + _text.ExportDate + "）");
        sink.EndRow();
        sink.Text("导出单位：" + _text.Area + "乡村振兴局");
        sink.Text("单位：人");
        sink.EndRow();
        foreach (var h in Headers)
        {
            sink.Text(h);
        }

        sink.EndRow();
        var rows = _w.Poverty.AsSpan();
        int seq = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            ref var r = ref rows[i];
            ulong hash = CellText.Hash(_w.Seed, 2, i);
            if (r.Kind == RowKind.Blank)
            {
                // Some blank records are empty lines, some hold only separators.
                if (hash % 2 == 0)
                {
                    foreach (var _ in Headers)
                    {
                        sink.Empty();
                    }
                }
            }
            else
            {
                WriteRow(sink, ref r, ++seq, hash);
            }

            sink.EndRow();
            if ((i & 0xFFFF) == 0)
            {
                progress((double)i / rows.Length);
            }
        }

        for (int i = 0; i < TrailingBlankRows; i++)
        {
            foreach (var _ in Headers)
            {
                sink.Empty();
            }

            sink.EndRow();
        }
    }

    private void WriteRow(ICellSink sink, ref PovertyRow r, int seq, ulong hash)
    {
        var people = _w.People;
        var h = _w.Households[r.Household];
        var county = _w.Counties[h.County];
        bool data = r.Kind == RowKind.Data;
        int p = r.Person;
        Span<char> buf = _buffer;

        sink.Text(buf[..CellText.Digits(seq, 0, buf)]);
        sink.Text(county.Region.ProvinceName);
        sink.Text(county.Region.Prefecture);
        sink.Text(county.Region.Name);
        sink.Text(_text.CountyCodes[h.County]);
        sink.Text(county.Townships[h.Township]);
        sink.Text(county.Villages[h.Township][h.Village]);
        int n = CellText.Digits(county.Region.Code, 6, buf);
        n += CellText.Digits(h.Township + 1, 3, buf[n..]);
        n += CellText.Digits(h.Village + 1, 3, buf[n..]);
        n += CellText.Digits(h.Number, 4, buf[n..]);
        sink.Text(buf[..n]);
        if (!data)
        {
            // Rejected: the household's data without a person (a household line of the export).
            for (int i = 0; i < 6; i++)
            {
                sink.Empty();
            }

            sink.Text(Catalog.PopulationTypes[h.PopulationType]);
            for (int i = 0; i < 5; i++)
            {
                sink.Empty();
            }

            return;
        }

        sink.Text(buf[..CellText.Name(people.Name(p), r.Fault, hash, buf)]);
        int length = IdText.Write(people.Id17(p), r.Fault, hash >> 4, _w.Options.Today, false, buf, out _);
        if (length == 0)
        {
            sink.Empty();
        }
        else
        {
            sink.Text(buf[..length]);
        }

        sink.Text(people.Male(p) != (r.Fault == Fault.SexConflict) ? "男" : "女");
        sink.Text(Catalog.Ethnic[people.Ethnic(p)]);
        var birth = people.Birth(p);
        if (r.Fault == Fault.BirthConflict)
        {
            birth = CellText.Conflicting(birth, hash >> 20);
        }

        CellText.Date(sink, birth, CellText.DateFormat(3, hash >> 8, false));
        sink.Text(Catalog.RelationText(r.Relation));
        sink.Text(Catalog.PopulationTypes[h.PopulationType]);
        sink.Text(h.RiskCleared switch { 1 => "是", 2 => "否", _ => "" });
        int style = county.TownshipStatementStyle[h.Township];
        sink.Text(Catalog.StatementText(r.Statement, r.StatementStage, r.StatementLevel, style, (hash >> 12) % 3 == 0));
        sink.Text(Catalog.LifeText(r.Life));
        if (r.Relation == Relation.Head)
        {
            buf[0] = '1';
            buf[1] = "3579"[(int)((hash >> 30) % 4)];
            n = 2 + CellText.Digits((long)((hash >> 32) % 10), 1, buf[2..]);
            "****".CopyTo(buf[n..]);
            n += 4;
            n += CellText.Digits((long)((hash >> 36) % 10_000), 4, buf[n..]);
            sink.Text(buf[..n]);
        }
        else
        {
            sink.Empty();
        }

        sink.Text(Remark(ref r, hash));
    }

    private string Remark(ref PovertyRow r, ulong hash)
    {
        int x = (int)((hash >> 48) % 1000);
        if (r.Relation == Relation.Head && x < 40)
        {
            // A line break inside a quoted cell: one record, one row.
            return "户主常年在外务工\n联系人：村委会";
        }

        if (r.Relation == Relation.Head && x < 50)
        {
            return "因病致贫，\"两不愁三保障\"已落实";
        }

        return "";
    }
}
