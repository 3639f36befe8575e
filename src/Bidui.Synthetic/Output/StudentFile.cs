using Bidui.Synthetic.Model;

namespace Bidui.Synthetic.Output;

/// <summary>
/// The student registry export: title rows above the header, decorated and alias headers, extra
/// columns, the columns in a shuffled order, and the rows of the world in file order.
/// </summary>
internal sealed class StudentFile
{
    private enum Col
    {
        Seq,
        Name,
        Sex,
        Birth,
        Ethnic,
        IdType,
        IdNumber,
        StudentNo,
        SchoolName,
        SchoolCode,
        SchoolRegion,
        Stage,
        Grade,
        Class,
        EntryMonth,
        Hukou,
        Address,
        Status,
        Remark,
    }

    private static readonly Dictionary<Col, string> Headers = new()
    {
        [Col.Seq] = "序号",
        [Col.Name] = "*学生姓名",
        [Col.Sex] = "性别（男/女）",
        [Col.Birth] = "出生日期(yyyy-mm-dd)",
        [Col.Ethnic] = "民族",
        [Col.IdType] = "证件类型",
        [Col.IdNumber] = "*身份证件号（必填）",
        [Col.StudentNo] = "全国学籍号",
        [Col.SchoolName] = "学校名称",
        [Col.SchoolCode] = "学校标识码",
        [Col.SchoolRegion] = "学校所在地区划码",
        [Col.Stage] = "学段",
        [Col.Grade] = "年级",
        [Col.Class] = "班级",
        [Col.EntryMonth] = "入学年月",
        [Col.Hukou] = "户口性质",
        [Col.Address] = "家庭住址",
        [Col.Status] = "学籍状态",
        [Col.Remark] = "备注",
    };

    private readonly World _w;
    private readonly FileText _text;
    private readonly Col[] _columns;
    private readonly char[] _buffer = new char[64];
    private readonly string _unknownCode = Regions.UnknownCode.ToString(CultureInfo.InvariantCulture);

    public StudentFile(World world, FileText text)
    {
        _w = world;
        _text = text;
        // The CSV export (county and province sizes) is leaner: no address, 户口性质, 入学年月 or 备注.
        bool lean = world.StudentsFormat == DemoFileFormat.Csv;
        var rest = Enum.GetValues<Col>()
            .Where(c => c != Col.Seq && !(lean && c is Col.Address or Col.Hukou or Col.EntryMonth or Col.Remark))
            .ToArray();
        Rng.For(world.Seed, "student-columns").Shuffle(rest.AsSpan());
        _columns = [Col.Seq, .. rest];
    }

    public string[] HeaderTexts => [.. _columns.Select(c => Headers[c])];

