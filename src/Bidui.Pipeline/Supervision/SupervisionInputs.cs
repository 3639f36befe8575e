using Bidui.Core.Regions;
using Bidui.Matching.Engine;
using Bidui.Matching.Supervision;

namespace Bidui.Pipeline.Supervision;

/// <summary>
/// What a run knows of aid supervision before it reads the data (SPEC §1.4, §1.5, §4.6): the catalogue,
/// the key counties and the notes they give. Read and checked first, so that a wrong catalogue fails in a
/// second, not after the registry has been read.
/// </summary>
internal sealed record SupervisionInputs(AidCatalog? Catalog, IReadOnlySet<int>? KeyCounties, IReadOnlyList<string> Notes)
{
    public RegionTable Regions { get; init; } = RegionTable.Default;

    public static SupervisionInputs Check(CompareRequest request)
    {
        if (request.Registers.Count > ComparisonEngine.MaxRegisters)
            throw new CompareRequestException($"给出了 {request.Registers.Count} 个 --register 名单，最多 {ComparisonEngine.MaxRegisters} 个：请合并同类名单后再试。");
        // The web workflow builds requests without the command line: the same rules for labels.
        RegisterArguments.Parse(request.Registers.Select(r => $"{r.Label}={r.Path}"));
        var catalog = request.AidProjectsPath is null ? null : AidCatalogFile.Read(request.AidProjectsPath);
        var keyCounties = request.KeyCountiesPath is null ? null : KeyCountyFile.Read(request.KeyCountiesPath);

        var notes = new List<string>();
        if (request.AidPath is null && (catalog is not null || request.Registers.Count > 0))
            notes.Add("未提供资助发放数据（--aid）：其他困难群体名单只核对了证件号码，资助项目目录未使用");
        if (catalog is not null)
        {
            var given = request.Registers.Select(r => r.Label).ToHashSet(StringComparer.Ordinal);
            foreach (var label in catalog.RegisterLabels().Where(l => !given.Contains(l)))
                notes.Add($"资助项目目录的对象中有“{label}”，但未提供该名单（--register {label}=文件）：仅凭其他名单判断，相关项目的疑似不符合条件资助可能偏多");
        }
        return new SupervisionInputs(catalog, keyCounties, notes);
    }
}
