using System.Text;
using Bidui.Inputs;
using Bidui.Synthetic;

namespace Bidui.Bench;

/// <summary>The three CSV files both contenders read, generated (province-shaped) or given.</summary>
internal sealed record BenchInputs(string Students, string Poverty, string Aid, long Rows)
{
    /// <summary>What the DuckDB child is asked to do on these inputs: every column either peer reads, found as Bidui finds it.</summary>
    public PeerJob Job(string outDir, DateOnly referenceDate, PeerKind peer) => new(
        Describe(Students, DatasetSchema.Students, "身份证件号", "身份证件类型", "学籍状态", "学段", "年级", "姓名", "学校名称", "学校标识码"),
        Describe(Poverty, DatasetSchema.Poverty, "证件号码", "姓名", "人员状态", "县级代码", "户编号"),
        Describe(Aid, DatasetSchema.Aid, "身份证件号", "身份证件类型"),
        outDir, referenceDate, DateOnly.FromDateTime(DateTime.Now), peer);

    /// <summary>The ID column of each input, for the plain peer's list check.</summary>
    public IdColumn[] IdColumns => IdColumn.Of(Students, Poverty, Aid);

    private const string Marker = "bench-inputs.txt";

    /// <summary>Generates the inputs into DIR/inputs unless a previous run left them there; poverty is transcoded to UTF-8.</summary>
    public static BenchInputs Prepare(BenchOptions o)
    {
        if (o.GivenFiles)
        {
            string dir = Path.Combine(o.WorkDir, "inputs");
            Directory.CreateDirectory(dir);
            return Finish(Utf8(o.StudentsFile!, dir), Utf8(o.PovertyFile!, dir), Utf8(o.AidFile!, dir));
        }

        string inputs = Path.Combine(o.WorkDir, "inputs");
        string marker = Path.Combine(inputs, Marker);
        string wanted = $"students {o.Students} seed 1 reference {o.ReferenceDate:yyyy-MM-dd}{(o.Xlsx ? " xlsx" : "")}";
        if (!File.Exists(marker) || File.ReadAllText(marker) != wanted)
        {
            if (Directory.Exists(inputs))
            {
                Directory.Delete(inputs, recursive: true);
            }

            Console.WriteLine($"generating {o.Students:N0} students, {o.Students / 5:N0} poverty rows, {o.Students * 3 / 10:N0} aid rows into {inputs} …");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var today = DateOnly.FromDateTime(DateTime.Now);
            var files = DemoGenerator.Generate(inputs, new DemoOptions(DemoSize.Province, 1, o.ReferenceDate, today)
            {
                Scale = o.Students / 10_000_000.0,
                StudentsFormat = o.Xlsx ? DemoFileFormat.Xlsx : DemoFileFormat.Csv,
            });
            // DuckDB reads UTF-8 only: the GB18030 register is transcoded once, before any timing, and both contenders read the copy.
            string poverty = Utf8(files.PovertyPath, inputs);
            File.Delete(files.PovertyPath);
            File.Move(poverty, files.PovertyPath);
            File.WriteAllText(marker, wanted);
            // The generator's world (≈ 0.5 GB a million students) is garbage now: give it back to the machine
            // before the contenders run, so that they have the memory to themselves.
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            Console.WriteLine($"generated in {clock.Elapsed.TotalSeconds:F0} s");
        }

        string Find(string prefix) => Directory.EnumerateFiles(inputs, prefix + "*.*").Single();
        return Finish(Find("学生学籍信息"), Find("脱贫人口"), Find("学生资助"));
    }

    // Rows per second count lines (less the header lines, later): cheap, and the same for both contenders.
    private static BenchInputs Finish(string students, string poverty, string aid) =>
        new(students, poverty, aid, CountRows(students) + Lines(poverty) + Lines(aid));

    // A workbook's rows are counted by reading it (not timed); its header is counted like a CSV header line.
    private static long CountRows(string path)
    {
        if (!path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Lines(path);
        }

        using var reader = TabularFile.Open(path);
        long rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }

    private static long Lines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var buffer = new byte[1 << 20];
        long lines = 0;
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, n).Count((byte)'\n');
        }

        return lines;
    }

    /// <summary>The file itself when it is UTF-8 already, else a UTF-8 copy beside it in <paramref name="dir"/>.</summary>
    private static string Utf8(string path, string dir)
    {
        string format;
        using (var t = TabularFile.Open(path))
        {
            format = t.FormatName;
        }

        if (!format.StartsWith("CSV", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{path}: the benchmark compares CSV files (DuckDB reads no {format})");
        }

        if (format.Contains("UTF-8", StringComparison.Ordinal))
        {
            return Path.GetFullPath(path);
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string copy = Path.Combine(dir, Path.GetFileNameWithoutExtension(path) + ".utf8.csv");
        using var reader = new StreamReader(path, Encoding.GetEncoding("GB18030"));
        using var writer = new StreamWriter(copy, false, new UTF8Encoding(false), 1 << 20);
        var buffer = new char[1 << 20];
        int n;
        while ((n = reader.Read(buffer)) > 0)
        {
            writer.Write(buffer, 0, n);
        }

        return copy;
    }

    /// <summary>Where the header is and what its columns are called, found the way Bidui finds them (the data engineer would read them off the file).</summary>
    public static PeerInput Describe(string path, DatasetSchema schema, params string[] canonical)
    {
        int headerRow;
        var ordinals = new Dictionary<string, int>();
        using (var bound = BoundTable.Open(path, schema))
        {
            headerRow = bound.HeaderRowNumber;
            foreach (var c in canonical)
            {
                int i = bound.Ordinal(c);
                if (i >= 0)
                {
                    ordinals[c] = i;
                }
            }
        }

        var columns = new Dictionary<string, string>();
        using var reader = TabularFile.Open(path);
        while (reader.Read() && reader.RowNumber < headerRow)
        {
        }

        foreach (var (c, i) in ordinals)
        {
            columns[c] = reader.GetString(i);
        }

        return new PeerInput(path, headerRow - 1, columns);
    }
}
