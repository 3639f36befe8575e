using Bidui.Core.Regions;

namespace Bidui.Core.Tests.Regions;

public class RegionTableTests
{
    private static readonly RegionTable Table = RegionTable.Default;

    [Fact]
    public void Abolished_county_is_dispatched_to_its_successor_with_a_note()
    {
        DispatchCounty d = Table.ResolveForDispatch(110103); // 崇文区 → 东城区 (2010)

        Assert.Equal(new DispatchCounty(110101, RegionNote.Abolished, 110103), d);
        Assert.Equal("区划代码110103已撤销，按新代码110101派发", RegionTable.NoteText(d.Note, d.OriginalCode, d.Code));
    }

    [Theory]
    [InlineData(430123, 430181)] // 浏阳县 → 浏阳市
    [InlineData(429001, 421303)] // 随州市 → 曾都区 (abolished) → 曾都区 (new code)
    [InlineData(210721, 211402)] // 锦西县 → 锦西市 → 锦西市 (直辖) → 连山区: chain of three
    [InlineData(372326, 370522)] // 利津县 → 东营市;利津县: the county wins over the prefecture
    [InlineData(222201, 220502)] // 通化市 became a prefecture: its first district takes over
    [InlineData(130421, 130402)] // 邯郸县: the dated earlier transfer (130404[2014]) is not the successor
    [InlineData(440620, 442000)] // 中山市 became a prefecture-level city without counties: it is the office
    public void Successor_chains_end_at_an_in_use_county(int code, int expected)
    {
        DispatchCounty d = Table.ResolveForDispatch(code);

        Assert.Equal(RegionNote.Abolished, d.Note);
        Assert.Equal(expected, d.Code);
        Assert.Equal(code, d.OriginalCode);
        Assert.True(Table.Find(d.Code)!.InUse);
    }

    [Theory]
    [InlineData(430102)] // in use
    [InlineData(430100)] // a prefecture
    [InlineData(430000)] // a province
    public void Known_codes_in_use_or_above_county_level_go_as_given(int code)
    {
        Assert.Equal(new DispatchCounty(code, RegionNote.None, code), Table.ResolveForDispatch(code));
    }

    [Fact]
    public void Unknown_code_has_no_county_and_its_own_note()
    {
        DispatchCounty d = Table.ResolveForDispatch(999999);

        Assert.Equal(new DispatchCounty(0, RegionNote.Unknown, 999999), d);
        Assert.Equal("区划代码999999不在GB/T 2260代码表中", RegionTable.NoteText(d.Note, d.OriginalCode, d.Code));
    }

    [Fact]
    public void Note_texts()
    {
        Assert.Equal("", RegionTable.NoteText(RegionNote.None, 430102, 430102));
        Assert.Equal("区划代码430121已撤销，按新代码430181派发", RegionTable.NoteText(RegionNote.Abolished, 430121, 430181));
        Assert.Equal("区划代码430121已撤销，未找到在用的新代码", RegionTable.NoteText(RegionNote.Abolished, 430121, 0));
    }

    [Fact]
    public void Every_abolished_county_in_the_table_reaches_an_in_use_county()
    {
        foreach (RegionInfo county in AllCounties())
        {
            DispatchCounty d = Table.ResolveForDispatch(county.Code);
            Assert.True(d.Code != 0, $"{county.Code} {county.Name}");
            Assert.True(Table.Find(d.Code)!.InUse, $"{county.Code} → {d.Code}");
        }
    }

    [Theory]
    [InlineData(430102, "湖南省 长沙市 芙蓉区")]
    [InlineData(110101, "北京市 东城区")]          // 直辖: no prefecture part
    [InlineData(110103, "北京市 崇文区")]          // abolished codes keep their historical name
    [InlineData(430100, "湖南省 长沙市")]
    [InlineData(430000, "湖南省")]
    [InlineData(999999, "")]
    public void Full_names(int code, string expected)
    {
        Assert.Equal(expected, Table.FullName(code));
    }

    [Fact]
    public void Part_names()
    {
        Assert.Equal("芙蓉区", Table.CountyName(430102));
        Assert.Equal("", Table.CountyName(430100));
        Assert.Equal("湖南省", Table.ProvinceName(430102));
        Assert.Equal("湖南省", Table.ProvinceName(439999)); // unknown county, known province
        Assert.Equal("", Table.ProvinceName(999999));
        Assert.Equal("长沙市", Table.PrefectureName(430102));
        Assert.Equal("长沙市", Table.PrefectureName(430100));
        Assert.Equal("长沙市", Table.PrefectureName(430199)); // unknown county, known prefecture
        Assert.Equal("", Table.PrefectureName(110101));
        Assert.Equal("", Table.PrefectureName(430000));
    }

