using System.Globalization;
using System.Text.Json;
using Bidui.Matching.Categories;
using Bidui.Pipeline;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Rounds;

/// <summary>What kind of output of a run a file is; decides who may download it.</summary>
public enum OutputKind
{
    Report,
    SummaryWorkbook,
    Summary,
    Rejects,
    ListCsv,
    ListWorkbook,
    CountyWorkbook,
}

/// <summary>
/// One file a round's run produced. <paramref name="Name"/> is its path under the results folder as the
/// run wrote it ("比对报告.html", "按县分发/430582_….xlsx"): the key a download names, looked up among the
/// run's own files, never joined to a path as given.
/// </summary>
public sealed record RoundOutput(string Name, string Label, OutputKind Kind, long Bytes, int? CountyCode)
{
    /// <summary>Lists and county workbooks hold people with their full ID numbers; the others are counts and reasons.</summary>
    public bool HoldsPeople => Kind is OutputKind.ListCsv or OutputKind.ListWorkbook or OutputKind.CountyWorkbook;

    public string FileName => System.IO.Path.GetFileName(Name);
}

/// <summary>The rows of one input as the run accounted for them (SPEC §5: read = blank + rejected + loaded).</summary>
public sealed record InputAccount(string Input, string? FileName, long Read, long Blank, long Rejected, long Loaded);

/// <summary>
/// The outputs of a round's run for download, and its input accounting. Who gets what (docs/WORKFLOW.md):
/// roles that see the whole province get every output (审计员 only those without people: it may not see full
/// numbers); a county office gets its own county workbook (按县分发) once the round is done and covers it;
/// nobody else gets any file. Every download is audited.
/// </summary>
public sealed class RoundOutputs(BiduiDbContext db, AuditLog audit, StoreOptions store)
{
    public string ResultsDirectory(int roundId) => System.IO.Path.Combine(store.RoundDirectory(roundId), "results");