    public void Write(ICellSink sink, Action<double> progress)
    {
        string title = _text.Area + _w.SchoolYearStart.ToString(CultureInfo.InvariantCulture) + "年秋季学期学生学籍信息";
        sink.Text(title);
        sink.EndRow();
        if (sink is XlsxSink xlsx)
        {
            xlsx.MergeCells("A1:" + (char)('A' + _columns.Length - 1) + "1");
            sink.Text("数据来源：全国中小学生学籍信息管理系统　导出日期：" + _text.ExportDate);
            sink.EndRow();
        }

        foreach (var c in _columns)
        {
            sink.Text(Headers[c]);
        }

        sink.EndRow();
        var rows = _w.Students.AsSpan();
        int seq = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            ref var r = ref rows[i];
            if (r.Kind != RowKind.Blank)
            {
                seq++;
                WriteRow(sink, ref r, i, seq);
            }

            sink.EndRow();
            if ((i & 0xFFFF) == 0)
            {
                progress((double)i / rows.Length);
            }
        }
    }

    private void WriteRow(ICellSink sink, ref StudentRow r, int index, int seq)
    {
        var people = _w.People;
        var school = _w.Schools[r.School];
        bool data = r.Kind == RowKind.Data;
        int p = r.Person;
        // A row with the 户主's number: the number (and its type) are the head's, the rest the child's.
        int child = r.Fault == Fault.BorrowedNumber ? _w.BorrowedNumbers[index] : p;
        ulong hash = CellText.Hash(_w.Seed, 1, index);
        Span<char> buf = _buffer;
        foreach (var col in _columns)
        {
            if (!data && col is not (Col.Seq or Col.SchoolName or Col.SchoolCode or Col.SchoolRegion or Col.Stage or Col.Grade or Col.Class))
            {
                sink.Empty();
                continue;
            }

            switch (col)
            {
                case Col.Seq:
                    sink.Text(buf[..CellText.Digits(seq, 0, buf)]);
                    break;
                case Col.Name:
                    sink.Text(buf[..CellText.Name(people.Name(child), r.Fault, hash, buf)]);
                    break;
                case Col.Sex:
                    sink.Text(people.Male(child) != (r.Fault == Fault.SexConflict) ? "男" : "女");
                    break;
                case Col.Birth:
                {
                    var birth = people.Birth(child);
                    if (r.Fault == Fault.BirthConflict)
                    {
                        birth = CellText.Conflicting(birth, hash >> 20);
                    }

                    CellText.Date(sink, birth, CellText.DateFormat(sink.IsSpreadsheet ? 5 : 0, hash >> 8, sink.IsSpreadsheet));
                    break;
                }

                case Col.Ethnic:
                    if (people.Document(p) == 1)
                    {
                        sink.Empty();
                    }
                    else
                    {
                        sink.Text(Catalog.Ethnic[people.Ethnic(p)]);
                    }

                    break;
                case Col.IdType:
                    int document = people.Document(p);
                    if (document == 0 && (r.Flags & StudentFlags.TypeBlank) != 0)
                    {
                        sink.Empty();
                    }
                    else
                    {
                        sink.Text(document == 0 ? "居民身份证" : Documents.Types[document - 1]);
                    }

                    break;
                case Col.IdNumber:
                    WriteId(sink, ref r, hash, buf);
                    break;
                case Col.StudentNo:
                    if (people.Document(child) == 0)
                    {
                        buf[0] = 'G';
                        ResidentIds.Write(people.Id17(child), buf[1..]);
                        sink.Text(buf[..19]);
                    }
                    else
                    {
                        buf[0] = 'L';
                        people.Birth(p).TryFormat(buf[1..], out int n, "yyyyMMdd", CultureInfo.InvariantCulture);
                        n += 1 + CellText.Digits(p % 10_000, 4, buf[(n + 1)..]);
                        sink.Text(buf[..n]);
                    }

                    break;
                case Col.SchoolName:
                    sink.Text(school.Name);
                    break;
                case Col.SchoolCode:
                    sink.Text(school.Code);
                    break;
                case Col.SchoolRegion:
                    sink.Text((r.Flags & StudentFlags.AbolishedCode) != 0 ? _text.PredecessorCodes[school.County]
                        : (r.Flags & StudentFlags.UnknownCode) != 0 ? _unknownCode
                        : _text.CountyCodes[school.County]);
                    break;
                case Col.Stage:
                    if ((r.Flags & StudentFlags.StageBlank) != 0)
                    {
                        sink.Empty();
                    }
                    else
                    {
                        sink.Text(Catalog.StageText(r.Stage, school.StageAlias));
                    }

                    break;
                case Col.Grade:
                    sink.Text(_text.Grade(r.Stage, r.Level, school.GradeStyle));
                    break;
                case Col.Class:
                    sink.Text(FileText.Classes[(int)(hash % 6)]);
                    break;
                case Col.EntryMonth:
                    sink.Text(_text.Entry(r.Stage, r.Level));
                    break;
                case Col.Hukou:
                    sink.Text(p < _w.PovertyPersons || hash % 10 < 6 ? "农业户口" : "非农业户口");
                    break;
                case Col.Address:
                    sink.Text(Address(child, school, hash));
                    break;
                case Col.Status:
                    sink.Text(Catalog.StatusText(r.Status));
                    break;
                case Col.Remark:
                    sink.Text(r.Status switch
                    {
                        EnrolStatus.Suspended => "因病休学",
                        EnrolStatus.TransferredOut => "已办理转出",
                        EnrolStatus.DroppedOut => "控辍保学劝返中",
                        _ => "",
                    });
                    break;
            }
        }
    }

    private string Address(int person, School school, ulong hash)
    {
        if (person < _w.PovertyPersons)
        {
            var h = _w.Households[_w.HouseholdOf[person]];
            return _text.Addresses[h.County][h.Township][h.Village];
        }

        var towns = _text.Addresses[school.County];
        var villages = towns[(int)((hash >> 24) % (ulong)towns.Length)];
        return villages[(int)((hash >> 40) % (ulong)villages.Length)];
    }

    private void WriteId(ICellSink sink, ref StudentRow r, ulong hash, Span<char> buf)
    {
        int p = r.Person;
        int document = _w.People.Document(p);
        if (document != 0)
        {
            int n = Documents.Write(p, document, buf);
            if ((r.Flags & StudentFlags.DocVariant) != 0)
            {
                // h1234 5678: typed in lower case with a space; the same number once normalised.
                buf[4..n].CopyTo(buf[5..]);
                buf[4] = ' ';
                n++;
                for (int i = 0; i < n; i++)
                {
                    buf[i] = char.ToLowerInvariant(buf[i]);
                }
            }

            sink.Text(buf[..n]);
            return;
        }

        int length = IdText.Write(_w.People.Id17(p), r.Fault, hash >> 4, _w.Options.Today, sink.IsSpreadsheet, buf, out double numeric);
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
    }
}
