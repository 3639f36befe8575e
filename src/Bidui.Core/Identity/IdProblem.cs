namespace Bidui.Core.Identity;

/// <summary>Why a resident ID cell is not a valid ID (SPEC 2.1), in the spec's order of checking.</summary>
public enum IdProblem : byte
{
    None,
    Empty,
    ScientificNotation,
    Legacy15,
    WrongLength,
    IllegalCharacter,
    InvalidRegion,
    InvalidBirthDate,
    WrongCheckCharacter,
}
