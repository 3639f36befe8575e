using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Bidui.Reports;

/// <summary>
/// The fixed parts of the xlsx package (SpreadsheetML, ECMA-376) and the XML around a sheet's rows.
/// Elements are written in the order the schema requires; Excel refuses a sheet whose elements are not.
/// </summary>
internal static class XlsxPackage
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Cell styles, by index in styles.xml: 0 plain, 1 header, 2 header of a column to fill in, 3 wrapped text.</summary>
    private const string Styles = $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="{Main}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDE6F0"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="0" fontId="1" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """;

    public static void WriteSheetStart(XlsxXmlWriter xml, double[] widths, bool selected)
    {
        xml.Raw($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{"\n"}<worksheet xmlns="{Main}" xmlns:r="{Relationships}">""");
        // Fit to page needs this flag; fitToWidth/fitToHeight in pageSetup then say how.
        xml.Raw("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"u8);
        xml.Raw(selected ? "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">"u8 : "<sheetViews><sheetView workbookViewId=\"0\">"u8);
        xml.Raw("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"u8);
        xml.Raw("<sheetFormatPr defaultRowHeight=\"15\"/><cols>"u8);
        for (int c = 0; c < widths.Length; c++)
        {
            string n = (c + 1).ToString(CultureInfo.InvariantCulture);
            xml.Raw($"<col min=\"{n}\" max=\"{n}\" width=\"{widths[c].ToString("0.#", CultureInfo.InvariantCulture)}\" customWidth=\"1\"/>");
        }

        xml.Raw("</cols><sheetData>"u8);
    }

    public static void WriteSheetEnd(XlsxXmlWriter xml, SheetColumn[] columns, WrittenSheet sheet)
    {
        xml.Raw("</sheetData>"u8);
        string lastColumn = ColumnName(columns.Length);
        string lastRow = Math.Max(sheet.Rows, 1).ToString(CultureInfo.InvariantCulture);
        if (sheet.Filter)
        {
            xml.Raw($"<autoFilter ref=\"A1:{lastColumn}{lastRow}\"/>");
        }

        var lists = columns.Select((c, i) => (Column: c, Index: i)).Where(x => x.Column.Choices is not null).ToList();
        if (lists.Count > 0)
        {
            // Down to Excel's last row, so that rows a county adds below get the list too.
            xml.Raw($"<dataValidations count=\"{lists.Count.ToString(CultureInfo.InvariantCulture)}\">");
            foreach (var (column, index) in lists)
            {
                string letter = ColumnName(index + 1);
                xml.Raw("<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" promptTitle=\""u8);
                xml.Attribute(column.Header);
                xml.Raw("\" prompt=\"请从下拉列表中选择\" errorTitle=\""u8);
                xml.Attribute(column.Header);
                xml.Raw("\" error=\"请从下拉列表中选择一项；都不符合时选“其他”，并在备注中说明。\" sqref=\""u8);
                xml.Raw($"{letter}2:{letter}{XlsxWorkbookWriter.ExcelMaxRows.ToString(CultureInfo.InvariantCulture)}\"><formula1>&quot;");
                xml.Text(string.Join(',', column.Choices!));
                xml.Raw("&quot;</formula1></dataValidation>"u8);
            }

            xml.Raw("</dataValidations>"u8);
        }

        // A4 landscape, as wide as the page, as many pages down as it takes; the sheet's name on top, page numbers below.
        xml.Raw("<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"u8);
        xml.Raw("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"u8);
        xml.Raw("<headerFooter><oddHeader>&amp;C&amp;A</oddHeader><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>"u8);
        xml.Raw("</worksheet>"u8);
    }

    public static void WriteParts(ZipArchive zip, IReadOnlyList<WrittenSheet> sheets)
    {
        var workbook = new StringBuilder();
        workbook.Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{"\n"}<workbook xmlns="{Main}" xmlns:r="{Relationships}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>""");
        for (int i = 0; i < sheets.Count; i++)
        {
            workbook.Append(CultureInfo.InvariantCulture, $"""<sheet name="{Escape(sheets[i].Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""");
        }

        workbook.Append("</sheets><definedNames>");
        for (int i = 0; i < sheets.Count; i++)
        {
            string quoted = Escape("'" + sheets[i].Name.Replace("'", "''", StringComparison.Ordinal) + "'");
            if (sheets[i].Filter)
            {
                workbook.Append(CultureInfo.InvariantCulture,
                    $"""<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">{quoted}!$A$1:${ColumnName(sheets[i].Columns)}${Math.Max(sheets[i].Rows, 1)}</definedName>""");
            }

            // The header row on every printed page.
            workbook.Append(CultureInfo.InvariantCulture, $"""<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{quoted}!$1:$1</definedName>""");
        }

        workbook.Append("</definedNames></workbook>");

        var rels = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{"\n"}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        var types = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{"\n"}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (int i = 1; i <= sheets.Count; i++)
        {
            rels.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i}" Type="{Relationships}/worksheet" Target="worksheets/sheet{i}.xml"/>""");
            types.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }

        rels.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{sheets.Count + 1}" Type="{Relationships}/styles" Target="styles.xml"/></Relationships>""");
        types.Append("</Types>");

        Part(zip, "xl/workbook.xml", workbook.ToString());
        Part(zip, "xl/_rels/workbook.xml.rels", rels.ToString());
        Part(zip, "xl/styles.xml", Styles);
        Part(zip, "_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{"\n"}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part(zip, "[Content_Types].xml", types.ToString());
    }

    /// <summary>Excel's column letters: 1 → A, 27 → AA.</summary>
    public static string ColumnName(int column)
    {
        var name = new StringBuilder();
        for (int n = column; n > 0; n = (n - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return name.ToString();
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var writer = new XlsxXmlWriter(stream);
        writer.Raw(xml);
        writer.Flush();
    }
}
