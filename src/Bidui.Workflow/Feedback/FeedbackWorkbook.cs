using System.Globalization;
using System.Text.Json;
using Bidui.Inputs;
using Bidui.Pipeline;
using Bidui.Reports;
using Bidui.Matching.Categories;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Feedback;

/// <summary>One row of a returned workbook and what became of it.</summary>
public sealed record FeedbackRowResult(int RowNumber, long? CaseId, string? Result, bool Valid, string Message);

/// <summary>What became of a returned workbook: its filled rows, how many were valid and applied, and the first errors.</summary>
public sealed record FeedbackUploadResult(int Rows, int Valid, int Applied, bool AppliedAny, IReadOnlyList<FeedbackRowResult> Errors)
{
    public int Invalid => Rows - Valid;

    /// <summary>Errors beyond the first <see cref="FeedbackWorkbook.MaxErrorsShown"/>, counted but not listed.</summary>
    public int ErrorsNotShown => Invalid - Errors.Count;
}

/// <summary>
/// Bulk feedback: a county downloads its open cases as a workbook, fills 核查结果/核查说明 and uploads
/// it back — or returns the county workbook of the comparison itself (按县分发), its 核查结果 and 备注
/// filled in, whose rows are found by list and provenance row numbers. Every filled row is checked as
/// a single submission would be; nothing is applied unless all rows are valid, or the user asks to
/// apply the valid ones, and then all of them in one transaction (each with its history event and
/// audit entry): a workbook is applied whole or not at all.
/// Bounded: at most <see cref="MaxRows"/> filled rows are read, at most <see cref="MaxErrorsShown"/> errors listed.
/// </summary>
public sealed class FeedbackWorkbook(BiduiDbContext db, CaseQueries queries, CaseWorkflow workflow, AuditLog audit)
{
    /// <summary>Filled rows one workbook may hold (a county's open cases are far fewer).</summary>
    public const int MaxRows = 20_000;
    public const int MaxErrorsShown = 200;
    /// <summary>Rows saved per SaveChanges inside the one transaction (bounds the change tracker).</summary>
    private const int SaveEvery = 500;

    public const string IdHeader = "任务编号";
    public const string ResultHeader = Bidui.Pipeline.WorkbookSheets.ResultHeader;
    public const string NoteHeader = "核查说明";

    public async Task WriteTemplateAsync(Actor actor, int roundId, string path, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var cases = await queries.Query(new CaseFilter { RoundId = roundId }).Where(c => c.State == CaseState.Open || c.State == CaseState.Returned)
            .OrderBy(c => c.Category).ThenBy(c => c.Id).ToListAsync(ct);
        cases = [.. cases.Where(c => RoleInfo.MaySubmit(actor.Role, c.Unit))];
        string[] headers = [IdHeader, "清单", "责任县", "学校名称", "姓名", "证件号码", "问题原因", ResultHeader, NoteHeader];
        var sheet = new SheetSpec("核查反馈", [.. headers.Select(h => new SheetColumn(h))], cases.Select(c => new string?[]
        {
            c.Id.ToString(CultureInfo.InvariantCulture), CategoryNames.Chinese(c.Category), c.CountyName, c.SchoolName, c.PersonName,
            IdMasking.Mask(c.IdNumber), c.Reason, c.Result, c.Note,
        }));
        var reasons = new SheetSpec("可选核查结果", [new SheetColumn("清单"), new SheetColumn(ResultHeader)],
            cases.Select(c => c.Category).Distinct().SelectMany(code => VerificationResults.For(code).Select(r => new string?[] { CategoryNames.Chinese(code), r })));
        await XlsxWorkbookWriter.WriteAsync(path, [sheet, reasons], ct);
        await audit.WriteAsync(actor.UserName, "导出", "反馈模板", $"批次 {roundId}；{cases.Count} 条", ct);
    }

