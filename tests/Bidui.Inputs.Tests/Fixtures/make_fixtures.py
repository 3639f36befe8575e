#!/usr/bin/env python3
"""Writes the hand-made input fixtures of Bidui.Inputs.Tests (see README.md).

Run from this folder: python3 make_fixtures.py
The .xls fixture is then made from aid_title.xlsx with LibreOffice (README.md gives the command).
"""
import zipfile
from xml.sax.saxutils import escape

# --- CSV fixtures -----------------------------------------------------------------------------

# Line 1-2: title rows as a county office exports them; line 3: the header with decorated names;
# line 7: a blank line; record 8 holds a quoted cell with a line break (it is still one row).
GB_ROWS = [
    "2024年秋季学期在校学生名单,,,,,,,,,,,",
    "填报单位：某某县教育局,,,,,,,,,,,",
    "序号,学生姓名,*身份证件号（必填）,身份证件类型,性别,出生日期,学校名称,学校标识码,学校所在地区划码【6位】,年 级,学籍状态,备注",
    "1,张伟,430102201001011238,居民身份证,男,2010-01-01,某某县第一中学,2143000001,430102,七年级,在读,",
    "2,阿依古丽·买买提,650102201203150028,居民身份证,女,2012-03-15,某某县实验小学,2143000002,430102,六年级,在读,",
    "3,刘䶮,430102201105050011,居民身份证,男,2011-05-05,某某县第一中学,2143000001,430102,初二,休学,",
    "",
    '4,王芳,430102200909090021,居民身份证,女,2009-09-09,某某县第一中学,2143000001,430102,初三,在读,"转入学生\n待核实"',
    "5,李娜,430102201212120042,居民身份证,女,2012-12-12,某某县实验小学,2143000002,430102,五年级,在读,",
]
with open("students_gb18030.csv", "wb") as f:
    f.write(("\r\n".join(GB_ROWS) + "\r\n").encode("gb18030"))

UTF8_ROWS = [
    "姓名,身份证号码,学校所在地代码,学段,学籍号",
    "赵敏,430102201001011238,430102,初中,G430102201001011238",
    "钱磊,430102201203150028,430102,小学,G430102201203150028",
]
with open("students_utf8_bom.csv", "wb") as f:
    f.write(b"\xef\xbb\xbf" + ("\r\n".join(UTF8_ROWS) + "\r\n").encode("utf-8"))

# Plain UTF-8 without BOM, tab-delimited (as Excel's "Unicode text" would be after re-encoding);
# 资助 dataset with an amount column named with a unit note.
AID_ROWS = [
    "姓名\t身份证件号\t资助项目\t发放金额（元）\t学年\t学期\t发放日期",
    "孙丽\t430102201001011238\t国家助学金\t1,250.00\t2024-2025\t秋季学期\t2024/10/15",
    "周杰\t430102201203150028\t营养改善计划\t800\t2024-2025\t春季学期\t2025/4/1",
]
with open("aid_utf8_tab.csv", "wb") as f:
    f.write(("\n".join(AID_ROWS) + "\n").encode("utf-8"))

# --- xlsx fixture (minimal SpreadsheetML written by hand) ----------------------------------------


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


