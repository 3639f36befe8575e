namespace Bidui.Reports;

/// <summary>Writes the self-contained HTML report (inlined Apache ECharts, works offline).</summary>
public static class HtmlReportWriter
{
    public static void Write(string path, ReportModel model) => throw new NotImplementedException();
}
