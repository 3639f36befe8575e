using System.Text;
using Bidui.Synthetic.Building;
using Bidui.Synthetic.Output;

namespace Bidui.Synthetic;

/// <summary>
/// Writes the three synthetic inputs (student registry, poverty register, aid payments) of one demo
/// province and, beside them, the truth that <c>compare --exact-only</c> must produce.
/// </summary>
/// <remarks>
/// Formats: students xlsx (Small) or UTF-8 CSV with BOM; poverty register GB18030 CSV; aid xlsx
/// (Small, County) or UTF-8 CSV. Truth files go to <c>truth/</c> under the output folder. See the
/// project's README for the world, the faults and their rates.
/// </remarks>
public static class DemoGenerator
{
    internal const string StudentsFileName = "学生学籍信息";
    internal const string PovertyFileName = "脱贫人口及防返贫监测对象.csv";
    internal const string AidFileName = "学生资助发放明细";
    internal const string TruthFolder = "truth";
    internal const string CatalogFileName = "资助项目目录.csv";
    internal const string KeyCountiesFileName = "重点帮扶县名单.csv";

    /// <summary>Generates the demo world into <paramref name="outDir"/>; deterministic for a seed.</summary>
    public static DemoFiles Generate(string outDir, DemoOptions options, IProgress<double>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        ArgumentNullException.ThrowIfNull(options);
        if (!double.IsFinite(options.Scale) || options.Scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Scale, "Scale must be a positive number.");
        }

        if (options.ReferenceDate.Year < 1950 || options.Today.Year < 1950)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The reference date and today must be real present-day dates.");
        }

        var (students, _, aid) = WorldBuilder.Targets(options);
        if (options.StudentsFormat == DemoFileFormat.Xlsx && students + 10 > XlsxSink.MaxRows)
        {
            throw new ArgumentException($"{students:N0} student rows do not fit in one xlsx sheet; use CSV.", nameof(options));
        }

        if (options.AidFormat == DemoFileFormat.Xlsx && aid + 10 > XlsxSink.MaxRows)
        {
            throw new ArgumentException($"{aid:N0} aid rows do not fit in one xlsx sheet; use CSV.", nameof(options));
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Directory.CreateDirectory(outDir);
        var files = new DemoFiles(
            Path.Combine(outDir, StudentsFileName + Extension(options.StudentsFormat)),
            Path.Combine(outDir, PovertyFileName),
            Path.Combine(outDir, AidFileName + Extension(options.AidFormat)),
            Path.Combine(outDir, TruthFolder))
        {
            Registers = [.. Model.DemoCatalog.Registers.Select((label, i) => (label, Path.Combine(outDir, $"{label}名单{(i == 0 ? ".xlsx" : ".csv")}")))],
            AidProjectsPath = Path.Combine(outDir, CatalogFileName),
            KeyCountiesPath = Path.Combine(outDir, KeyCountiesFileName),
        };

        var reporter = new ProgressReporter(progress);
        const double building = 0.3;
        var world = WorldBuilder.Build(options, f => reporter.Set(0, f / 0.2 * building));
        var text = new FileText(world);

        // Students on one core; the poverty register, the aid file and the truth on the other.
        var studentsTask = Task.Run(() => Write(new StudentFile(world, text).Write, files.StudentsPath, options.StudentsFormat, "学生信息", Utf8Bom, options.ReferenceDate,
            f => reporter.Set(1, building + f * 0.5)));
        Write(new PovertyFile(world, text).Write, files.PovertyPath, DemoFileFormat.Csv, "", Encoding.GetEncoding("GB18030"), options.ReferenceDate,
            f => reporter.Set(2, building + f * 0.1));
        Write(new AidFile(world, text).Write, files.AidPath, options.AidFormat, "发放明细", new UTF8Encoding(false), options.ReferenceDate,
            f => reporter.Set(2, building + 0.1 + f * 0.1));
        foreach (var register in world.Registers)
        {
            Write(new RegisterFile(world, register).Write, files.Registers[register.Index].Path,
                register.IsWorkbook ? DemoFileFormat.Xlsx : DemoFileFormat.Csv, register.Label,
                register.Index switch { 1 => Encoding.GetEncoding("GB18030"), 2 => Utf8Bom, _ => new UTF8Encoding(false) }, options.ReferenceDate, _ => { });
        }

        Write((sink, _) => CatalogFile.Write(sink), files.AidProjectsPath, DemoFileFormat.Csv, "", Utf8Bom, options.ReferenceDate, _ => { });
        Write((sink, _) => KeyCountyFile.Write(sink, world), files.KeyCountiesPath, DemoFileFormat.Csv, "", Utf8Bom, options.ReferenceDate, _ => { });
        Truth.Write(world, files.TruthDirectory);
        reporter.Set(2, building + 0.2);
        studentsTask.GetAwaiter().GetResult();
        progress?.Report(1.0);
        return files;
    }

    private static readonly UTF8Encoding Utf8Bom = new(true);

    private static string Extension(DemoFileFormat format) => format == DemoFileFormat.Xlsx ? ".xlsx" : ".csv";

    private static void Write(Action<ICellSink, Action<double>> write, string path, DemoFileFormat format, string sheet, Encoding encoding, DateOnly stamp, Action<double> progress)
    {
        if (format == DemoFileFormat.Xlsx)
        {
            using (var xlsx = XlsxSink.Create(path, sheet))
            {
                write(xlsx, progress);
            }

            XlsxSink.FixTimestamps(path, stamp);
        }
        else
        {
            using var csv = new CsvSink(path, encoding, encoding.Preamble.Length > 0);
            write(csv, progress);
        }

        progress(1);
    }

    /// <summary>Adds up the progress of the parallel parts and reports it only when it grows by 0.5 %.</summary>
    private sealed class ProgressReporter(IProgress<double>? progress)
    {
        private readonly double[] _parts = new double[3];
        private readonly Lock _lock = new();
        private double _reported = -1;

        public void Set(int part, double value)
        {
            if (progress is null)
            {
                return;
            }

            lock (_lock)
            {
                // Part 0 is the build (alone); parts 1 and 2 run side by side and each covers its own share.
                _parts[part] = value;
                double building = _parts[0];
                double total = part == 0 ? value : building + Math.Max(0, _parts[1] - building) + Math.Max(0, _parts[2] - building);
                total = Math.Clamp(total, 0, 0.999);
                if (total - _reported >= 0.005)
                {
                    _reported = total;
                    progress.Report(total);
                }
            }
        }
    }
}
