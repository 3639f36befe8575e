namespace Bidui.Reports;

/// <summary>The assessment section of the report: the comparison's indicators per county with score and rank (strings, as shown).</summary>
public sealed record ReportAssessment(string Hint, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

public static partial class HtmlReportWriter
{
    private static void WriteAssessment(TextWriter w, ReportAssessment a, string number)
    {
        w.WriteLine("<section id=\"assessment\">");
        w.WriteLine($"<h2>{number}、考核指标（比对部分）</h2>");
        w.WriteLine($"<p class=\"hint\">{E(a.Hint)}</p>");
        w.WriteLine("<div class=\"scroll\"><table><thead><tr>");
        foreach (var h in a.Headers)
            w.Write($"<th>{E(h)}</th>");
        w.WriteLine("</tr></thead><tbody>");
        foreach (var row in a.Rows)
        {
            w.Write("<tr>");
            for (int c = 0; c < row.Count; c++)
                w.Write(c < 3 ? $"<td>{E(row[c])}</td>" : $"<td class=\"num\">{E(row[c])}</td>");
            w.WriteLine("</tr>");
        }
        w.WriteLine("</tbody></table></div></section>");
    }
}
