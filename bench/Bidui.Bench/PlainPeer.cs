namespace Bidui.Bench;

/// <summary>
/// The plainer peer (../shared/bench/duckdb-plain-peer.mjs, ported statement for statement): read the
/// three CSVs, trim, drop spaces and upper-case the ID, keep 18-character IDs, join, write the three lists.
/// No date or check-character test, no 15-digit conversion, no other document types: the SQL a data
/// engineer writes first. Only the file paths and column names are adapted, never the shape of the SQL, with one
/// exception the data forces: `strptime` stops the whole query at the first impossible birth date (20141308),
/// so the peer uses `try_strptime` (such a row then has no age and is not listed), as its author would on the first run.
/// </summary>
internal static class PlainPeer
{
    public static IEnumerable<(string Label, string Sql)> Statements(PeerJob job)
    {
        var (s, p, a) = (job.Students, job.Poverty, job.Aid);
        string reference = job.ReferenceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        yield return ("load students", $"""
            CREATE TABLE s AS SELECT upper(replace(trim({Col(s, "身份证件号")}), ' ', '')) AS id, {Col(s, "学段")} AS stage,
                   {Col(s, "学籍状态")} AS status, {Col(s, "姓名")} AS name, {Col(s, "学校名称")} AS school
            FROM {DuckDbPeer.ReadCsv(s)};
            """);
        yield return ("load poverty", $"""
            CREATE TABLE p AS SELECT upper(replace(trim({Col(p, "证件号码")}), ' ', '')) AS id, {Col(p, "姓名")} AS name,
                   {Col(p, "县级代码")} AS county, {Col(p, "人员状态")} AS state
            FROM {DuckDbPeer.ReadCsv(p)};
            """);
        yield return ("load aid", $"""
            CREATE TABLE a AS SELECT DISTINCT upper(replace(trim({Col(a, "身份证件号")}), ' ', '')) AS id FROM {DuckDbPeer.ReadCsv(a, nullPadding: true)};
            """);
        yield return ("enrolled", """
            CREATE TABLE e AS SELECT id, first(stage) AS stage, first(school) AS school FROM s
            WHERE regexp_full_match(id, '[0-9]{17}[0-9X]') AND coalesce(status, '') IN ('', '在读', '在籍', '在校', '休学') GROUP BY id;
            """);
        yield return ("persons", """
            CREATE TABLE pp AS SELECT id, first(name) AS name, first(county) AS county, first(state) AS state FROM p
            WHERE regexp_full_match(id, '[0-9]{17}[0-9X]') GROUP BY id;
            """);
        yield return ("write matched", DuckDbPeer.Copy(job, "matched",
            "SELECT pp.id AS 证件号码, pp.name AS 姓名, e.school AS 学校名称, e.stage AS 学段 FROM pp JOIN e USING (id)"));
        yield return ("write dropout_suspect", DuckDbPeer.Copy(job, "dropout_suspect", $"""
            SELECT pp.id AS 证件号码, pp.name AS 姓名, pp.county AS 县级代码 FROM pp ANTI JOIN e USING (id)
            WHERE coalesce(pp.state, '') NOT IN ('死亡', '注销')
              AND date_diff('year', try_strptime(substr(pp.id, 7, 8), '%Y%m%d'), DATE '{reference}')
                  - CASE WHEN strftime(try_strptime(substr(pp.id, 7, 8), '%Y%m%d'), '%m%d') > '{job.ReferenceDate:MMdd}' THEN 1 ELSE 0 END BETWEEN 6 AND 15
            """));
        yield return ("write aid_missing", DuckDbPeer.Copy(job, "aid_missing", """
            SELECT pp.id AS 证件号码, pp.name AS 姓名, e.school AS 学校名称 FROM pp JOIN e USING (id) ANTI JOIN a USING (id)
            WHERE coalesce(pp.state, '') NOT IN ('死亡', '注销') AND e.stage IN ('学前', '小学', '初中', '高中', '中职')
            """));
    }

    private static string Col(PeerInput input, string canonical) => DuckDbPeer.Col(input, canonical);
}
