namespace Bidui.Core.Regions;

public sealed class RegionTable
{
    public static RegionTable Default => throw new NotImplementedException();

    public static RegionTable Load(TextReader csv) => throw new NotImplementedException();

    public RegionInfo? Find(int code) => throw new NotImplementedException();

    public DispatchCounty ResolveForDispatch(int code) => throw new NotImplementedException();

    public string FullName(int code) => throw new NotImplementedException();

    public string CountyName(int code) => throw new NotImplementedException();

    public string ProvinceName(int code) => throw new NotImplementedException();

    public string PrefectureName(int code) => throw new NotImplementedException();

    public IReadOnlyList<RegionInfo> CountiesInUse(int provinceCode2Digits) => throw new NotImplementedException();

    public static string NoteText(RegionNote note, int original, int successor) => throw new NotImplementedException();
}
