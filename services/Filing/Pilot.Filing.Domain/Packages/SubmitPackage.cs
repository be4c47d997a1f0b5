namespace Pilot.Filing.Domain.Packages;

/// <summary>Hand in (or replace) the material package of <paramref name="SponsorOrgId"/> for a batch.</summary>
/// <param name="RequestId">Client's idempotency key; storage answers retries, the domain copies it into events.</param>
/// <param name="BatchId">The batch.</param>
/// <param name="SponsorOrgId">The department or industry organisation; must be the caller.</param>
/// <param name="ExpectedVersion">Versions the client has seen: 0 for a first hand-in, else the latest version number.</param>
/// <param name="Documents">The documents, each with its stored file and declared contents.</param>
/// <param name="LetterDate">Date on the covering letter (函告), if the client records it.</param>
public sealed record SubmitPackage(
    string RequestId,
    string BatchId,
    string SponsorOrgId,
    long ExpectedVersion,
    IReadOnlyList<PackageDocument> Documents,
    DateOnly? LetterDate = null);
