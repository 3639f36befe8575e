using Bidui.Synthetic.Model;

namespace Bidui.Synthetic.Output;

/// <summary>
/// The aid system's payment list: a title row (workbook), alias headers (项目名称, 受助学生姓名,
/// 身份证号码, 金额（元）), 小计 rows in the middle and a 合计 row at the end (no name, no ID: rejected).
/// </summary>
internal sealed class AidFile
{
    private static readonly string[] Headers =
    [
        "序号", "学年", "学期", "项目名称", "学校名称", "学校标识码", "学段", "受助学生姓名", "身份证号码", "金额（元）",
        "发放日期", "发放方式", "银行卡号", "备注",
    ];

    private readonly World _w;
    private readonly FileText _text;
    private readonly char[] _buffer = new char[64];
    private readonly string _schoolYear;

    public AidFile(World world, FileText text)
    {
        _w = world;
        _text = text;
        _schoolYear = world.SchoolYear;
    }

    public void Write(ICellSink sink, Action<double> progress)
    {
        if (sink is XlsxSink xlsx)
        {
            sink.Text(_text.Area + _schoolYear + "学年学生资助资金发放明细表");
            sink.EndRow();
            xlsx.MergeCells("A1:" + (char)('A' + Headers.Length - 1) + "1");
        }

        foreach (var h in Headers)
        {
            sink.Text(h);
        }

        sink.EndRow();
        var rows = _w.Aid.AsSpan();
        int seq = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            ref var r = ref rows[i];
            if (r.Kind == RowKind.Data)
            {
                WriteRow(sink, ref r, ++seq, CellText.Hash(_w.Seed, 3, i));
            }
            else if (r.Kind == RowKind.Rejected)
            {
                WriteTotal(sink, ref r);
            }

            sink.EndRow();
            if ((i & 0xFFFF) == 0)
            {
                progress((double)i / rows.Length);
            }
        }
    }

    private void WriteRow(ICellSink sink, ref AidRow r, int seq, ulong hash)
    {
        var people = _w.People;
        var school = _w.Schools[r.School];
        int p = r.Person;
        Span<char> buf = _buffer;
        sink.Text(buf[..CellText.Digits(seq, 0, buf)]);
        sink.Text(_schoolYear);
        sink.Text(Catalog.SemesterText(r.Semester));
        sink.Text(Catalog.ProjectText(r.Project));
        sink.Text(school.Name);
        sink.Text(school.Code);
        sink.Text(Catalog.StageText(school.Stage, alias: false));
        sink.Text(buf[..CellText.Name(people.Name(p), r.Fault, hash, buf)]);
        int length = IdText.Write(people.Id17(p), r.Fault, hash >> 4, _w.Options.Today, sink.IsSpreadsheet, buf, out double numeric);
        if (!double.IsNaN(numeric))
        {
            sink.Number(numeric);
        }
        else if (length == 0)
        {
            sink.Empty();
        }
        else
        {
            sink.Text(buf[..length]);
        }

        switch (r.AmountFault)
        {
            case AmountFault.Empty:
                sink.Empty();
                break;
            case AmountFault.Text:
                sink.Text("伍佰元整");
                break;
            case AmountFault.Negative:
                Amount(sink, -r.AmountJiao);
                break;
            default:
                Amount(sink, r.AmountJiao);
                break;
        }

        if (r.PayDay < 0)
        {
            sink.Empty();
        }
        else
        {
            CellText.Date(sink, DateOnly.FromDayNumber(r.PayDay), sink.IsSpreadsheet ? 5 : 0);
        }

        bool card = r.Project is not (AidProject.VocationalFeeWaiver or AidProject.HighSchoolFeeWaiver);
        sink.Text(card ? "银行卡发放" : "学校冲抵");
        if (card)
        {
            "6217".CopyTo(buf);
            "********".CopyTo(buf[4..]);
            int n = 12 + CellText.Digits((long)(hash >> 40) % 10_000, 4, buf[12..]);
            sink.Text(buf[..n]);
        }
        else
        {
            sink.Empty();
        }

        sink.Empty();
    }

    /// <summary>A 小计 (middle) or 合计 (last) row: amounts without a person.</summary>
    private void WriteTotal(ICellSink sink, ref AidRow r)
    {
        bool grandTotal = r.School < 0;
        sink.Text(grandTotal ? "合计" : "");
        sink.Empty();
        sink.Empty();
        sink.Text(grandTotal ? "" : "小计");
        if (grandTotal)
        {
            sink.Empty();
        }
        else
        {
            sink.Text(_w.Schools[r.School].Name);
        }

        sink.Empty();
        sink.Empty();
        sink.Empty();
        sink.Empty();
        Amount(sink, r.AmountJiao);
    }

    private static void Amount(ICellSink sink, long jiao)
    {
        if (sink.IsSpreadsheet)
        {
            sink.Number(jiao / 10.0);
            return;
        }

        Span<char> buf = stackalloc char[24];
        (jiao / 10.0).TryFormat(buf, out int n, "0.##", CultureInfo.InvariantCulture);
        sink.Text(buf[..n]);
    }
}
