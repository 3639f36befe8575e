using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace Bidui.Bench;

/// <summary>
/// The validating peer (<see cref="PeerKind.Validating"/>; <see cref="PlainPeer"/> is the plainer one): the exact-ID part of SPEC §4 (matched, dropout_suspect, aid_missing) in DuckDB SQL, as a
/// data engineer would write it — read_csv on the same files, normalise the ID cell, keep valid keys,
/// join, write three CSV files. DuckDB gets every core and its default memory limit.
/// </summary>
internal static class DuckDbPeer
{
    public static void Run(PeerJob job)
    {
        Directory.CreateDirectory(job.OutDir);
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        // Both peers get every core and the same settings; only their SQL differs.
        foreach (var (label, sql) in Statements(job).Take(1).Concat(job.Peer == PeerKind.Plain ? PlainPeer.Statements(job) : Statements(job).Skip(1)))
        {
            var clock = Stopwatch.StartNew();
            using var cmd = db.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
            Console.WriteLine($"{label}: {clock.Elapsed.TotalSeconds:F1} s");
        }
    }

    public static void Query(PeerJob job, string query)
    {
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        foreach (var (_, sql) in Statements(job).Take(2))
        {
            using var setup = db.CreateCommand();
            setup.CommandText = sql;
            setup.ExecuteNonQuery();
        }

        using var cmd = db.CreateCommand();
        cmd.CommandText = query
            .Replace("{students}", ReadCsv(job.Students), StringComparison.Ordinal)
            .Replace("{poverty}", ReadCsv(job.Poverty), StringComparison.Ordinal)
            .Replace("{aid}", ReadCsv(job.Aid, nullPadding: true), StringComparison.Ordinal);
        using var reader = cmd.ExecuteReader();
        do
        {
            while (reader.Read())
            {
                var cells = new string[reader.FieldCount];
                for (int i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
                }

                Console.WriteLine(string.Join(" | ", cells));
            }
        }
        while (reader.NextResult());
    }

