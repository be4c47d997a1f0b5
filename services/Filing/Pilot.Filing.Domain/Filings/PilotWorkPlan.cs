namespace Pilot.Filing.Domain.Filings;

/// <summary>Where a branch stands with the pilot work plan that fixes it (三.2), as far as R5 asks.</summary>
public enum PilotWorkPlan
{
    /// <summary>No sponsor of the branch's organisation has handed in its material package for the batch.</summary>
    NotReceived,

    /// <summary>A package was handed in, but the branch list of its version in force does not name the branch.</summary>
    ReceivedWithoutBranch,

    /// <summary>The version in force of a sponsor's package names the branch.</summary>
    NamesBranch,
}
