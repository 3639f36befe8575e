using System.Globalization;

namespace Bidui.Bench;

/// <summary>The command line of the benchmark.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        usage: bidui-bench [--students N] [--dir DIR] [--keep] [--runs R] [--only bidui|duckdb]
                           [--students-file F --poverty-file F --aid-file F] [--reference-date yyyy-MM-dd]
                           [--memory-limit SIZE] [--peer plain|validating]
          --students N      student rows to generate (poverty N/5, aid N*3/10); default 10000000
          --dir DIR         where inputs and outputs go; default /work/bench-data/sN (reused when present)
          --keep            keep inputs and outputs afterwards (default: delete DIR when done)
          --runs R          run each contender R times and report every run (default 1)
          --only NAME       run one contender only (no list check)
          --peer KIND       the DuckDB SQL: plain (default; ../shared/bench/duckdb-plain-peer.mjs: trim, upper-case, join)
                            or validating (SPEC §2.1 ID checks and 15-digit conversion in SQL)
          --*-file F        compare given CSV files instead of generating them
          --memory-limit S  pass --memory-limit S to Bidui (e.g. 4GB: partitioned to disk when the inputs do not fit)
          --xlsx            generate the student file as xlsx (at most 1,048,000 rows; Bidui only: needs --only bidui)
               bidui-bench small [--runs R]
          the small demo's compare (3,000 students) R times (default 5), start to exit, against the 0.8 s target
        """;

    public long Students { get; init; } = 10_000_000;
    public string? Dir { get; init; }
    public bool Keep { get; init; }
    public int Runs { get; init; } = 1;
    public string? Only { get; init; }
    public string? StudentsFile { get; init; }
    public string? PovertyFile { get; init; }
    public string? AidFile { get; init; }
    public bool Xlsx { get; init; }
    public string? MemoryLimit { get; init; }
    public PeerKind Peer { get; init; } = PeerKind.Plain;
    public DateOnly ReferenceDate { get; init; } = DefaultReferenceDate(DateOnly.FromDateTime(DateTime.Now));

    public bool GivenFiles => StudentsFile is not null;

    public string WorkDir => Path.GetFullPath(Dir ?? Path.Combine("/work/bench-data", GivenFiles ? "given" : $"s{Students}{(Xlsx ? "-xlsx" : "")}"));

    /// <summary>Null when help was asked for.</summary>
    public static BenchOptions? Parse(string[] args)
    {
        var o = new BenchOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--students" => o with { Students = long.Parse(Next(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture) },
                "--dir" => o with { Dir = Next() },
                "--keep" => o with { Keep = true },
                "--runs" => o with { Runs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--only" => o with { Only = Next() is var n && n is "bidui" or "duckdb" ? n : throw new ArgumentException("--only takes bidui or duckdb") },
                "--students-file" => o with { StudentsFile = Next() },
                "--poverty-file" => o with { PovertyFile = Next() },
                "--aid-file" => o with { AidFile = Next() },
                "--xlsx" => o with { Xlsx = true },
                "--memory-limit" => o with { MemoryLimit = Next() },
                "--peer" => o with
                {
                    Peer = Next() switch
                    {
                        "plain" => PeerKind.Plain,
                        "validating" => PeerKind.Validating,
                        var v => throw new ArgumentException($"--peer takes plain or validating, not {v}"),
                    },
                },
                "--reference-date" => o with { ReferenceDate = DateOnly.ParseExact(Next(), "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                "-h" or "--help" => null,
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            if (o is null)
            {
                return null;
            }
        }

        if (o.Students < 1_000 || o.Runs < 1)
        {
            throw new ArgumentException("--students must be at least 1000 and --runs at least 1");
        }

        if (o.Xlsx && o.Only != "bidui")
        {
            throw new ArgumentException("--xlsx goes with --only bidui (the peer reads CSV)");
        }

        if (o.GivenFiles && (o.PovertyFile is null || o.AidFile is null))
        {
            throw new ArgumentException("--students-file needs --poverty-file and --aid-file");
        }

        return o;
    }

    // SPEC §3: August 31 of the year in which the current school year began (it begins in September).
    private static DateOnly DefaultReferenceDate(DateOnly today) =>
        new(today.Month >= 9 ? today.Year : today.Year - 1, 8, 31);
}
