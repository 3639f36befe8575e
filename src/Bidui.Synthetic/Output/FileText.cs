using Bidui.Synthetic.Model;

namespace Bidui.Synthetic.Output;

/// <summary>Texts shared by the three files, computed once per world (the writers allocate nothing per row).</summary>
internal sealed class FileText
{
    private readonly string[,,] _grades = new string[8, 16, 3];
    private readonly string[,] _entry = new string[8, 16];

    public FileText(World world)
    {
        World = world;
        for (int stage = (int)Stage.Preschool; stage <= (int)Stage.Vocational; stage++)
        {
            var (from, to) = LevelRange((Stage)stage);
            for (int level = from; level <= to; level++)
            {
                for (int style = 0; style < 3; style++)
                {
                    _grades[stage, level + 3, style] = Catalog.GradeText(level, (Stage)stage, style);
                }

                _entry[stage, level + 3] = string.Create(CultureInfo.InvariantCulture, $"{world.SchoolYearStart - (level - from)}-09");
            }
        }

        Addresses = [.. world.Counties.Select(c => c.Townships.Select((t, i) => c.Villages[i].Select(v => c.Region.Name + t + v).ToArray()).ToArray())];
        CountyCodes = [.. world.Counties.Select(c => c.Region.Code.ToString(CultureInfo.InvariantCulture))];
        PredecessorCodes = [.. world.Counties.Select(c => c.Predecessor?.Code.ToString(CultureInfo.InvariantCulture) ?? "")];
        var province = world.Counties[0].Region;
        Area = world.Options.Size switch
        {
            DemoSize.Province => province.ProvinceName,
            DemoSize.County => province.Name,
            _ => province.Prefecture,
        };
        var export = world.Options.ReferenceDate.AddDays(5);
        if (export > world.Options.Today)
        {
            export = world.Options.Today;
        }

        ExportDate = export.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture);
    }

    public World World { get; }

    /// <summary>"{county}{township}{village}" by county, township, village.</summary>
    public string[][][] Addresses { get; }

    public string[] CountyCodes { get; }

    public string[] PredecessorCodes { get; }

    /// <summary>The area the files cover: 湖南省, 邵东市, or 邵阳市 for the small demo.</summary>
    public string Area { get; }

    public string ExportDate { get; }

    public static readonly string[] Classes = ["1班", "2班", "3班", "4班", "5班", "6班", "7班", "8班"];

    public string Grade(Stage stage, int level, int style) => _grades[(int)stage, level + 3, style];

    /// <summary>入学年月 of the current stage, e.g. 2023-09.</summary>
    public string Entry(Stage stage, int level) => _entry[(int)stage, level + 3];

    private static (int From, int To) LevelRange(Stage stage) => stage switch
    {
        Stage.Preschool => (-2, 0),
        Stage.Primary => (1, 6),
        Stage.Middle => (7, 9),
        _ => (10, 12),
    };
}