    public async Task<FeedbackUploadResult> UploadAsync(Actor actor, int roundId, string path, bool applyValidRows, IJobProgress? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        progress ??= NullProgress.Instance;
        List<Row> rows;
        using (progress.Start("读取工作簿"))
            rows = await ResolveListRowsAsync(roundId, ReadRows(path), ct);
        var ids = rows.Where(r => r.CaseId is not null).Select(r => r.CaseId!.Value).Distinct().ToList();

        // One transaction from the check to the last submission: what was checked is what is applied.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Through the scoped context: a row naming another county's case reads as "not found".
        var cases = new Dictionary<long, Case>();
        foreach (var chunk in ids.Chunk(1000))
            foreach (var c in await db.LiveCases.Where(c => chunk.Contains(c.Id) && c.RoundId == roundId).ToListAsync(ct))
                cases[c.Id] = c;
        var results = new List<FeedbackRowResult>(rows.Count);
        var seen = new HashSet<long>();
        using (var step = progress.Start("逐行校验", rows.Count))
        {
            foreach (var row in rows)
            {
                results.Add(Check(actor, row, cases, seen));
                if (results.Count % 1000 == 0) step.Report(results.Count);
            }
        }
        int valid = results.Count(r => r.Valid);
        bool apply = results.Count > 0 && (valid == results.Count || applyValidRows);
        int applied = 0;
        if (apply)
        {
            using var step = progress.Start("提交核查结果", valid);
            foreach (var (row, _) in rows.Zip(results).Where(p => p.Second.Valid))
            {
                workflow.StageSubmission(actor, cases[row.CaseId!.Value], row.Result!, row.Note);
                if (++applied % SaveEvery == 0)
                {
                    await workflow.SaveAsync(ct);
                    step.Report(applied);
                }
            }
        }
        audit.Add(actor.UserName, "批量反馈", $"批次 {roundId}", $"{results.Count} 行，有效 {valid} 行，已提交 {applied} 行");
        await workflow.SaveAsync(ct);
        await tx.CommitAsync(ct);
        return new FeedbackUploadResult(results.Count, valid, applied, apply, [.. results.Where(r => !r.Valid).Take(MaxErrorsShown)]);
    }

    private static FeedbackRowResult Check(Actor actor, Row row, Dictionary<long, Case> cases, HashSet<long> seen)
    {
        if (row.Error is not null) return new FeedbackRowResult(row.RowNumber, row.CaseId, row.Result, false, row.Where + row.Error);
        long id = row.CaseId!.Value;
        string? error = null;
        if (!cases.TryGetValue(id, out var c)) error = "任务编号不存在、不属于本批次或不在您的管辖范围内";
        else if (!seen.Add(id)) error = "同一任务编号出现多次";
        else
        {
            try { CaseWorkflow.CheckSubmission(actor, c, row.Result!, row.Note); }
            catch (WorkflowException ex) { error = ex.Message; }
        }
        return new FeedbackRowResult(row.RowNumber, id, row.Result, error is null, row.Where + (error ?? "有效"));
    }

    /// <param name="List">For a row of a comparison workbook: the list's code and the row's provenance (<see cref="ProvenanceKey"/>).</param>
    private sealed record Row(int RowNumber, long? CaseId, string? Result, string? Note, string? Error, string? Sheet = null, (string Code, string Key)? List = null)
    {
        public string Where => Sheet is null ? "" : $"工作表“{Sheet}”：";
    }

    /// <summary>The columns that name a list row's source rows (SPEC §4 provenance): together they identify the row.</summary>
    private static readonly string[] ProvenanceColumns = ["乡村振兴行号", "学籍行号", "资助行号", "来源数据", "来源行号"];

    private static string ProvenanceKey(Func<string, string?> cell) => string.Join('|', ProvenanceColumns.Select(c => cell(c)?.Trim() ?? ""));

    private static List<Row> ReadRows(string path)
    {
        var lists = TabularFile.SheetNames(path).Select(name => (Sheet: name, Code: ListOfSheet(name))).Where(x => x.Code is not null).ToList();
        if (lists.Count == 0) return ReadTemplate(path);
        var rows = new List<Row>();
        foreach (var (sheet, code) in lists) ReadListSheet(path, sheet, code!, rows);
        return rows;
    }

    /// <summary>Refuses a workbook with more filled rows than one upload may hold, before reading them all.</summary>
    private static void RequireRoom(List<Row> rows)
    {
        if (rows.Count == MaxRows)
            throw new WorkflowException(string.Create(CultureInfo.InvariantCulture,
                $"工作簿填写了超过 {MaxRows:N0} 行核查结果，请分批上传（每次不超过 {MaxRows:N0} 行）。"));
    }

