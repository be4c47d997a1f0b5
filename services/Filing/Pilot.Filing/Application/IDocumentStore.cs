using Pilot.Filing.Domain.Files;

namespace Pilot.Filing.Application;

/// <summary>Where uploaded documents are kept, each under the SHA-256 of its bytes once its size and format are checked.</summary>
internal interface IDocumentStore
{
    /// <summary>
    /// Stores the file that <paramref name="content"/> delivers chunk by chunk. Refused as Invalid, naming
    /// <paramref name="field"/>, once it passes the size limit (nothing is kept) and when it is empty or not a PDF,
    /// Word or OFD document.
    /// </summary>
    Task<DocumentFile> StoreAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> content, string? fileName, string field, CancellationToken cancellationToken);
}