    /// <summary>Every statement in order, each with a label for the timing line.</summary>
    public static IEnumerable<(string Label, string Sql)> Statements(PeerJob job)
    {
        string today = job.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        int reference = int.Parse(job.ReferenceDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        yield return ("settings", $"SET threads = {Environment.ProcessorCount}; SET preserve_insertion_order = true;");
        yield return ("macros", Macros(today));

        // Each file is loaded into a table of the columns used: with preserve_insertion_order the parallel load
        // keeps file order, so rowid is the row order ("first row of a key") and everything after runs on all cores.
        // (row_number() OVER () on read_csv gives the order too, but runs the whole pass on one thread.)
        var p = job.Poverty;
        yield return ("load poverty register", $"""
            CREATE TABLE poverty_raw AS
            SELECT {Col(p, "证件号码")} AS id, {Col(p, "姓名")} AS name, {Col(p, "人员状态")} AS status,
                   {Col(p, "县级代码")} AS county, {Col(p, "户编号")} AS household
            FROM {ReadCsv(p)};
            """);
        yield return ("key persons", $"""
            CREATE TABLE persons AS
            WITH raw AS (SELECT nid(id) AS n, *, rowid AS rn FROM poverty_raw),
            src AS (SELECT rkey(n, id, NULL) AS k, * FROM raw)
            SELECT k, arg_min(struct_pack(rn := rn, name := name, deceased := deceased(status), county := county, household := household), rn) AS pr
            FROM src WHERE k IS NOT NULL GROUP BY k;
            DROP TABLE poverty_raw;
            """);

        var s = job.Students;
        yield return ("load student registry", $"""
            CREATE TABLE students_raw AS
            SELECT {Col(s, "身份证件号")} AS id, {Col(s, "身份证件类型")} AS id_type, {Col(s, "学籍状态")} AS status,
                   {Col(s, "学段")} AS stage_cell, {Col(s, "年级")} AS grade, {Col(s, "姓名")} AS name,
                   {Col(s, "学校名称")} AS school, {Col(s, "学校标识码")} AS school_code
            FROM {ReadCsv(s)};
            """);
        // Only keys of the register matter for these three lists: filter before grouping (what a competent engineer does).
        yield return ("key enrolments", $"""
            CREATE TABLE enrol AS
            WITH raw AS (SELECT nid(id) AS n, *, rowid AS rn FROM students_raw),
            src AS (SELECT rkey(n, id, id_type) AS k, stage_of(stage_cell, grade) AS stage, * FROM raw)
            SELECT k, arg_min(struct_pack(rn := rn, stage := coalesce(stage, ''), name := name, school := school, school_code := school_code), rn) AS en
            FROM src
            WHERE k IN (SELECT k FROM persons) AND coalesce(trim(status), '') IN ('', '在读', '在籍', '在校', '休学')
            GROUP BY k;
            DROP TABLE students_raw;
            """);

        var a = job.Aid;
        yield return ("read aid payments", $"""
            CREATE TABLE paid AS
            SELECT DISTINCT k FROM (
              SELECT rkey(n, id, id_type) AS k FROM (
                SELECT nid({Col(a, "身份证件号")}) AS n, {Col(a, "身份证件号")} AS id, {Col(a, "身份证件类型")} AS id_type FROM {ReadCsv(a, nullPadding: true)}))
            WHERE k IN (SELECT k FROM persons);
            """);

        const string personColumns = "pr.rn AS 乡村振兴数据行, pr.name AS 姓名, k AS 证件号码, pr.county AS 县级代码, pr.household AS 户编号";
        const string enrolColumns = "en.rn AS 学籍数据行, en.name AS 学籍姓名, en.school AS 学校名称, en.school_code AS 学校标识码, en.stage AS 学段";
        yield return ("write matched", Copy(job, "matched", $"""
            SELECT {personColumns}, {enrolColumns} FROM persons JOIN enrol USING (k) ORDER BY pr.rn
            """));
        yield return ("write aid_missing", Copy(job, "aid_missing", $"""
            SELECT {personColumns}, {enrolColumns} FROM persons JOIN enrol USING (k)
            WHERE NOT pr.deceased AND en.stage IN ('学前', '小学', '初中', '高中', '中职') AND k NOT IN (SELECT k FROM paid)
            ORDER BY pr.rn
            """));
        yield return ("write dropout_suspect", Copy(job, "dropout_suspect", $"""
            SELECT {personColumns}, ({reference} - CAST(substr(k, 7, 8) AS INTEGER)) // 10000 AS 年龄
            FROM persons WHERE k NOT IN (SELECT k FROM enrol) AND NOT pr.deceased AND k NOT LIKE '%:%'
              AND ({reference} - CAST(substr(k, 7, 8) AS INTEGER)) // 10000 BETWEEN 6 AND 15
            ORDER BY pr.rn
            """));
    }

    /// <summary>
    /// SPEC §2.1 in SQL: full-width digits/X, U+3000 and full-width hyphen folded (DuckDB has no NFKC), white
    /// space and hyphens removed, one leading ' or ` dropped, upper-cased; valid = 17 digits + digit/X, a
    /// province code, a real birth date 1900..today, the MOD 11-2 check character. A 15-digit number with
    /// a real 19yy date is converted to 18 digits. Another document type (SPEC §2.2) keys as TYPE:NUMBER.
    /// The macros take the normalised cell (n = nid(cell)) from an inner query: DuckDB expands macros as
    /// text, and nid inside key18 inside check_char ran some 40 times a row (100,000 rows took 3 s). nid
    /// passes a clean cell through before its regular expressions (2.6× faster on the student file).
    /// </summary>
    private static string Macros(string today)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = new StringBuilder();
        for (int i = 0; i < weights.Length; i++)
        {
            sum.Append(i == 0 ? "" : " + ").Append(CultureInfo.InvariantCulture, $"{weights[i]} * CAST(substr(s, {i + 1}, 1) AS INTEGER)");
        }

        const string provinces = "'11','12','13','14','15','21','22','23','31','32','33','34','35','36','37','41','42','43','44','45','46','50','51','52','53','54','61','62','63','64','65','71','81','82','83'";
        return $"""
            CREATE MACRO nid(s) AS CASE WHEN regexp_full_match(s, '[0-9]{"{17}"}[0-9X]') THEN s ELSE upper(regexp_replace(regexp_replace(
                translate(coalesce(s, ''), '０１２３４５６７８９Ｘｘ　－', '0123456789Xx -'), '[\s-]', '', 'g'), '^[''`]', '')) END;
            CREATE MACRO check_char(s) AS substr('10X98765432', 1 + (({sum}) % 11), 1);
            CREATE MACRO birth_ok(d) AS d BETWEEN '19000101' AND '{today}' AND try_strptime(d, '%Y%m%d') IS NOT NULL;
            CREATE MACRO key18(s) AS CASE
                WHEN regexp_full_match(s, '[0-9]{"{17}"}[0-9X]') THEN
                    CASE WHEN substr(s, 1, 2) IN ({provinces}) AND birth_ok(substr(s, 7, 8)) AND check_char(s) = substr(s, 18, 1) THEN s END
                WHEN regexp_full_match(s, '[0-9]{"{15}"}') AND birth_ok('19' || substr(s, 7, 6)) THEN
                    substr(s, 1, 6) || '19' || substr(s, 7, 9) || check_char(substr(s, 1, 6) || '19' || substr(s, 7, 9))
            END;
            CREATE MACRO rkey(n, raw, t) AS CASE
                WHEN coalesce(trim(t), '') IN ('', '居民身份证', '身份证', '二代身份证') THEN key18(n)
                ELSE nullif(trim(t) || ':' || upper(regexp_replace(coalesce(raw, ''), '\s', '', 'g')), trim(t) || ':')
            END;
            CREATE MACRO deceased(status) AS coalesce(status, '') LIKE '%死亡%' OR coalesce(status, '') LIKE '%注销%';
            CREATE MACRO stage_of(st, gr) AS CASE
                WHEN coalesce(trim(st), '') <> '' THEN CASE
                    WHEN trim(st) IN ('学前', '幼儿园', '学前教育', '学前班') THEN '学前'
                    WHEN trim(st) IN ('小学', '小学教育') THEN '小学'
                    WHEN trim(st) IN ('初中', '初级中学') THEN '初中'
                    WHEN trim(st) IN ('高中', '普通高中', '高级中学') THEN '高中'
                    WHEN trim(st) IN ('中职', '中等职业教育', '中等职业学校') THEN '中职'
                    ELSE trim(st) END
                ELSE CASE
                    WHEN trim(gr) IN ('小班', '中班', '大班', '托班', '学前班') THEN '学前'
                    WHEN regexp_full_match(trim(gr), '中职.*') THEN '中职'
                    WHEN regexp_full_match(trim(gr), '[1-6]|[一二三四五六]年级|小学.*') THEN '小学'
                    WHEN regexp_full_match(trim(gr), '[7-9]|[七八九]年级|初[一二三]|初中.*') THEN '初中'
                    WHEN regexp_full_match(trim(gr), '1[0-2]|高[一二三]|(普通)?高中.*') THEN '高中'
                END
            END;
            """;
    }

    // null_padding for the aid file only: its 小计 rows are short (a data engineer meets that error on the
    // first run), and DuckDB's parallel reader refuses null_padding in a file with quoted line breaks
    // (the poverty register's 备注) — which it notices only when a chunk boundary falls inside one (50 M rows).
    internal static string ReadCsv(PeerInput input, bool nullPadding = false) =>
        $"read_csv('{Quote(input.Path, '\'')}', skip = {input.SkipLines}, header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"'{(nullPadding ? ", null_padding = true" : "")})";

    /// <summary>A quoted column reference, or NULL when the file lacks the column (SQL then treats it as empty).</summary>
    internal static string Col(PeerInput input, string canonical) =>
        input.Column(canonical) is { } header ? $"\"{Quote(header, '"')}\"" : "NULL";

    internal static string Copy(PeerJob job, string list, string query) =>
        $"COPY ({query}) TO '{Quote(Path.Combine(job.OutDir, list + ".csv"), '\'')}' (HEADER, DELIMITER ',');";

    private static string Quote(string text, char quote) => text.Replace(quote.ToString(), new string(quote, 2), StringComparison.Ordinal);
}
