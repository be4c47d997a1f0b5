namespace Pilot.Filing.Domain.Packages;

/// <summary>Hand in (or replace) the material package of <paramref name="SponsorOrgId"/> for a batch.</summary>
/// <param name="RequestId">Client's idempotency key; storage answers retries, the domain copies it into events.</param>
/// <param name="BatchId">The batch.</param>
/// <param name="SponsorOrgId">The department or industry organisation; must be the caller.</param>
/// <param name="ExpectedVersion">Versions the client has seen: 0 for a first hand-in, else the latest version number.</param>
/// <param name="Documents">The documents, each with its stored file and declared contents.</param>
/// <param name="BranchIds">
/// The branches the package names: a department's letter lists the branches of the organisations it recommends, an
/// industry organisation lists its own (document 2). Only branches named here may file locally (R5).
/// </param>
/// <param name="LetterDate">Date on the covering letter (函告), if the client records it.</param>
public sealed record SubmitPackage(
    string RequestId,
    string BatchId,
    string SponsorOrgId,
    long ExpectedVersion,
    IReadOnlyList<PackageDocument> Documents,
    IReadOnlyList<string> BranchIds,
    DateOnly? LetterDate = null);
