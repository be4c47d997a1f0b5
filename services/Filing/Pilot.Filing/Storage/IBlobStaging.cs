namespace Pilot.Filing.Storage;

/// <summary>
/// Bytes of one upload, written but not yet stored under their hash. Disposing before commit discards
/// them; disposing after commit only releases resources.
/// </summary>
internal interface IBlobStaging : IAsyncDisposable
{
    /// <summary>Readable, writable and seekable, so the format can be checked before commit.</summary>
    Stream Content { get; }

    /// <summary>
    /// Stores the staged bytes under <paramref name="sha256"/> atomically. When a blob with that hash
    /// already exists the staged copy is dropped: same hash, same bytes.
    /// </summary>
    Task CommitAsync(string sha256, CancellationToken cancellationToken = default);
}
