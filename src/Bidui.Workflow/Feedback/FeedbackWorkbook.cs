using System.Globalization;
using Bidui.Inputs;
using Bidui.Reports;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Feedback;

/// <summary>One row of a returned workbook and what became of it.</summary>
public sealed record FeedbackRowResult(int RowNumber, long? CaseId, string? Result, bool Valid, string Message);

public sealed record FeedbackUploadResult(IReadOnlyList<FeedbackRowResult> Rows, int Applied, bool AppliedAny)
{
    public int Invalid => Rows.Count(r => !r.Valid);
}

/// <summary>
/// Bulk feedback: a county downloads its open cases as a workbook, fills 核查结果/核查说明 and uploads
/// it back. Every filled row is checked as a single submission would be; nothing is applied unless
/// all rows are valid, or the user asks to apply the valid ones.
/// </summary>
public sealed class FeedbackWorkbook(BiduiDbContext db, CaseQueries queries, CaseWorkflow workflow, AuditLog audit)
{
    public const string IdHeader = "任务编号";
    public const string ResultHeader = "核查结果";
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
            cases.Select(c => c.Category).Distinct().SelectMany(code => ReasonCatalog.For(code).Select(r => new string?[] { CategoryNames.Chinese(code), r })));
        await XlsxWorkbookWriter.WriteAsync(path, [sheet, reasons], ct);
        await audit.WriteAsync(actor.UserName, "导出", "反馈模板", $"批次 {roundId}；{cases.Count} 条", ct);
    }

    public async Task<FeedbackUploadResult> UploadAsync(Actor actor, int roundId, string path, bool applyValidRows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var rows = ReadRows(path);
        var ids = rows.Where(r => r.CaseId is not null).Select(r => r.CaseId!.Value).Distinct().ToList();
        // Through the scoped context: a row naming another county's case reads as "not found".
        var cases = await db.LiveCases.AsNoTracking().Where(c => ids.Contains(c.Id) && c.RoundId == roundId).ToDictionaryAsync(c => c.Id, ct);
        var results = new List<FeedbackRowResult>();
        var seen = new HashSet<long>();
        foreach (var row in rows)
        {
            if (row.Error is not null) { results.Add(new FeedbackRowResult(row.RowNumber, row.CaseId, row.Result, false, row.Error)); continue; }
            long id = row.CaseId!.Value;
            string? error = null;
            if (!cases.TryGetValue(id, out var c)) error = "任务编号不存在、不属于本批次或不在您的管辖范围内";
            else if (!seen.Add(id)) error = "同一任务编号出现多次";
            else
            {
                try { CaseWorkflow.CheckSubmission(actor, c, row.Result!, row.Note); }
                catch (WorkflowException ex) { error = ex.Message; }
            }
            results.Add(new FeedbackRowResult(row.RowNumber, id, row.Result, error is null, error ?? "有效"));
        }
        bool apply = results.Count > 0 && (results.All(r => r.Valid) || applyValidRows);
        int applied = 0;
        if (apply)
        {
            foreach (var (row, result) in rows.Zip(results).Where(p => p.Second.Valid))
            {
                await workflow.SubmitAsync(actor, row.CaseId!.Value, row.Result!.Trim(), row.Note, null, ct);
                applied++;
            }
        }
        await audit.WriteAsync(actor.UserName, "批量反馈", $"批次 {roundId}", $"{results.Count} 行，有效 {results.Count(r => r.Valid)} 行，已提交 {applied} 行", ct);
        return new FeedbackUploadResult(results, applied, apply);
    }

    private sealed record Row(int RowNumber, long? CaseId, string? Result, string? Note, string? Error);

    private static List<Row> ReadRows(string path)
    {
        using var reader = TabularFile.Open(path);
        int idAt = -1, resultAt = -1, noteAt = -1;
        var rows = new List<Row>();
        while (reader.Read())
        {
            if (idAt < 0)
            {
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
            rows.Add(long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out long id)
                ? new Row(reader.RowNumber, id, result, note, null)
                : new Row(reader.RowNumber, null, result, note, $"任务编号“{idText}”无效"));
        }
        if (idAt < 0) throw new WorkflowException($"工作簿中找不到“{IdHeader}”列：请使用下载的反馈模板。");
        return rows;
    }
}