    /// <summary>Whether the actor's scope is the round's whole province (no school, every county of it).</summary>
    public static bool SeesWholeProvince(Actor actor, Round round)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(round);
        var scope = actor.Scope;
        var (min, max) = UserScope.RegionRange(round.ProvinceCode * 10000);
        return scope.SchoolCode is null && (scope.Everything || (scope.MinCounty <= min && scope.MaxCounty >= max));
    }

    /// <summary>The outputs the actor may download, in the order the page lists them.</summary>
    public async Task<IReadOnlyList<RoundOutput>> ListAsync(Actor actor, Round round, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.State is not (RoundState.AwaitingConfirmation or RoundState.Importing or RoundState.Done or RoundState.Withdrawn)) return [];
        var all = Produced(round.Id);
        if (all.Count == 0) return [];
        if (SeesWholeProvince(actor, round))
            return [.. all.Where(o => !o.HoldsPeople || RoleInfo.MayRevealId(actor.Role))];
        if (actor.Role is Role.CountyEducation or Role.CountyRural && round.State == RoundState.Done
            && await db.RoundCounties.AsNoTracking().AnyAsync(c => c.RoundId == round.Id && c.CountyCode == actor.RegionCode && c.Covered, ct))
            return [.. all.Where(o => o.Kind == OutputKind.CountyWorkbook && o.CountyCode == actor.RegionCode)];
        return [];
    }

    /// <summary>
    /// The file of an output the actor may download, or null; the download is audited (naming the file and
    /// whether it holds full ID numbers, never a number).
    /// </summary>
    public async Task<(RoundOutput Output, string Path)?> OpenAsync(Actor actor, Round round, string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(round);
        // Only a name the listing produced: "../", absolute paths and links never match one.
        var output = (await ListAsync(actor, round, ct)).FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));
        if (output is null) return null;
        string path = System.IO.Path.Combine(ResultsDirectory(round.Id), output.Name);
        await audit.WriteAsync(actor.UserName, AuditActions.DownloadOutput, RoundRunner.RoundTarget(round.Id),
            $"{output.Label}（{output.FileName}）；{(output.HoldsPeople ? "含完整证件号码" : "不含个人信息")}", ct);
        return (output, path);
    }

    /// <summary>The files the run wrote: regular files of the names a run writes, and the county workbooks; no links, nothing else.</summary>
    private List<RoundOutput> Produced(int roundId)
    {
        var dir = new DirectoryInfo(ResultsDirectory(roundId));
        var outputs = new List<RoundOutput>();
        if (!dir.Exists || dir.LinkTarget is not null) return outputs;
        var files = dir.EnumerateFiles().Where(f => f.LinkTarget is null && ResultFiles.IsResultName(f.Name)).ToDictionary(f => f.Name, StringComparer.Ordinal);
        void Add(string name, string label, OutputKind kind, int? county = null)
        {
            if (files.TryGetValue(name, out var f)) outputs.Add(new RoundOutput(name, label, kind, f.Length, county));
        }
        Add(ResultFiles.Report, "比对报告（网页）", OutputKind.Report);
        Add(ResultFiles.SummaryWorkbook, "比对结果汇总工作簿", OutputKind.SummaryWorkbook);
        Add(ResultFiles.Rejects, "被拒绝的行（rejects.csv）", OutputKind.Rejects);
        Add(ResultFiles.Summary, "汇总数据（summary.json）", OutputKind.Summary);
        foreach (var info in CategoryInfo.All)
        {
            Add(ResultFiles.ListCsv(info.Category), info.ChineseName + "（CSV）", OutputKind.ListCsv);
            Add(ResultFiles.ListXlsx(info.Category), info.ChineseName + "（工作簿）", OutputKind.ListWorkbook);
        }
        var counties = new DirectoryInfo(System.IO.Path.Combine(dir.FullName, ResultFiles.CountyFolder));
        if (counties.Exists && counties.LinkTarget is null)
        {
            foreach (var f in counties.EnumerateFiles("*.xlsx").Where(f => f.LinkTarget is null).OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                // "430582_湖南省_邵阳市_邵东市.xlsx" (SummaryOutputs.CountyWorkbookName); 000000 is the rows of no county.
                if (f.Name.Length < 8 || f.Name[6] != '_' || !int.TryParse(f.Name.AsSpan(0, 6), NumberStyles.None, CultureInfo.InvariantCulture, out int code)) continue;
                string label = code == 0 ? "未能确定责任县的清单" : f.Name[7..^5].Replace('_', ' ') + " 分县工作簿";
                outputs.Add(new RoundOutput(ResultFiles.CountyFolder + "/" + f.Name, label, OutputKind.CountyWorkbook, f.Length, code));
            }
        }
        return outputs;
    }

    /// <summary>
    /// Replaces each input's <c>file</c> in a run's summary.json (the path it was read from) by the name it was
    /// uploaded under, or the bare file name when that is unknown; written to a new file and moved over the old.
    /// </summary>
    public static void NameInputsAsUploaded(string summaryPath, IReadOnlyDictionary<string, string?> inputs, IReadOnlyDictionary<string, string?> registers)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(registers);
        if (!File.Exists(summaryPath)) return;
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllBytes(summaryPath));
        if (root?["inputs"] is not System.Text.Json.Nodes.JsonObject accounts) return;
        static void Rename(System.Text.Json.Nodes.JsonNode? account, string? uploaded)
        {
            if (account is System.Text.Json.Nodes.JsonObject a && a["file"]?.GetValue<string>() is { } file)
                a["file"] = string.IsNullOrWhiteSpace(uploaded) ? System.IO.Path.GetFileName(file) : System.IO.Path.GetFileName(uploaded);
        }
        foreach (var (key, account) in accounts)
        {
            if (key == "registers" && account is System.Text.Json.Nodes.JsonObject named)
                foreach (var (label, register) in named) Rename(register, registers.GetValueOrDefault(label));
            else Rename(account, inputs.GetValueOrDefault(key));
        }
        string temp = summaryPath + ".tmp";
        using (var stream = File.Create(temp))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            root.WriteTo(json);
        File.Move(temp, summaryPath, overwrite: true);
    }

    /// <summary>The run's input accounting from its summary.json, under the names the user uploaded (never the server's paths); empty before a run.</summary>
    public IReadOnlyList<InputAccount> Accounting(Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        string path = System.IO.Path.Combine(ResultsDirectory(round.Id), ResultFiles.Summary);
        if (!File.Exists(path)) return [];
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!doc.RootElement.TryGetProperty("inputs", out var inputs)) return [];
        var accounts = new List<InputAccount>();
        void Add(string key, string label, string? fileName)
        {
            if (inputs.TryGetProperty(key, out var a)) accounts.Add(Read(label, fileName, a));
        }
        Add("students", "学籍数据", round.StudentsFile);
        Add("poverty", "乡村振兴数据", round.PovertyFile);
        Add("aid", "资助发放明细", round.AidFile);
        if (inputs.TryGetProperty("registers", out var registers))
        {
            var uploaded = RoundFiles.Registers(System.IO.Path.Combine(store.RoundDirectory(round.Id), "inputs"));
            foreach (var r in registers.EnumerateObject())
                accounts.Add(Read("困难群体名单：" + r.Name, uploaded.FirstOrDefault(u => u.Label == r.Name)?.FileName, r.Value));
        }
        return accounts;
    }

    private static InputAccount Read(string label, string? fileName, JsonElement a) =>
        new(label, fileName, a.GetProperty("rows_read").GetInt64(), a.GetProperty("rows_blank").GetInt64(),
            a.GetProperty("rows_rejected").GetInt64(), a.GetProperty("rows_loaded").GetInt64());
}
