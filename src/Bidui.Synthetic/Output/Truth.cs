using System.Text;
using Bidui.Synthetic.Model;

namespace Bidui.Synthetic.Output;

/// <summary>
/// What <c>compare --exact-only</c> must produce, derived from the world model (who each row is,
/// which fault it carries, where it sits), never by reading the generated files back. Each rule is
/// SPEC 4 written over the model: a row's key is its person unless its fault destroyed the ID.
/// </summary>
internal static class Truth
{
    private const string Students = "学籍";
    private const string Poverty = "乡村振兴";
    private const string Aid = "资助";

    /// <summary>Lowest and highest age of compulsory schooling (SPEC 3).</summary>
    private const int CompulsoryFrom = 6;
    private const int CompulsoryTo = 15;

    public static void Write(World w, string directory)
    {
        Directory.CreateDirectory(directory);
        int persons = w.People.Count;
        var students = w.Students.AsSpan();
        var poverty = w.Poverty.AsSpan();
        var aid = w.Aid.AsSpan();
        int sFirst = w.StudentsFirstRow;
        int pFirst = w.PovertyFirstRow;
        int aFirst = w.AidFirstRow;

        // P: the first poverty row of each key; E: the first enrolled student row; who has aid.
        var firstPoverty = new int[persons];
        var firstEnrolled = new int[persons];
        Array.Fill(firstPoverty, -1);
        Array.Fill(firstEnrolled, -1);
        var povertyRows = new byte[persons];
        var enrolledRows = new byte[persons];
        var paid = new bool[persons];
        for (int i = 0; i < poverty.Length; i++)
        {
            if (Keyed(poverty[i].Kind, poverty[i].Fault) is true)
            {
                int p = poverty[i].Person;
                if (firstPoverty[p] < 0)
                {
                    firstPoverty[p] = i;
                }

                povertyRows[p] = (byte)Math.Min(255, povertyRows[p] + 1);
            }
        }

        for (int i = 0; i < students.Length; i++)
        {
            if (Keyed(students[i].Kind, students[i].Fault) is true && Stages.IsEnrolled(students[i].Status))
            {
                int p = students[i].Person;
                if (firstEnrolled[p] < 0)
                {
                    firstEnrolled[p] = i;
                }

                enrolledRows[p] = (byte)Math.Min(255, enrolledRows[p] + 1);
            }
        }

        // aid_duplicate: keyed rows sorted by (person, project, semester) with their row index; runs of two or more.
        var groups = new List<long>(aid.Length);
        for (int i = 0; i < aid.Length; i++)
        {
            if (Keyed(aid[i].Kind, aid[i].Fault) is true)
            {
                paid[aid[i].Person] = true;
                groups.Add((AidGroup(aid[i]) << 32) | (uint)i);
            }
        }

        var sortedGroups = groups.ToArray();
        groups.Clear();
        Array.Sort(sortedGroups);
        var duplicatePayment = new bool[aid.Length];
        for (int start = 0, end; start < sortedGroups.Length; start = end)
        {
            end = start + 1;
            while (end < sortedGroups.Length && sortedGroups[end] >> 32 == sortedGroups[start] >> 32)
            {
                end++;
            }

            for (int k = start; end - start >= 2 && k < end; k++)
            {
                duplicatePayment[(int)(sortedGroups[k] & 0xFFFFFFFF)] = true;
            }
        }

        // Person lists, in poverty file order.
        using (var matched = Open(directory, "matched", "乡村振兴行号,学籍行号"))
        using (var missing = Open(directory, "aid_missing", "乡村振兴行号,学籍行号"))
        using (var dropout = Open(directory, "dropout_suspect", "乡村振兴行号"))
        using (var status = Open(directory, "status_mismatch", "乡村振兴行号,学籍行号,原因"))
        {
            for (int i = 0; i < poverty.Length; i++)
            {
                ref var row = ref poverty[i];
                if (row.Kind != RowKind.Data || firstPoverty[row.Person] != i)
                {
                    continue;
                }

                int p = row.Person;
                int e = firstEnrolled[p];
                bool deceased = row.Life != LifeStatus.Normal;
                if (e >= 0)
                {
                    matched.Line(i + pFirst, e + sFirst);
                    if (!deceased && Stages.IsRegistryStage(students[e].Stage) && !paid[p])
                    {
                        missing.Line(i + pFirst, e + sFirst);
                    }
                }
                else if (!deceased)
                {
                    int age = Age(w.People.Birth(p), w.ReferenceDate);
                    if (age is >= CompulsoryFrom and <= CompulsoryTo)
                    {
                        dropout.Line(i + pFirst);
                    }
                }

                if (!deceased && StatusReason(row, e >= 0 ? students[e].Stage : Stage.None, e >= 0) is { } reason)
                {
                    status.Line(i + pFirst, e >= 0 ? e + sFirst : -1, reason);
                }
            }
        }

        // identity_conflict: student rows (any status) of a person in P under another name.
        using (var identity = Open(directory, "identity_conflict", "乡村振兴行号,学籍行号"))
        {
            var pairs = new List<(int, int)>();
            for (int i = 0; i < students.Length; i++)
            {
                if (Keyed(students[i].Kind, students[i].Fault) is true && students[i].Fault is Fault.NameConflict or Fault.BorrowedNumber
                    && firstPoverty[students[i].Person] >= 0)
                {
                    pairs.Add((firstPoverty[students[i].Person] + pFirst, i + sFirst));
                }
            }

            pairs.Sort();
            foreach (var (a, b) in pairs)
            {
                identity.Line(a, b);
            }
        }

        using (var field = Open(directory, "field_conflict", "来源数据,来源行号"))
        using (var invalid = Open(directory, "invalid_id", "来源数据,来源行号,原因"))
        using (var rejects = Open(directory, "rejects", "来源数据,来源行号"))
        {
            for (int i = 0; i < students.Length; i++)
            {
                SourceRow(field, invalid, rejects, Students, i + sFirst, students[i].Kind, students[i].Fault);
            }

            for (int i = 0; i < poverty.Length; i++)
            {
                SourceRow(field, invalid, rejects, Poverty, i + pFirst, poverty[i].Kind, poverty[i].Fault);
            }

            for (int i = 0; i < aid.Length; i++)
            {
                SourceRow(field, invalid, rejects, Aid, i + aFirst, aid[i].Kind, aid[i].Fault);
            }

            foreach (var register in w.Registers)
            {
                var rows = register.Rows.AsSpan();
                for (int i = 0; i < rows.Length; i++)
                {
                    SourceRow(field, invalid, rejects, register.Label, i + register.FirstRow, rows[i].Kind, rows[i].Fault);
                }
            }
        }

        using (var duplicates = Open(directory, "duplicate_enrollment", "学籍行号"))
        {
            for (int i = 0; i < students.Length; i++)
            {
                if (Keyed(students[i].Kind, students[i].Fault) is true && Stages.IsEnrolled(students[i].Status) && enrolledRows[students[i].Person] >= 2)
                {
                    duplicates.Line(i + sFirst);
                }
            }
        }

        using (var duplicates = Open(directory, "duplicate_poverty", "乡村振兴行号"))
        {
            for (int i = 0; i < poverty.Length; i++)
            {
                if (Keyed(poverty[i].Kind, poverty[i].Fault) is true && povertyRows[poverty[i].Person] >= 2)
                {
                    duplicates.Line(i + pFirst);
                }
            }
        }

        // Who is in which register (keyed rows only: a broken number puts nobody in a register).
        var inRegister = new byte[persons];
        foreach (var register in w.Registers)
        {
            foreach (ref readonly var r in register.Rows.AsSpan())
            {
                if (Keyed(r.Kind, r.Fault) is true)
                {
                    inRegister[r.Person] |= (byte)(1 << register.Index);
                }
            }
        }

        WriteAidLists(w, directory, aid, students, poverty, firstPoverty, firstEnrolled, inRegister, duplicatePayment, sortedGroups);

        WriteInputs(directory, w, Counts(students, static r => r.Kind), Counts(poverty, static r => r.Kind), Counts(aid, static r => r.Kind));
        WriteBorrowedNumbers(directory, w, firstPoverty, w.StudentsFirstRow, w.PovertyFirstRow);
    }

