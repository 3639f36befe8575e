using System.IO.Compression;
using System.Text;
using Bidui.Synthetic.Tests.Support;

namespace Bidui.Synthetic.Tests;

/// <summary>The small demo read back with the test's own readers and SPEC rules, against the generator's truth.</summary>
[Collection(SmallDemoCollection.Name)]
public sealed class GeneratedFilesTests(SmallDemo demo)
{
    private static readonly string[] ResidentTypes = ["", "居民身份证", "身份证", "二代身份证"];
    private static readonly string[] Enrolled = ["在读", "在籍", "在校", "休学", ""];

    private Dataset Students => new("学籍", demo.Students, "学生姓名", "身份证件号", "性别", "出生日期", "学籍状态");

    private Dataset Poverty => new("乡村振兴", demo.Poverty, "姓名", "证件号码", "性别", "出生日期", "人员状态");

    private Dataset Aid => new("资助", demo.Aid, "受助学生姓名", "身份证号码", "项目名称", "学期");

    /// <summary>The other registers (SPEC 1.4), each under its label, read with the test's own readers.</summary>
    private List<Dataset> Registers => [.. demo.Files.Registers.Select(r =>
    {
        var table = r.Path.EndsWith(".xlsx", StringComparison.Ordinal) ? SourceTable.ReadXlsx(r.Path)
            : SourceTable.ReadCsv(r.Path, r.Label == "特困" ? Encoding.GetEncoding("GB18030") : Encoding.UTF8);
        var texts = table.Rows.SelectMany(row => row.Cells).Select(c => c.Text).ToList();
        return new Dataset(r.Label, table, texts.First(t => t.EndsWith("姓名", StringComparison.Ordinal)),
            texts.First(t => t is "身份证号码" or "公民身份号码" or "身份证号" or "证件号码"));
    })];

    [Fact]
    public void Workbooks_are_zip_packages_with_a_sheet()
    {
        foreach (var path in new[] { demo.Files.StudentsPath, demo.Files.AidPath })
        {
            Assert.EndsWith(".xlsx", path, StringComparison.Ordinal);
            using var zip = ZipFile.OpenRead(path);
            Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
            Assert.NotNull(zip.GetEntry("xl/worksheets/sheet1.xml"));
            Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        }
    }

    [Fact]
    public void The_poverty_register_is_GB18030_with_title_lines_and_a_multi_line_quoted_cell()
    {
        var bytes = File.ReadAllBytes(demo.Files.PovertyPath);
        Assert.ThrowsAny<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        string text = Encoding.GetEncoding("GB18030").GetString(bytes);
        Assert.StartsWith("邵阳市脱贫人口及防返贫监测对象信息表", text, StringComparison.Ordinal);
        Assert.Contains("\"户主常年在外务工\n联系人：村委会\"", text, StringComparison.Ordinal);
        Assert.Contains("\"因病致贫，\"\"两不愁三保障\"\"已落实\"", text, StringComparison.Ordinal);
        Assert.Equal(3, Poverty.HeaderRow);

        // Records, not lines: the quoted line breaks add no row.
        int lines = text.Count(c => c == '\n');
        Assert.True(lines > demo.Poverty.LastRecord);
    }

    [Fact]
    public void Student_headers_sit_under_title_rows_with_decorations_aliases_and_extra_columns()
    {
        Assert.Equal(3, Students.HeaderRow);
        var header = demo.Students.Rows.Single(r => r.Row == 3).Cells.Select(c => c.Text).ToArray();
        Assert.Contains("*身份证件号（必填）", header);
        Assert.Contains("*学生姓名", header);
        Assert.Contains("证件类型", header);
        Assert.Contains("学校所在地区划码", header);
        Assert.Contains("家庭住址", header);
        Assert.Equal("序号", header[0]);
        Assert.NotEqual("*学生姓名", header[1]);
        Assert.Contains("学期", demo.Aid.Rows.Single(r => r.Row == Aid.HeaderRow).Cells.Select(c => c.Text));
    }

