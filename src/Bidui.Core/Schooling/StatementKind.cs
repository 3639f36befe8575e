namespace Bidui.Core.Schooling;

/// <summary>What a 在校生状况 cell says (SPEC 4.4).</summary>
public enum StatementKind : byte
{
    NoReason,
    NotInSchool,
    InSchool,
}