class Book:
    def __init__(self):
        self.strings = []
        self.index = {}

    def sst(self, text):
        if text not in self.index:
            self.index[text] = len(self.strings)
            self.strings.append(text)
        return self.index[text]

    def sheet_xml(self, rows, merges=()):
        """rows: {row_number: [cell, ...]}; cell is None, str, int/float, ('date', serial) or ('padded', int)."""
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>']
        for r in sorted(rows):
            out.append(f'<row r="{r}">')
            for c, v in enumerate(rows[r]):
                ref = f"{col_name(c)}{r}"
                if v is None:
                    continue
                if isinstance(v, tuple) and v[0] == "date":
                    out.append(f'<c r="{ref}" s="1"><v>{v[1]}</v></c>')
                elif isinstance(v, tuple) and v[0] == "padded":
                    out.append(f'<c r="{ref}" s="2"><v>{v[1]}</v></c>')
                elif isinstance(v, (int, float)):
                    out.append(f'<c r="{ref}"><v>{v!r}</v></c>')
                else:
                    out.append(f'<c r="{ref}" t="s"><v>{self.sst(v)}</v></c>')
            out.append("</row>")
        out.append("</sheetData>")
        if merges:
            out.append(f'<mergeCells count="{len(merges)}">')
            out.extend(f'<mergeCell ref="{m}"/>' for m in merges)
            out.append("</mergeCells>")
        out.append("</worksheet>")
        return "".join(out)

    def save(self, path, sheets):
        """sheets: [(name, rows, merges)]"""
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            overrides = "".join(
                f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for i in range(len(sheets)))
            sheet_parts = [self.sheet_xml(rows, merges) for _, rows, merges in sheets]
            z.writestr("[Content_Types].xml",
                       '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                       '<Default Extension="xml" ContentType="application/xml"/>'
                       '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                       '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                       '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                       + overrides + '</Types>')
            z.writestr("_rels/.rels",
                       '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                       '</Relationships>')
            z.writestr("xl/workbook.xml",
                       '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                       + "".join(f'<sheet name="{escape(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                                 for i, (name, _, _) in enumerate(sheets))
                       + '</sheets></workbook>')
            z.writestr("xl/_rels/workbook.xml.rels",
                       '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       + "".join(f'<Relationship Id="rId{i + 1}" '
                                 'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                                 f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
                       + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                       + f'<Relationship Id="rId{len(sheets) + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                       '</Relationships>')
            # Style 1 = built-in number format 14 (a date), so serials in those cells are dates;
            # style 2 = custom format 164 "000000", a number shown with leading zeros.
            z.writestr("xl/styles.xml",
                       '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                       '<numFmts count="1"><numFmt numFmtId="164" formatCode="000000"/></numFmts>'
                       '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
                       '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
                       '<borders count="1"><border/></borders>'
                       '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                       '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
                       '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
                       '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
                       '</styleSheet>')
            for i, part in enumerate(sheet_parts):
                z.writestr(f"xl/worksheets/sheet{i + 1}.xml", part)
            z.writestr("xl/sharedStrings.xml",
                       '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(self.strings)}" uniqueCount="{len(self.strings)}">'
                       + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in self.strings)
                       + '</sst>')


# Poverty register: title in row 1 (merged A1:H1), row 2 absent, header in row 3, data rows 4, 5,
# rows 6-7 absent (a gap), data rows 8 and 10. Row 5 holds an ID typed as a number (Excel keeps
# 15 significant digits), row 8 a date cell, row 10 a 户编号 number 42 formatted "000000".
# A second sheet "说明" follows.
poverty_header = ["户编号", "姓名", "证件号码", "与户主关系", "出生日期", "人口类型", "在校生状况", "县级代码（6位）", "人员状态"]
poverty_rows = {
    1: ["2024年脱贫人口及防返贫监测对象明细"],
    3: poverty_header,
    4: ["H001", "张伟", "430102201001011238", "之子", "2010-01-01", "脱贫户", "在校生-初中", "430102", "正常"],
    5: ["H002", "王芳", float(430102200909090021), "之女", "2009-09-09", "边缘易致贫户", "初中", 430102, "正常"],
    8: ["H003", "李娜", "430102201212120042", "之女", ("date", 41255), "脱贫户", "小学", "430102", "正常"],
    10: [("padded", 42), "赵六", "430102201505050031", "之子", "2015-05-05", "脱贫户", "学龄前儿童", "430102", "死亡"],
}
book = Book()
book.save("poverty_gaps.xlsx", [
    ("脱贫人口", poverty_rows, ("A1:I1",)),
    ("说明", {1: ["本表由乡村振兴局导出"]}, ()),
])

# Aid payments with a title row; converted to .xls by LibreOffice (see README.md).
aid_rows = {
    1: ["2024-2025学年学生资助发放明细表"],
    2: ["学生姓名", "身份证件号码", "项目名称", "发放金额", "学年", "学期", "发放日期", "学校名称"],
    3: ["孙丽", "430102201001011238", "国家助学金", 1250, "2024-2025", "秋季学期", ("date", 45580), "某某县第一中学"],
    4: ["周杰", float(430102201203150028), "营养改善计划", 800.5, "2024-2025", "春季学期", ("date", 45748), "某某县实验小学"],
    6: ["吴昊", "430102201105050011", "国家助学金", 1250, "2024-2025", "秋季学期", ("date", 45580), "某某县第一中学"],
}
Book().save("aid_title.xlsx", [("资助发放", aid_rows, ("A1:H1",))])

# A file that starts like a zip (so it is taken for xlsx) but is cut off: a corrupt workbook.
with open("corrupt.xlsx", "wb") as f:
    f.write(b"PK\x03\x04" + b"\x14\x00\x00\x00\x08\x00" + b"this is not a workbook" * 10)