    [Fact]
    public void Every_ID_cell_is_judged_as_the_truth_says()
    {
        var expected = demo.TruthSet("invalid_id");
        var found = new HashSet<string>();
        foreach (var set in new[] { Students, Poverty, Aid }.Concat(Registers))
        {
            foreach (var (row, cells) in set.Loaded)
            {
                if (!ResidentTypes.Contains(set.Cell(cells, "证件类型").Text))
                {
                    continue; // another document (SPEC 2.2): never judged
                }

                if (IdRules.Reason(set.Cell(cells, set.IdColumn), SmallDemo.Today) is { } reason)
                {
                    found.Add($"{set.Source},{row},{reason}");
                }
            }
        }

        Assert.Equal(expected.Order(), found.Order());
        foreach (var reason in new[] { "证件号码为空", "科学计数法损坏", "15位旧号码", "长度错误", "含非法字符", "地区码无效", "出生日期无效", "校验码错误" })
        {
            Assert.Contains(found, f => f.EndsWith("," + reason, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_valid_ID_and_student_number_has_the_right_check_character()
    {
        int checkedIds = 0;
        foreach (var set in new[] { Students, Poverty, Aid })
        {
            foreach (var (_, cells) in set.Loaded)
            {
                string s = set.Cell(cells, set.IdColumn).Text;
                if (s.Length == 18 && s[..17].All(char.IsAsciiDigit) && IdRules.Reason(new SourceCell(s, false), SmallDemo.Today) is null)
                {
                    checkedIds++;
                }

                string number = set.Cell(cells, "全国学籍号").Text;
                if (number.StartsWith('G'))
                {
                    Assert.Equal(IdRules.Check(number[1..18]), number[18]);
                }
            }
        }

        Assert.True(checkedIds > 4_000);
    }

    [Fact]
    public void Field_conflicts_read_back_are_the_truths()
    {
        var found = new HashSet<string>();
        foreach (var set in new[] { Students, Poverty })
        {
            foreach (var (row, cells) in set.Loaded)
            {
                var id = set.Cell(cells, set.IdColumn);
                if (!ResidentTypes.Contains(set.Cell(cells, "证件类型").Text) || IdRules.Reason(id, SmallDemo.Today) is not null)
                {
                    continue;
                }

                string s = IdRules.Normalize(id.Text);
                var birth = DateOnly.ParseExact(s[6..14], "yyyyMMdd", CultureInfo.InvariantCulture);
                string sex = (s[16] - '0') % 2 == 1 ? "男" : "女";
                var date = ReadDate(set.Cell(cells, "出生日期"));
                string sexCell = set.Cell(cells, "性别").Text;
                if ((date is { } d && d != birth) || (sexCell is "男" or "女" && sexCell != sex))
                {
                    found.Add($"{set.Source},{row}");
                }
            }
        }

        Assert.Equal(demo.TruthSet("field_conflict").Order(), found.Order());
    }

    [Fact]
    public void Row_accounting_read_back_equals_the_truth()
    {
        var rejects = new HashSet<string>();
        var registers = demo.Inputs.RootElement.GetProperty("registers");
        foreach (var (want, set) in new[] { ("students", Students), ("poverty", Poverty), ("aid", Aid) }
            .Select(x => (demo.Inputs.RootElement.GetProperty(x.Item1), x.Item2))
            .Concat(Registers.Select(r => (registers.GetProperty(r.Source), r))))
        {
            string name = set.Source;
            Assert.Equal(want.GetProperty("rows_read").GetInt32(), set.RowsRead);
            Assert.Equal(want.GetProperty("rows_rejected").GetInt32(), set.Rejected.Count);
            Assert.Equal(want.GetProperty("rows_loaded").GetInt32(), set.Loaded.Count);
            Assert.Equal(want.GetProperty("rows_blank").GetInt32(), set.RowsRead - set.Valued.Count);
            Assert.True(set.RowsRead - set.Valued.Count > 0, $"{name} has no blank row in the middle");
            rejects.UnionWith(set.Rejected.Select(r => $"{set.Source},{r}"));
        }

        Assert.Equal(demo.TruthSet("rejects").Order(), rejects.Order());

        // Trailing blank records of the CSV are not counted.
        Assert.True(demo.Poverty.LastRecord > Poverty.HeaderRow + Poverty.RowsRead);
    }

    /// <summary>The exact tier of SPEC 4 recomputed from the files with the test's own ID rules.</summary>
    [Fact]
    public void Matching_lists_recomputed_from_the_files_equal_the_truth()
    {
        var persons = new Dictionary<string, (int Row, bool Deceased)>();
        var povertyCount = new Dictionary<string, int>();
        var povertyKeyed = new List<(int Row, string Key)>();
        foreach (var (row, cells) in Poverty.Loaded)
        {
            if (IdRules.Key(Poverty.Cell(cells, Poverty.IdColumn), SmallDemo.Today) is not { } key)
            {
                continue;
            }

            string status = Poverty.Cell(cells, "人员状态").Text;
            persons.TryAdd(key, (row, status.Contains("死亡", StringComparison.Ordinal) || status.Contains("注销", StringComparison.Ordinal)));
            povertyCount[key] = povertyCount.GetValueOrDefault(key) + 1;
            povertyKeyed.Add((row, key));
        }

        var enrolment = new Dictionary<string, int>();
        var enrolledCount = new Dictionary<string, int>();
        var enrolledKeyed = new List<(int Row, string Key)>();
        foreach (var (row, cells) in Students.Loaded)
        {
            if (StudentKey(cells) is not { } key || !Enrolled.Contains(Students.Cell(cells, "学籍状态").Text))
            {
                continue;
            }

            enrolment.TryAdd(key, row);
            enrolledCount[key] = enrolledCount.GetValueOrDefault(key) + 1;
            enrolledKeyed.Add((row, key));
        }

        // The other registers (SPEC 1.4) and the catalogue's 对象 (SPEC 1.5), read from their files.
        var registers = Registers.ToDictionary(r => r.Source,
            r => r.Loaded.Select(row => IdRules.Key(r.Cell(row.Cells, r.IdColumn), SmallDemo.Today)).OfType<string>().ToHashSet());

        var catalogue = new Dataset("目录", SourceTable.ReadCsv(demo.Files.AidProjectsPath, Encoding.UTF8), "资助项目", "对象");
        var audience = catalogue.Loaded.ToDictionary(r => catalogue.Cell(r.Cells, "资助项目").Text, r => catalogue.Cell(r.Cells, "对象").Text);
        Assert.Contains("脱贫", audience.Values);
        Assert.Contains("全体", audience.Values);

        var paid = new HashSet<string>();
        var ineligible = new List<string>();
        var notEnrolled = new List<string>();
        var groups = new Dictionary<string, List<int>>();
        foreach (var (row, cells) in Aid.Loaded)
        {
            if (IdRules.Key(Aid.Cell(cells, Aid.IdColumn), SmallDemo.Today) is not { } key)
            {
                continue;
            }

            paid.Add(key);
            // SPEC 4.5: deceased first, then the project's 对象.
            bool inP = persons.TryGetValue(key, out var person);
            string who = audience[Aid.Cell(cells, "项目名称").Text];
            bool admitted = who switch
            {
                "全体" => true,
                "脱贫" => inP,
                "困难" => inP || registers.Values.Any(r => r.Contains(key)),
                _ => who.Split('、').Any(label => registers[label].Contains(key)),
            };
            if (person.Deceased || !admitted)
            {
                ineligible.Add($"{row.ToString(CultureInfo.InvariantCulture)},{(person.Deceased ? "登记为死亡或注销" : who switch
                {
                    "脱贫" => "非脱贫人口（项目限脱贫家庭）",
                    "困难" => "不在脱贫人口及困难群体名单",
                    _ => $"不在项目对象名单（{who}）",
                })}");
            }

            if (!enrolment.ContainsKey(key))
            {
                notEnrolled.Add(row.ToString(CultureInfo.InvariantCulture));
            }

            string group = string.Join("|", key, Aid.Cell(cells, "项目名称").Text, Aid.Cell(cells, "学年").Text, Aid.Cell(cells, "学期").Text);
            (groups.TryGetValue(group, out var list) ? list : groups[group] = []).Add(row);
        }

        var matched = persons.Where(p => enrolment.ContainsKey(p.Key)).Select(p => $"{p.Value.Row},{enrolment[p.Key]}").ToList();
        var missing = persons.Where(p => enrolment.ContainsKey(p.Key) && !p.Value.Deceased && !paid.Contains(p.Key))
            .Select(p => $"{p.Value.Row},{enrolment[p.Key]}").ToList();
        var dropout = persons.Where(p => !enrolment.ContainsKey(p.Key) && !p.Value.Deceased && Age(p.Key) is >= 6 and <= 15)
            .Select(p => p.Value.Row.ToString(CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(demo.TruthSet("matched").Order(), matched.Order());
        Assert.Equal(demo.TruthSet("aid_missing").Order(), missing.Order());
        Assert.Equal(demo.TruthSet("dropout_suspect").Order(), dropout.Order());
        Assert.Equal(demo.TruthSet("duplicate_poverty").Order(), povertyKeyed.Where(k => povertyCount[k.Key] >= 2).Select(k => k.Row.ToString(CultureInfo.InvariantCulture)).Order());
        Assert.Equal(demo.TruthSet("duplicate_enrollment").Order(), enrolledKeyed.Where(k => enrolledCount[k.Key] >= 2).Select(k => k.Row.ToString(CultureInfo.InvariantCulture)).Order());
        Assert.Equal(demo.TruthSet("aid_ineligible").Order(), ineligible.Order());
        Assert.Equal(demo.TruthSet("aid_not_enrolled").Order(), notEnrolled.Order());
        Assert.Equal(demo.TruthSet("aid_duplicate").Order(), groups.Values.Where(g => g.Count >= 2).SelectMany(g => g).Select(r => r.ToString(CultureInfo.InvariantCulture)).Order());
    }

    private string? StudentKey(SourceCell[] cells)
    {
        string type = Students.Cell(cells, "证件类型").Text;
        if (ResidentTypes.Contains(type))
        {
            return IdRules.Key(Students.Cell(cells, Students.IdColumn), SmallDemo.Today);
        }

        string number = string.Concat(Students.Cell(cells, Students.IdColumn).Text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        return number.Length == 0 ? null : type + "|" + number;
    }

    private static int Age(string id)
    {
        var birth = DateOnly.ParseExact(id[6..14], "yyyyMMdd", CultureInfo.InvariantCulture);
        var on = SmallDemo.Reference;
        int age = on.Year - birth.Year;
        return on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day) ? age - 1 : age;
    }

    /// <summary>SPEC 2.4 formats, and workbook date or serial cells.</summary>
    internal static DateOnly? ReadDate(SourceCell cell)
    {
        if (cell.IsEmpty)
        {
            return null;
        }

        if (cell.Numeric)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(cell.Text, CultureInfo.InvariantCulture)));
        }

        string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy'年'M'月'd'日'"];
        return DateOnly.TryParseExact(cell.Text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }
}