    /// <summary>The list a sheet of a comparison workbook holds ("应助未助", "应助未助(2)"), or null (说明, 资金监管, 比对成功).</summary>
    private static string? ListOfSheet(string sheet)
    {
        string name = System.Text.RegularExpressions.Regex.Replace(sheet, @"\(\d+\)$", "");
        var info = CategoryInfo.All.FirstOrDefault(i => i.ChineseName == name);
        return info is not null && ListGuide.AsksForAction(info.Category) ? info.Code : null;
    }

    private static void ReadListSheet(string path, string sheet, string code, List<Row> rows)
    {
        using var reader = TabularFile.Open(path, sheet);
        if (!reader.Read()) return;
        var headers = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i).Trim()).ToList();
        int resultAt = headers.IndexOf(ResultHeader), noteAt = headers.IndexOf(Bidui.Pipeline.WorkbookSheets.NoteHeader);
        if (resultAt < 0) throw new WorkflowException($"工作表“{sheet}”缺少“{ResultHeader}”列：请使用比对结果中的分县工作簿或下载的反馈模板。");
        while (reader.Read())
        {
            if (reader.IsBlank) continue;
            string result = reader.GetString(resultAt).Trim();
            if (result.Length == 0) continue; // not answered yet: left for later, not an error
            string? note = noteAt < 0 ? null : reader.GetString(noteAt).Trim();
            string key = ProvenanceKey(c => headers.IndexOf(c) is var at and >= 0 ? reader.GetString(at) : null);
            RequireRoom(rows);
            rows.Add(new Row(reader.RowNumber, null, result, note, null, sheet, (code, key)));
        }
    }

    /// <summary>Finds the case of each comparison-workbook row by list and provenance, through the scoped context.</summary>
    private async Task<List<Row>> ResolveListRowsAsync(int roundId, List<Row> rows, CancellationToken ct)
    {
        var codes = rows.Where(r => r.List is not null).Select(r => r.List!.Value.Code).Distinct().ToList();
        if (codes.Count == 0) return rows;
        var cases = await db.Cases.AsNoTracking().Where(c => c.RoundId == roundId && codes.Contains(c.Category))
            .Select(c => new { c.Id, c.Category, c.Details }).ToListAsync(ct);
        var byKey = new Dictionary<(string, string), long>();
        foreach (var c in cases)
        {
            var details = JsonSerializer.Deserialize<Dictionary<string, string>>(c.Details) ?? [];
            byKey.TryAdd((c.Category, ProvenanceKey(details.GetValueOrDefault)), c.Id);
        }
        return [.. rows.Select(r => r.List is not { } list ? r
            : byKey.TryGetValue(list, out long id) ? r with { CaseId = id }
            : r with { Error = "在本批次中找不到这一行（不属于本批次、不在您的管辖范围内，或行号被改动）" })];
    }

    private static List<Row> ReadTemplate(string path)
    {
        using var reader = TabularFile.Open(path);
        int idAt = -1, resultAt = -1, noteAt = -1;
        var rows = new List<Row>();
        while (reader.Read())
        {
            if (idAt < 0)
            {
                if (reader.RowNumber > BoundTable.MaxHeaderScanRows) break;
                var cells = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i).Trim()).ToList();
                idAt = cells.IndexOf(IdHeader);
                resultAt = cells.IndexOf(ResultHeader);
                noteAt = cells.IndexOf(NoteHeader);
                if (idAt >= 0 && resultAt < 0) throw new WorkflowException($"工作簿缺少“{ResultHeader}”列。");
                continue;
            }
            if (reader.IsBlank) continue;
            string idText = reader.GetString(idAt).Trim(), result = reader.GetString(resultAt).Trim();
            string? note = noteAt < 0 ? null : reader.GetString(noteAt).Trim();
            if (result.Length == 0) continue; // not answered yet: left for later, not an error
            RequireRoom(rows);
            rows.Add(long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out long id)
                ? new Row(reader.RowNumber, id, result, note, null)
                : new Row(reader.RowNumber, null, result, note, $"任务编号“{idText}”无效"));
        }
        if (idAt < 0) throw new WorkflowException($"工作簿中找不到“{IdHeader}”列：请使用下载的反馈模板。");
        return rows;
    }
}
