namespace Pilot.Filing.Storage;

/// <summary>
/// Content-addressed storage for uploaded documents. Writers stage bytes first and commit them under
/// their SHA-256 only when complete, so a half-written or refused upload is never visible.
/// </summary>
internal interface IBlobStore
{
    /// <summary>Starts a staging area for one upload; disposing it without commit discards the bytes.</summary>
    Task<IBlobStaging> BeginStagingAsync(CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Opens a stored blob for reading, or returns null when no blob has that hash.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default);
}
