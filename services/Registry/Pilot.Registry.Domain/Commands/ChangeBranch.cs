namespace Pilot.Registry.Domain.Commands;

/// <summary>
/// Replaces a branch's name, region, address, R1 facts and occupations; <c>branch.id</c> names it.
/// The credit code identifies the legal entity and cannot change.
/// </summary>
public sealed record ChangeBranch(string RequestId, BranchDraft Branch);