    [Fact]
    public void Find_prefers_the_in_use_row()
    {
        RegionInfo info = Table.Find(430102)!; // 东区 (1983–1996) became 芙蓉区 under the same code

        Assert.Equal("芙蓉区", info.Name);
        Assert.True(info.InUse);
        Assert.Equal(RegionLevel.County, info.Level);
        Assert.Null(info.ChangedYear);
    }

    [Fact]
    public void Find_takes_the_most_recent_row_of_an_abolished_code()
    {
        RegionInfo info = Table.Find(429001)!; // 随州市: changed 1990, re-used 1994, abolished 2000

        Assert.False(info.InUse);
        Assert.Equal(2000, info.ChangedYear);
        Assert.Equal([421302], info.Successors);
        Assert.Null(info.Prefecture);
    }

    [Fact]
    public void Successors_keep_file_order_and_the_ones_at_change_are_marked()
    {
        RegionInfo info = Table.Find(130421)!; // 130404[2014];130402;130403, abolished 2016

        Assert.Equal([130404, 130402, 130403], info.Successors);
        Assert.Equal([130402, 130403], info.SuccessorsAtChange);
    }

    [Fact]
    public void Counties_in_use_of_a_province()
    {
        IReadOnlyList<RegionInfo> counties = Table.CountiesInUse(43);

        Assert.Equal(122, counties.Count);
        Assert.All(counties, c => Assert.True(c is { InUse: true, Level: RegionLevel.County } && c.Code / 10000 == 43));
        Assert.Contains(counties, c => c.Code == 430102);
        Assert.Equal(counties.OrderBy(c => c.Code).Select(c => c.Code), counties.Select(c => c.Code));
        Assert.Empty(Table.CountiesInUse(99));
    }

    [Fact]
    public void Prefecture_level_cities_without_counties_count_as_county_level_units()
    {
        IReadOnlyList<RegionInfo> guangdong = Table.CountiesInUse(44);

        Assert.Contains(guangdong, c => c.Code == 441900); // 东莞市
        Assert.Contains(guangdong, c => c.Code == 442000); // 中山市
        Assert.DoesNotContain(guangdong, c => c.Code == 440100); // 广州市 has districts
    }

    [Fact]
    public void Load_reads_a_table_with_history()
    {
        const string csv = """
            代码,一级行政区,二级行政区,名称,级别,状态,启用时间,变更/弃用时间,新代码
            430000,湖南省,,湖南省,省级,在用,1981,,
            430100,湖南省,长沙市,长沙市,地级,在用,1981,,
            430181,湖南省,长沙市,浏阳市,县级,在用,1993,,
            430182,湖南省,长沙市,宁乡市,县级,在用,2017,,
            430123,湖南省,长沙市,浏阳县,县级,弃用,1983,1993,430182[1990];430181
            430124,湖南省,长沙市,宁乡县,县级,弃用,1983,2017,430199
            """;

        RegionTable table = RegionTable.Load(new StringReader("\uFEFF" + csv));

        Assert.Equal(430181, table.ResolveForDispatch(430123).Code);
        Assert.Equal(new DispatchCounty(0, RegionNote.Abolished, 430124), table.ResolveForDispatch(430124));
        Assert.Equal("湖南省 长沙市 浏阳县", table.FullName(430123));
        Assert.Equal(2, table.CountiesInUse(43).Count);
    }

    [Theory]
    [InlineData("代码,名称\n110000,北京市")]                                                       // columns missing
    [InlineData("代码,一级行政区,二级行政区,名称,级别,状态,启用时间,变更/弃用时间,新代码\n11000,北京市,,北京市,省级,在用,1981,,")]
    [InlineData("代码,一级行政区,二级行政区,名称,级别,状态,启用时间,变更/弃用时间,新代码\n110000,北京市,,北京市,国家级,在用,1981,,")]
    [InlineData("代码,一级行政区,二级行政区,名称,级别,状态,启用时间,变更/弃用时间,新代码\n110103,北京市,直辖,崇文区,县级,弃用,1981,2010,11010x")]
    public void Load_rejects_a_malformed_table(string csv)
    {
        Assert.Throws<FormatException>(() => RegionTable.Load(new StringReader(csv)));
    }

    private static IEnumerable<RegionInfo> AllCounties()
    {
        for (int province = 11; province <= 82; province++)
        {
            for (int code = province * 10000; code < (province + 1) * 10000; code++)
            {
                if (Table.Find(code) is { Level: RegionLevel.County, InUse: false } info)
                    yield return info;
            }
        }
    }
}