    /// <summary>
    /// SPEC 4.5-4.7 over the model: the aid lists with their 原因, and the funds (in 角, written in 元).
    /// The catalogue is the generator's own (<see cref="DemoCatalog"/>); the registers are the model's.
    /// </summary>
    private static void WriteAidLists(World w, string directory, Span<AidRow> aid, Span<StudentRow> students, Span<PovertyRow> poverty,
        int[] firstPoverty, int[] firstEnrolled, byte[] inRegister, bool[] duplicatePayment, long[] sortedGroups)
    {
        int aFirst = w.AidFirstRow;
        int sFirst = w.StudentsFirstRow;

        // The first row (file order) of each duplicate group: the one payment that is not paid twice.
        var firstOfGroup = new bool[aid.Length];
        for (int start = 0, end; start < sortedGroups.Length; start = end)
        {
            end = start + 1;
            while (end < sortedGroups.Length && sortedGroups[end] >> 32 == sortedGroups[start] >> 32)
            {
                end++;
            }

            firstOfGroup[(int)(sortedGroups[start] & 0xFFFFFFFF)] = true;
        }

        // The year's sum of valid amounts per person and project (学年 is the same on every row).
        var yearSums = new Dictionary<long, long>();
        for (int i = 0; i < aid.Length; i++)
        {
            if (Keyed(aid[i].Kind, aid[i].Fault) is true && ValidAmount(aid[i]))
            {
                long key = ((long)aid[i].Person << 8) | (long)aid[i].Project;
                yearSums[key] = yearSums.GetValueOrDefault(key) + aid[i].AmountJiao;
            }
        }

        string[] codes = ["aid_duplicate", "aid_ineligible", "aid_stage_mismatch", "aid_amount_anomaly", "aid_not_enrolled"];
        var byList = new long[codes.Length];
        long total = 0, atRisk = 0;
        var aided = new bool[firstEnrolled.Length]; // persons with a keyed aid row (register coverage)
        // Per 资助项目 (SPEC 4.6 "per 资助项目"): paid and at risk, indexed by project.
        var paidByProject = new long[256];
        var atRiskByProject = new long[256];
        var seenProject = new bool[256];
        using var duplicate = Open(directory, "aid_duplicate", "资助行号");
        using var ineligible = Open(directory, "aid_ineligible", "资助行号,原因");
        using var stage = Open(directory, "aid_stage_mismatch", "资助行号,学籍行号,原因");
        using var amount = Open(directory, "aid_amount_anomaly", "资助行号,原因");
        using var notEnrolled = Open(directory, "aid_not_enrolled", "资助行号");
        Span<bool> listed = stackalloc bool[codes.Length];
        for (int i = 0; i < aid.Length; i++)
        {
            ref var row = ref aid[i];
            if (row.Kind != RowKind.Data)
            {
                continue;
            }

            listed.Clear();
            int line = i + aFirst;
            int p = row.Person;
            var rule = DemoCatalog.Of(row.Project);
            bool valid = ValidAmount(row);
            bool keyed = Keyed(row.Kind, row.Fault) is true;
            if (keyed && duplicatePayment[i])
            {
                duplicate.Line(line);
                listed[0] = true;
            }

            if (keyed && IneligibleReason(rule, firstPoverty[p] >= 0 ? poverty[firstPoverty[p]].Life : null, inRegister[p]) is { } reason)
            {
                ineligible.Line(line, reason);
                listed[1] = true;
            }

            if (keyed && firstEnrolled[p] >= 0 && !rule.Pays(students[firstEnrolled[p]].Stage))
            {
                var enrolment = students[firstEnrolled[p]];
                stage.Line(line, firstEnrolled[p] + sFirst, "项目学段为" + string.Join("、", rule.Stages.Select(x => Catalog.StageText(x, alias: false)))
                    + "，学籍学段为" + Catalog.StageText(enrolment.Stage, w.Schools[enrolment.School].StageAlias));
                listed[2] = true;
            }

            string? anomaly = !valid ? "金额无效"
                : row.AmountJiao > rule.MaxJiao ? "高于标准"
                : row.AmountJiao < rule.MinJiao ? "低于标准"
                : keyed && yearSums[((long)p << 8) | (long)row.Project] > rule.YearlyJiao ? "累计超过标准"
                : null;
            if (anomaly is not null)
            {
                amount.Line(line, anomaly);
                listed[3] = true;
            }

            if (keyed && firstEnrolled[p] < 0)
            {
                notEnrolled.Line(line);
                listed[4] = true;
            }

            if (keyed)
            {
                aided[p] = true;
            }

            long paid = valid ? row.AmountJiao : 0;
            total += paid;
            bool risk = false;
            for (int l = 0; l < codes.Length; l++)
            {
                if (listed[l] && !(l == 0 && firstOfGroup[i]))
                {
                    byList[l] += paid;
                    risk = true;
                }
            }

            atRisk += risk ? paid : 0;
            seenProject[(int)row.Project] = true;
            paidByProject[(int)row.Project] += paid;
            atRiskByProject[(int)row.Project] += risk ? paid : 0;
        }

        var json = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{{\n  \"total\": {Yuan(total)},\n  \"at_risk\": {Yuan(atRisk)},\n  \"by_list\": {{");
        for (int l = 0; l < codes.Length; l++)
        {
            json.Append(CultureInfo.InvariantCulture, $"{(l > 0 ? "," : "")}\n    \"{codes[l]}\": {Yuan(byList[l])}");
        }

        json.Append("\n  },\n  \"by_project\": {");
        bool firstProject = true;
        for (int project = 0; project < seenProject.Length; project++)
        {
            if (!seenProject[project])
            {
                continue;
            }

            json.Append(CultureInfo.InvariantCulture,
                $"{(firstProject ? "" : ",")}\n    \"{Catalog.ProjectText((AidProject)project)}\": {{\"paid\": {Yuan(paidByProject[project])}, \"at_risk\": {Yuan(atRiskByProject[project])}}}");
            firstProject = false;
        }

        // Aid coverage per register: its enrolled members (every registry stage is an aid stage) and those paid aid.
        json.Append("\n  },\n  \"register_coverage\": {");
        foreach (var register in w.Registers)
        {
            long enrolled = 0, paidAny = 0;
            for (int person = 0; person < firstEnrolled.Length; person++)
            {
                if ((inRegister[person] & (1 << register.Index)) != 0 && firstEnrolled[person] >= 0)
                {
                    enrolled++;
                    paidAny += aided[person] ? 1 : 0;
                }
            }

            json.Append(CultureInfo.InvariantCulture,
                $"{(register.Index == 0 ? "" : ",")}\n    \"{register.Label}\": {{\"enrolled\": {enrolled}, \"aided\": {paidAny}}}");
        }

        json.Append("\n  }\n}\n");
        File.WriteAllText(Path.Combine(directory, "funds.json"), json.ToString(), new UTF8Encoding(false));
    }

    private static string Yuan(long jiao) => (jiao / 10m).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A 金额 cell that is a number greater than 0.</summary>
    private static bool ValidAmount(in AidRow row) => row.AmountFault == AmountFault.None && row.AmountJiao > 0;

    /// <summary>SPEC 4.5 for a keyed aid row; <paramref name="life"/> is the person's first poverty row's, null when not in P.</summary>
    private static string? IneligibleReason(ProjectRule rule, LifeStatus? life, byte registers)
    {
        if (life is LifeStatus.Deceased or LifeStatus.Removed)
        {
            return "登记为死亡或注销";
        }

        bool inP = life is not null;
        switch (rule.Audience)
        {
            case Audience.All:
                return null;
            case Audience.Poverty:
                return inP ? null : "非脱贫人口（项目限脱贫家庭）";
            case Audience.List:
                foreach (var label in rule.Registers)
                {
                    if ((registers & (1 << Array.IndexOf(DemoCatalog.Registers, label))) != 0)
                    {
                        return null;
                    }
                }

                return $"不在项目对象名单（{string.Join("、", rule.Registers)}）";
            default:
                return inP || registers != 0 ? null : "不在脱贫人口及困难群体名单";
        }
    }

    /// <summary>Whether a row has a key: null for blank and rejected rows.</summary>
    private static bool? Keyed(RowKind kind, Fault fault) => kind == RowKind.Data ? Faults.KeepsKey(fault) : null;

    /// <summary>Key, 资助项目 and 学期 of a payment (学年 is the same on every row).</summary>
    private static long AidGroup(in AidRow row) => ((long)row.Person << 8) | ((long)row.Project << 2) | (long)row.Semester;

    /// <summary>SPEC 4.4 for one person.</summary>
    internal static string? StatusReason(in PovertyRow row, Stage enrolmentStage, bool enrolled)
    {
        bool notInSchool = row.Statement is StatementKind.PreschoolChild or StatementKind.NotInSchool or StatementKind.Dropout;
        bool namesStage = row.Statement == StatementKind.InSchool;
        if (enrolled)
        {
            if (notInSchool)
            {
                return "登记非在校但有学籍";
            }

            if (namesStage && enrolmentStage != Stage.None && row.StatementStage != enrolmentStage)
            {
                return "学段不一致";
            }

            return null;
        }

        return namesStage && Stages.IsRegistryStage(row.StatementStage) ? "登记在校但未查到学籍" : null;
    }

    /// <summary>Whole years completed on the reference date.</summary>
    internal static int Age(DateOnly birth, DateOnly on)
    {
        int age = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day))
        {
            age--;
        }

