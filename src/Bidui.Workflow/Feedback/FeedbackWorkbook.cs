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

/// <summary>One row of a returned workbook and what became of it; <paramref name="Message"/> names the sheet and the column at fault.</summary>
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
    /// <summary>Why the reviewer sent the case back (the latest 退回), for the unit to answer; read-only.</summary>
    public const string ReturnReasonHeader = "退回原因";
    /// <summary>A returned case's earlier result and note, for reference (the answer columns start empty).</summary>
    public const string EarlierAnswerHeader = "原核查结果";
    /// <summary>是 on a school's case in a county education office's template: the county may answer for a school that does not.</summary>
    public const string SchoolCaseHeader = "学校任务";
    public const string ChoicesSheet = "可选核查结果";
    public const string GuideSheet = "填写说明";

    /// <summary>
    /// The user's open and returned cases that they may answer, one sheet per list (each with the drop-down of that list's
    /// results), then how to fill it and every list's results. A county education office also gets its schools' cases,
    /// marked in 学校任务, so it can answer for a school that does not respond. Numbers masked; audited.
    /// </summary>
    public async Task WriteTemplateAsync(Actor actor, int roundId, string path, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var cases = await queries.Query(new CaseFilter { RoundId = roundId }).Where(c => c.State == CaseState.Open || c.State == CaseState.Returned)
            .OrderBy(c => c.Category).ThenBy(c => c.Unit).ThenBy(c => c.SchoolName).ThenBy(c => c.Id).ToListAsync(ct);
        cases = [.. cases.Where(c => RoleInfo.MayAnswer(actor.Role, c.Unit))];
        var returned = await ReturnReasonsAsync([.. cases.Where(c => c.State == CaseState.Returned).Select(c => c.Id)], ct);
        bool marksSchools = cases.Any(c => c.Unit == Unit.School) && actor.Role != Role.SchoolAid;
        var lists = CategoryInfo.All.Where(i => cases.Any(c => c.Category == i.Code)).ToList();
        var sheets = new List<SheetSpec>();
        string?[] TemplateRow(Case c)
        {
            var cells = new List<string?> { c.Id.ToString(CultureInfo.InvariantCulture), c.CountyName, RoleInfo.UnitName(c.Unit) };
            if (marksSchools) cells.Add(c.Unit == Unit.School ? "是" : "否");
            // A returned case's earlier answer is shown, not pre-filled: an untouched row must not resubmit it.
            string? earlier = c.Result is null ? null : string.IsNullOrEmpty(c.Note) ? c.Result : c.Result + "：" + c.Note;
            cells.AddRange([c.SchoolName, c.PersonName, IdMasking.Mask(c.IdNumber), c.Reason, RoleInfo.StateName(c.State), earlier, returned.GetValueOrDefault(c.Id), null, null]);
            return [.. cells];
        }
        foreach (var info in lists)
        {
            var columns = new List<SheetColumn> { new(IdHeader), new("责任县"), new("责任单位") };
            if (marksSchools) columns.Add(new(SchoolCaseHeader));
            columns.AddRange([new("学校名称"), new("姓名"), new("证件号码"), new("问题原因"), new("状态"), new(EarlierAnswerHeader), new(ReturnReasonHeader),
                new(ResultHeader) { Choices = VerificationResults.For(info.Category), ForInput = true }, new(NoteHeader) { ForInput = true }]);
            sheets.Add(new SheetSpec(info.ChineseName, columns, cases.Where(c => c.Category == info.Code).Select(TemplateRow)));
        }
        if (sheets.Count == 0)
            sheets.Add(new SheetSpec("核查反馈", [new(IdHeader), new(ResultHeader) { ForInput = true }, new(NoteHeader) { ForInput = true }], []));
        sheets.Add(new SheetSpec(GuideSheet, [new("项目"), new(GuideSheet) { Wrap = true }], Guide(marksSchools)) { Filter = false });
        sheets.Add(new SheetSpec(ChoicesSheet, [new("清单"), new(ResultHeader)],
            lists.SelectMany(info => VerificationResults.For(info.Category).Select(r => new string?[] { info.ChineseName, r }))));
        await XlsxWorkbookWriter.WriteAsync(path, sheets, ct);
        await audit.WriteAsync(actor.UserName, AuditActions.Export, "反馈模板", $"批次 {roundId}；{cases.Count} 条", ct);
    }

    private static IEnumerable<string?[]> Guide(bool marksSchools)
    {
        yield return ["怎样填写", $"每个工作表是一类清单。请在“{ResultHeader}”列的下拉框中选择结果（可选结果随清单不同，见“{ChoicesSheet}”），需要说明的写在“{NoteHeader}”列；选“{VerificationResults.Other}”时必须写明。其他列请勿改动。"];
        yield return [ReturnReasonHeader, $"任务被审核退回时，这里是审核意见，“{EarlierAnswerHeader}”是退回前填报的结果：请按意见重新核查，重新选择结果并在“{NoteHeader}”列说明处理情况。"];
        if (marksSchools)
            yield return [SchoolCaseHeader, $"“是”表示应由学校核查的任务。学校未按期反馈时，县级教育部门可代为填写；学校已反馈（待审核）的任务不在本表中。"];
        yield return ["上传", "填好后在比对核查系统的“批量反馈”页面上传。系统逐行校验，有错误时列出工作表、行号和列；未填写结果的行跳过，可下次再填。"];
    }

    /// <summary>The latest 退回 note of each returned case.</summary>
    private async Task<Dictionary<long, string?>> ReturnReasonsAsync(List<long> ids, CancellationToken ct)
    {
        var reasons = new Dictionary<long, string?>();
        foreach (var chunk in ids.Chunk(1000))
        {
            var events = await db.CaseEvents.AsNoTracking().Where(e => chunk.Contains(e.CaseId) && e.Action == AuditActions.Return)
                .OrderBy(e => e.Id).Select(e => new { e.CaseId, e.Note }).ToListAsync(ct);
            foreach (var e in events) reasons[e.CaseId] = e.Note;
        }
        return reasons;
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
        audit.Add(actor.UserName, AuditActions.BulkFeedback, $"批次 {roundId}", $"{results.Count} 行，有效 {valid} 行，已提交 {applied} 行");
        await workflow.SaveAsync(ct);
        await tx.CommitAsync(ct);
        return new FeedbackUploadResult(results.Count, valid, applied, apply, [.. results.Where(r => !r.Valid).Take(MaxErrorsShown)]);
    }

    private static FeedbackRowResult Check(Actor actor, Row row, Dictionary<long, Case> cases, HashSet<long> seen)
    {
        if (row.Error is not null) return Invalid(row, row.Columns.Id, row.Error);
        long id = row.CaseId!.Value;
        if (!cases.TryGetValue(id, out var c)) return Invalid(row, row.Columns.Id, "任务编号不存在、不属于本批次或不在您的管辖范围内");
        if (!seen.Add(id)) return Invalid(row, row.Columns.Id, "同一任务编号出现多次");
        try
        {
            CaseWorkflow.CheckSubmission(actor, c, row.Result!, row.Note);
        }
        catch (WorkflowException ex)
        {
            // The column the user must change: the result, the note it needs, or (role, state) the row itself.
            int column = !VerificationResults.IsValid(c.Category, row.Result!.Trim()) ? row.Columns.Result
                : row.Result.Trim() == VerificationResults.Other && string.IsNullOrWhiteSpace(row.Note) ? row.Columns.Note : row.Columns.Id;
            return Invalid(row, column, ex.Message);
        }
        return new FeedbackRowResult(row.RowNumber, id, row.Result, true, row.Where + "有效");
    }

    private static FeedbackRowResult Invalid(Row row, int column, string error) =>
        new(row.RowNumber, row.CaseId, row.Result, false, row.Where + row.Columns.Name(column) + error);

    /// <summary>Where a row's cells are: header → index (−1 when absent), named in errors as the user sees them ("“核查结果”列（K 列）").</summary>
    private sealed record SheetColumns(List<string> Headers, int Id, int Result, int Note)
    {
        public string Name(int column) => column < 0 ? ""
            : $"“{Headers[column]}”列（{Letter(column)} 列）：";

        private static string Letter(int index)
        {
            string letters = "";
            for (int n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
            return letters;
        }
    }

    /// <param name="List">For a row of a comparison workbook: the list's code and the row's provenance (<see cref="ProvenanceKey"/>).</param>
    private sealed record Row(int RowNumber, long? CaseId, string? Result, string? Note, string? Error, SheetColumns Columns, string? Sheet = null, (string Code, string Key)? List = null)
    {
        public string Where => Sheet is null ? "" : $"工作表“{Sheet}”：";
    }

    /// <summary>The columns that name a list row's source rows (SPEC §4 provenance): together they identify the row.</summary>
    private static readonly string[] ProvenanceColumns = ["乡村振兴行号", "学籍行号", "资助行号", "来源数据", "来源行号"];

    private static string ProvenanceKey(Func<string, string?> cell) => string.Join('|', ProvenanceColumns.Select(c => cell(c)?.Trim() ?? ""));

    /// <summary>
    /// Every sheet that holds answers: a template's (a 任务编号 column, in any sheet, or the CSV it was saved as) and a comparison
    /// workbook's list sheets (named by their list, found by provenance); the guide and choice sheets hold neither and are passed over.
    /// </summary>
    private static List<Row> ReadRows(string path)
    {
        var rows = new List<Row>();
        var sheets = TabularFile.SheetNames(path);
        bool found = false;
        IEnumerable<string?> names = sheets.Count == 0 ? [null] : sheets.Select(n => (string?)n);
        foreach (string? sheet in names)
            found |= ReadSheet(path, sheet, sheets.Count > 1 ? sheet : null, rows);
        if (!found) throw new WorkflowException($"工作簿中找不到“{IdHeader}”列：请使用下载的反馈模板，或比对结果中的分县工作簿。");
        return rows;
    }

    /// <summary>Reads one sheet's answered rows; false when it has no header of ours within the first rows.</summary>
    private static bool ReadSheet(string path, string? sheet, string? shownSheet, List<Row> rows)
    {
        string? code = sheet is null ? null : ListOfSheet(sheet);
        using var reader = TabularFile.Open(path, sheet);
        SheetColumns? columns = null;
        while (reader.Read())
        {
            if (columns is null)
            {
                if (reader.RowNumber > BoundTable.MaxHeaderScanRows) return false;
                var cells = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i).Trim()).ToList();
                int id = cells.IndexOf(IdHeader), result = cells.IndexOf(ResultHeader);
                if (id < 0 && (code is null || result < 0)) continue;
                if (result < 0) throw new WorkflowException($"{(shownSheet is null ? "工作簿" : $"工作表“{shownSheet}”")}缺少“{ResultHeader}”列。");
                int noteAt = cells.IndexOf(NoteHeader) is var n and >= 0 ? n : cells.IndexOf(Bidui.Pipeline.WorkbookSheets.NoteHeader);
                columns = new SheetColumns(cells, id, result, noteAt);
                continue;
            }
            if (reader.IsBlank) continue;
            string Cell(int at) => at >= 0 && at < reader.FieldCount ? reader.GetString(at).Trim() : "";
            string answer = Cell(columns.Result);
            if (answer.Length == 0) continue; // not answered yet: left for later, not an error
            string? note = columns.Note < 0 ? null : Cell(columns.Note);
            RequireRoom(rows);
            if (columns.Id < 0)
            {
                string key = ProvenanceKey(c => columns.Headers.IndexOf(c) is var at and >= 0 ? Cell(at) : null);
                rows.Add(new Row(reader.RowNumber, null, answer, note, null, columns, shownSheet ?? sheet, (code!, key)));
                continue;
            }
            string idText = Cell(columns.Id);
            rows.Add(long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out long caseId)
                ? new Row(reader.RowNumber, caseId, answer, note, null, columns, shownSheet)
                : new Row(reader.RowNumber, null, answer, note, $"任务编号“{idText}”无效", columns, shownSheet));
        }
        return columns is not null;
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
}
