using Pilot.Filing.Domain.Files;

namespace Pilot.Filing.Domain.Packages;

/// <summary>One document of a package: the stored file and what its author declares it contains.</summary>
/// <param name="DocumentId">Checklist id, e.g. <c>implementation-plan</c>.</param>
/// <param name="File">The uploaded file, as the upload stored it.</param>
/// <param name="Sections">Section ids the document declares to cover.</param>
/// <param name="Regulations">Regulation ids the document declares to include.</param>
public sealed record PackageDocument(
    string DocumentId,
    DocumentFile File,
    IReadOnlyList<string> Sections,
    IReadOnlyList<string> Regulations);
