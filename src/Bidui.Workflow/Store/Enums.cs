namespace Bidui.Workflow.Store;

public enum Role
{
    ProvinceAdmin = 1,
    CountyEducation = 2,
    CountyRural = 3,
    SchoolAid = 4,
    Auditor = 5,
    /// <summary>乡镇: a township of a county; does the home visits of the dropout cases the county dispatches to it.</summary>
    Township = 6,
    /// <summary>村: a village of a township; sees its village's cases (the township answers for them).</summary>
    Village = 7,
}

public enum RoundState
{
    /// <summary>Created; files may be uploaded and the comparison run.</summary>
    Draft = 0,
    Running = 1,
    /// <summary>Compared and imported: cases exist; the round is fixed (it may still be withdrawn).</summary>
    Done = 2,
    /// <summary>Compared; the administrator confirms the counties it covers before any case is written.</summary>
    AwaitingConfirmation = 3,
    /// <summary>Cases are being written in batches; none is visible until the round is Done.</summary>
    Importing = 4,
    /// <summary>Withdrawn by the administrator: its cases are removed, the cases it resolved reopened.</summary>
    Withdrawn = 5,
}

/// <summary>Who verifies a case (SPEC §4 "who acts").</summary>
public enum Unit
{
    Education = 1,
    Rural = 2,
    School = 3,
    /// <summary>The township the county education office dispatched a dropout case to (home visit).</summary>
    Township = 4,
}

public enum CaseState
{
    Open = 0,
    Submitted = 1,
    Returned = 2,
    Closed = 3,
}

/// <summary>How a case relates to the previous round.</summary>
public enum Linkage
{
    New = 0,
    Persisting = 1,
    /// <summary>The previous round's case was closed, yet the person is listed again.</summary>
    Reappeared = 2,
}
