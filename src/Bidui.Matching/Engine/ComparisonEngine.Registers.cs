using Bidui.Core.Identity;
using Bidui.Matching.Categories;
using Bidui.Matching.Records;
using Bidui.Matching.Support;

namespace Bidui.Matching.Engine;

/// <summary>The other eligibility registers (SPEC §1.4): which registers each key is in, and their rows' findings.</summary>
public sealed partial class ComparisonEngine
{
    // Key → one bit per register (at most 32 registers). Fed from the aid thread, read only in Finish.
    private readonly Dictionary<long, uint> _registerKeys = [];
    private readonly List<ResultRow> _registerInvalid = [];
    private readonly List<RejectedRow> _registerRejects = [];
    private CountyLocator? _registerCounties;

    /// <summary>At most this many registers: a key's registers are one bit each.</summary>
    public const int MaxRegisters = 32;

    /// <summary>
    /// Adds one non-blank row of register <paramref name="register"/> (its index in
    /// <see cref="ComparisonSettings.Registers"/>); false when it was rejected (SPEC §5). Like aid, registers
    /// touch nothing of the others until Finish: they may be fed from the aid's thread, alongside the
    /// register and the registry.
    /// </summary>
    public bool AddRegister(int register, in RegisterCells c)
    {
        RequirePhase(Phase.Others, "The eligibility registers");
        string label = _settings.Registers[register];
        if (c.Name.IsWhiteSpace() && c.IdNumber.IsWhiteSpace())
        {
            _registerRejects.Add(new RejectedRow(Dataset.Register, c.RowNumber, "姓名和证件号码均为空", label, register));
            return false;
        }

        var id = ParseId(c.IdType, c.IdNumber, c.ParsedResidentId);
        if (id.Key != 0)
            _registerKeys[id.Key] = _registerKeys.GetValueOrDefault(id.Key) | (1u << register);
        if (id.IsResident && id.Problem != IdProblem.None)
        {
            // Its own locator: the registry's thread uses the engine's at the same time.
            var counties = _registerCounties ??= new CountyLocator(_regions);
            int county = CountyLocator.ParseCode(c.CountyCode);
            if (county == 0)
                county = counties.FromNames(c.ProvinceName, c.PrefectureName, c.CountyName);
            var dispatch = counties.Dispatch(county);
            var record = new RegisterRecord
            {
                Row = c.RowNumber, Key = id.Key, Name = c.Name.Trim().ToString(), IdGiven = IdGiven(id, c.IdNumber), IdProblem = id.Problem,
                Label = label, Index = register, Kind = c.Kind.Trim().ToString(),
                CountyCode = county, Dispatch = dispatch,
            };
            _registerInvalid.Add(new ResultRow
            {
                Category = Category.InvalidId, Source = Dataset.Register, SourceRow = c.RowNumber, Reason = id.Problem.ToChinese(),
                Register = record, Responsible = dispatch, Note = RegionNote(dispatch),
            });
        }
        return true;
    }

    /// <summary>
    /// Aid coverage per register (docs/SPEC-DECISIONS.md): each register key enrolled in an aid stage counts once
    /// per register it is in, under its enrolment's school county, and as aided when any aid row has the key.
    /// </summary>
    private void FinishRegisterCoverage()
    {
        if (!_settings.HasAid)
            return;
        foreach (var (key, bits) in _registerKeys)
        {
            if (!_enrolledKeys.TryGetFirst(key, out int entry))
                continue;
            var enrolment = EnrolmentOf(entry);
            if (!_settings.AidStages.Contains(enrolment.Stage))
                continue;
            bool aided = _aidKeys.Contains(key);
            for (uint rest = bits; rest != 0; rest &= rest - 1)
            {
                var coverage = _personFunds.RegisterCoverageOf(enrolment.School.Dispatch.Code, System.Numerics.BitOperations.TrailingZeroCount(rest));
                coverage.Enrolled++;
                if (aided)
                    coverage.Aided++;
            }
        }
    }

    /// <summary>The registers a key is in, one bit each; 0 for none (or no key).</summary>
    private uint RegistersOf(long key) => key != 0 && _registerKeys.TryGetValue(key, out uint bits) ? bits : 0;
}
