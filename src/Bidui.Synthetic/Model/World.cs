namespace Bidui.Synthetic.Model;

/// <summary>A county of the demo province with its townships, villages and schools.</summary>
internal sealed class CountyInfo
{
    public required int Index { get; init; }

    public required Region Region { get; init; }

    /// <summary>The county's abolished predecessor code (e.g. 430521 邵东县 for 430582 邵东市), if any.</summary>
    public Region? Predecessor { get; init; }

    public required string[] Townships { get; init; }

    public required string[][] Villages { get; init; }

    /// <summary>在校生状况 style of each township's clerks (see <see cref="Catalog.StatementText"/>).</summary>
    public required int[] TownshipStatementStyle { get; init; }

    public required double Weight { get; init; }

    /// <summary>School indices by <see cref="Stage"/>.</summary>
    public List<int>[] SchoolsByStage { get; } = [.. Enumerable.Range(0, 8).Select(_ => new List<int>())];

    /// <summary>How schools are named: districts carry their city (邵阳市双清区第一中学).</summary>
    public string SchoolPrefix => Region.IsDistrict ? Region.Prefecture + Region.Name : Region.Name;
}

/// <summary>A school: one stage, a 10-digit 学校标识码, and how it writes 学段 and 年级.</summary>
internal sealed record School(int Index, int County, string Name, string Code, Stage Stage, int GradeStyle, bool StageAlias);

/// <summary>A household of the poverty register.</summary>
internal struct Household
{
    public int County;
    public short Township;
    public short Village;
    public byte PopulationType;

    /// <summary>风险是否消除: 0 not applicable (脱贫户), 1 是, 2 否.</summary>
    public byte RiskCleared;
    public int Number;
}

/// <summary>The whole synthetic world: who exists, and every row of the three files.</summary>
internal sealed class World
{
    public required DemoOptions Options { get; init; }

    public List<CountyInfo> Counties { get; } = [];

    public List<School> Schools { get; } = [];

    public required People People { get; init; }

    public RowBuffer<Household> Households { get; } = new(1024);

    /// <summary>Persons 0 … PovertyPersons-1 are the poverty register's people, created first.</summary>
    public int PovertyPersons { get; set; }

    /// <summary>Household of each poverty person.</summary>
    public int[] HouseholdOf { get; set; } = [];

    public required RowBuffer<PovertyRow> Poverty { get; init; }

    public required RowBuffer<StudentRow> Students { get; init; }

    /// <summary>Student rows that carry the 户主's number (<see cref="Fault.BorrowedNumber"/>) → the child whose row it is.</summary>
    public Dictionary<int, int> BorrowedNumbers { get; } = [];

    public required RowBuffer<AidRow> Aid { get; init; }

    /// <summary>The other eligibility registers, in <see cref="DemoCatalog.Registers"/> order.</summary>
    public List<RegisterData> Registers { get; } = [];

    /// <summary>The demo province's key counties (重点帮扶县), by code.</summary>
    public List<int> KeyCounties { get; } = [];

    /// <summary>Sheet row / CSV record number of the first row after the header, per file.</summary>
    public int StudentsFirstRow { get; set; }

    public int PovertyFirstRow { get; set; }

    public int AidFirstRow { get; set; }

    public DemoFileFormat StudentsFormat => Options.StudentsFormat;

    public DemoFileFormat AidFormat => Options.AidFormat;

    public int Seed => Options.Seed;

    public DateOnly ReferenceDate => Options.ReferenceDate;

    /// <summary>学年 of the aid file: the school year that begins in the reference date's year (e.g. 2026-2027).</summary>
    public string SchoolYear => string.Create(CultureInfo.InvariantCulture, $"{SchoolYearStart}-{SchoolYearStart + 1}");

    /// <summary>The school year that contains the reference date (31 August belongs to the year that begins the next day).</summary>
    public int SchoolYearStart => ReferenceDate.Month >= 8 ? ReferenceDate.Year : ReferenceDate.Year - 1;
}

/// <summary>One eligibility register: its label, its rows and where its first data row sits.</summary>
internal sealed class RegisterData(string label, int index, int capacity)
{
    public string Label { get; } = label;

    public int Index { get; } = index;

    public RowBuffer<RegisterRow> Rows { get; } = new(capacity);

    public int FirstRow { get; set; }

    /// <summary>低保 is kept by civil affairs in a workbook; the others come as CSV.</summary>
    public bool IsWorkbook => Index == 0;
}
