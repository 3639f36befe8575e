namespace Bidui.Core.Schooling;

public enum SchoolStage : byte
{
    None,
    Preschool,
    Primary,
    Junior,
    Senior,
    Vocational,
    HigherVocational,
    Higher,
    Other,
}
