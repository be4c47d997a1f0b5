using Pilot.SharedKernel.Files;

namespace Pilot.Filing.Domain.Files;

/// <summary>A stored file, addressed by its content.</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes; the blob store's key.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="Kind">Format detected from the bytes.</param>
/// <param name="FileName">The name the client gave, kept for display only.</param>
public sealed record DocumentFile(string Sha256, long Size, FileKind Kind, string? FileName = null);