        return age;
    }

    private static void SourceRow(TruthFile field, TruthFile invalid, TruthFile rejects, string source, int row, RowKind kind, Fault fault)
    {
        if (kind == RowKind.Rejected)
        {
            rejects.Line(source, row);
        }

        if (kind != RowKind.Data)
        {
            return;
        }

        if (Faults.InvalidReason(fault) is { } reason)
        {
            invalid.Line(source, row, reason);
        }

        if (Faults.IsFieldConflict(fault))
        {
            field.Line(source, row);
        }
    }

    private static (long Read, long Blank, long Rejected, long Loaded) Counts<T>(Span<T> rows, Func<T, RowKind> kindOf)
        where T : struct
    {
        long blank = 0;
        long rejected = 0;
        foreach (var r in rows)
        {
            var kind = kindOf(r);
            if (kind == RowKind.Blank)
            {
                blank++;
            }
            else if (kind == RowKind.Rejected)
            {
                rejected++;
            }
        }

        return (rows.Length, blank, rejected, rows.Length - blank - rejected);
    }

    private static void WriteInputs(string directory, World w, params (long Read, long Blank, long Rejected, long Loaded)[] counts)
    {
        string[] names = ["students", "poverty", "aid"];
        static string Account((long Read, long Blank, long Rejected, long Loaded) c) =>
            string.Create(CultureInfo.InvariantCulture, $"{{\"rows_read\": {c.Read}, \"rows_blank\": {c.Blank}, \"rows_rejected\": {c.Rejected}, \"rows_loaded\": {c.Loaded}}}");
        var sb = new StringBuilder("{");
        for (int i = 0; i < names.Length; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : "")}\n  \"{names[i]}\": {Account(counts[i])}");
        }

        sb.Append(",\n  \"registers\": {");
        foreach (var register in w.Registers)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{(register.Index > 0 ? "," : "")}\n    \"{register.Label}\": {Account(Counts(register.Rows.AsSpan(), static r => r.Kind))}");
        }

        sb.Append("\n  }\n}\n");
        File.WriteAllText(Path.Combine(directory, "inputs.json"), sb.ToString(), new UTF8Encoding(false));
    }

    /// <summary>
    /// Not a list of the exact tier: the student rows that carry the 户主's number, with the child each
    /// belongs to (its first poverty row). With the probabilistic tier such a row links to the child and
    /// its identity_conflict row says 疑似借用他人证件号码 (SPEC §4.3).
    /// </summary>
    private static void WriteBorrowedNumbers(string directory, World w, int[] firstPoverty, int sFirst, int pFirst)
    {
        var sb = new StringBuilder("[");
        foreach (var (row, child) in w.BorrowedNumbers.OrderBy(kv => kv.Key))
            sb.Append(CultureInfo.InvariantCulture, $"{(sb.Length > 1 ? "," : "")}\n  {{\"学籍行号\": {row + sFirst}, \"乡村振兴行号\": {firstPoverty[child] + pFirst}}}");
        sb.Append("\n]\n");
        File.WriteAllText(Path.Combine(directory, "borrowed_numbers.json"), sb.ToString(), new UTF8Encoding(false));
    }

    private static TruthFile Open(string directory, string code, string header) => new(Path.Combine(directory, code + ".csv"), header);

    /// <summary>One truth CSV: UTF-8 without BOM, LF, a header line.</summary>
    private sealed class TruthFile : IDisposable
    {
        private readonly StreamWriter _writer;

        public TruthFile(string path, string header)
        {
            _writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            _writer.WriteLine(header);
        }

        public void Line(int a)
        {
            _writer.Write(a);
            _writer.Write('\n');
        }

        /// <summary>Two row numbers; a negative second one is written as an empty cell.</summary>
        public void Line(int a, int b)
        {
            _writer.Write(a);
            _writer.Write(',');
            if (b >= 0)
            {
                _writer.Write(b);
            }

            _writer.Write('\n');
        }

        public void Line(int a, int b, string reason)
        {
            _writer.Write(a);
            _writer.Write(',');
            if (b >= 0)
            {
                _writer.Write(b);
            }

            _writer.Write(',');
            _writer.Write(reason);
            _writer.Write('\n');
        }

        public void Line(int row, string reason)
        {
            _writer.Write(row);
            _writer.Write(',');
            _writer.Write(reason);
            _writer.Write('\n');
        }

        public void Line(string source, int row)
        {
            _writer.Write(source);
            _writer.Write(',');
            _writer.Write(row);
            _writer.Write('\n');
        }

        public void Line(string source, int row, string reason)
        {
            _writer.Write(source);
            _writer.Write(',');
            _writer.Write(row);
            _writer.Write(',');
            _writer.Write(reason);
            _writer.Write('\n');
        }

        public void Dispose() => _writer.Dispose();
    }
}
