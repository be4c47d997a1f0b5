namespace Pilot.Filing.Application;

/// <summary>What comes before an uploaded document's bytes: for which batch and sponsor, under which name.</summary>
/// <param name="FileName">The name the client gave, for display only; null when it gave none.</param>
internal sealed record DocumentToUpload(string BatchId, string SponsorOrgId, string? FileName);
