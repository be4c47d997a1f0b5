namespace Pilot.Registry.Domain.Commands;

/// <summary>Adds a branch under an organisation for a batch. Field paths: <c>batch_id</c>, <c>organisation_id</c>, <c>branch.*</c>.</summary>
public sealed record AddBranch(string RequestId, string BatchId, string OrganisationId, BranchDraft Branch);
