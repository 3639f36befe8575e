using Bidui.Synthetic.Tests.Support;

namespace Bidui.Synthetic.Tests;

/// <summary>The truth files of the small demo are well formed and agree with one another.</summary>
[Collection(SmallDemoCollection.Name)]
public sealed class TruthTests(SmallDemo demo)
{
    public static TheoryData<string, string> Headers() => new()
    {
        { "matched", "乡村振兴行号,学籍行号" },
        { "aid_missing", "乡村振兴行号,学籍行号" },
        { "identity_conflict", "乡村振兴行号,学籍行号" },
        { "dropout_suspect", "乡村振兴行号" },
        { "status_mismatch", "乡村振兴行号,学籍行号,原因" },
        { "field_conflict", "来源数据,来源行号" },
        { "invalid_id", "来源数据,来源行号,原因" },
        { "duplicate_enrollment", "学籍行号" },
        { "duplicate_poverty", "乡村振兴行号" },
        { "aid_duplicate", "资助行号" },
        { "aid_ineligible", "资助行号,原因" },
        { "aid_stage_mismatch", "资助行号,学籍行号,原因" },
        { "aid_amount_anomaly", "资助行号,原因" },
        { "aid_not_enrolled", "资助行号" },
        { "rejects", "来源数据,来源行号" },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Every_list_has_its_header_rows_at_seed_1_and_is_sorted(string code, string header)
    {
        var (h, rows) = demo.Truth(code);
        Assert.Equal(header, string.Join(",", h));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(h.Length, r.Length));
        string[] sources = ["学籍", "乡村振兴", "资助", "低保", "特困", "残疾人", "孤儿"];
        var keys = rows.Select(r => (
            A: h[0] == "来源数据" ? Array.IndexOf(sources, r[0]) : int.Parse(r[0], CultureInfo.InvariantCulture),
            B: r.Length > 1 && int.TryParse(r[1], CultureInfo.InvariantCulture, out int b) ? b : -1)).ToList();
        Assert.Equal(keys.OrderBy(k => k.A).ThenBy(k => k.B), keys);
        Assert.Equal(rows.Count, rows.Select(r => string.Join(",", r)).Distinct().Count());
    }

    [Fact]
    public void Person_lists_agree_with_one_another()
    {
        var matched = demo.Truth("matched").Rows;
        var pairs = matched.Select(r => string.Join(",", r)).ToHashSet();
        var matchedPersons = matched.Select(r => r[0]).ToHashSet();
        Assert.Equal(matched.Count, matchedPersons.Count);
        Assert.Equal(matched.Count, matched.Select(r => r[1]).Distinct().Count());

        Assert.Subset(pairs, demo.TruthSet("aid_missing"));
        Assert.Empty(demo.TruthSet("dropout_suspect").Intersect(matchedPersons));

        var reasons = new HashSet<string>();
        foreach (var r in demo.Truth("status_mismatch").Rows)
        {
            reasons.Add(r[2]);
            if (r[1].Length > 0)
            {
                Assert.Contains($"{r[0]},{r[1]}", pairs);
                Assert.NotEqual("登记在校但未查到学籍", r[2]);
            }
            else
            {
                Assert.DoesNotContain(r[0], matchedPersons);
                Assert.Equal("登记在校但未查到学籍", r[2]);
            }
        }

        Assert.Equal(["学段不一致", "登记在校但未查到学籍", "登记非在校但有学籍"], reasons.Order());

        // A poverty row listed as invalid is no person; a converted 15-digit one is.
        var invalidPoverty = demo.Truth("invalid_id").Rows.Where(r => r[0] == "乡村振兴" && r[2] != "15位旧号码").Select(r => r[1]).ToHashSet();
        Assert.Empty(invalidPoverty.Intersect(matchedPersons));
        Assert.Empty(invalidPoverty.Intersect(demo.TruthSet("dropout_suspect")));
        Assert.Empty(invalidPoverty.Intersect(demo.Truth("identity_conflict").Rows.Select(r => r[0])));
    }

    [Fact]
    public void Aid_lists_and_row_counts_agree()
    {
        var invalidAid = demo.Truth("invalid_id").Rows.Where(r => r[0] == "资助").Select(r => r[1]).ToHashSet();
        foreach (var code in new[] { "aid_duplicate", "aid_ineligible", "aid_not_enrolled" })
        {
            Assert.Empty(demo.TruthSet(code).Intersect(invalidAid));
        }

        foreach (var name in new[] { "students", "poverty", "aid" })
        {
            var c = demo.Inputs.RootElement.GetProperty(name);
            Assert.Equal(c.GetProperty("rows_read").GetInt32(),
                c.GetProperty("rows_blank").GetInt32() + c.GetProperty("rows_rejected").GetInt32() + c.GetProperty("rows_loaded").GetInt32());
        }

        var (students, poverty, aid) = Building.WorldBuilder.Targets(new DemoOptions(DemoSize.Small, 1, SmallDemo.Reference, SmallDemo.Today));
        Assert.Equal(students, demo.Inputs.RootElement.GetProperty("students").GetProperty("rows_read").GetInt32());
        Assert.Equal(poverty, demo.Inputs.RootElement.GetProperty("poverty").GetProperty("rows_read").GetInt32());
        Assert.Equal(aid, demo.Inputs.RootElement.GetProperty("aid").GetProperty("rows_read").GetInt32());
        Assert.Equal((3_000, 1_200, 900), (students, poverty, aid));
    }
}
