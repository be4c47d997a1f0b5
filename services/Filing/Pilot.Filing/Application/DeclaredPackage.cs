namespace Pilot.Filing.Application;

/// <summary>
/// A material package as its sponsor hands it in, each document named by the SHA-256 its upload returned. This is
/// what a repeat of the request id must match; the command resolves the documents to the stored files.
/// </summary>
internal sealed record DeclaredPackage(
    string RequestId,
    string BatchId,
    string SponsorOrgId,
    long ExpectedVersion,
    IReadOnlyList<DeclaredDocument> Documents,
    IReadOnlyList<string> BranchIds,
    DateOnly? LetterDate);

/// <summary>One document of a <see cref="DeclaredPackage"/>: its checklist id, its upload, and what it declares to contain.</summary>
internal sealed record DeclaredDocument(string DocumentId, string Sha256, IReadOnlyList<string> Sections, IReadOnlyList<string> Regulations);
