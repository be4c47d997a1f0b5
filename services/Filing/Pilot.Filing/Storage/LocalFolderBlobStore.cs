using Pilot.Filing.Domain.Files;

namespace Pilot.Filing.Storage;

/// <summary>
/// Blobs as files under one folder: <c>{root}/{first two hex digits}/{sha256}</c>. Staging files live in
/// <c>{root}/.staging</c>, on the same volume, so that the final move is an atomic rename.
/// </summary>
internal sealed class LocalFolderBlobStore : IBlobStore
{
    private readonly string root;
    private readonly string stagingFolder;

    public LocalFolderBlobStore(string rootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        root = Path.GetFullPath(rootPath);
        stagingFolder = Path.Combine(root, ".staging");
    }

    public Task<IBlobStaging> BeginStagingAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(stagingFolder);
        var path = Path.Combine(stagingFolder, Guid.NewGuid().ToString("N"));
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
        return Task.FromResult<IBlobStaging>(new Staging(this, path, stream));
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(sha256)));

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(sha256);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    /// <summary>Where the blob with <paramref name="sha256"/> lives; the hash is checked so it cannot escape the root.</summary>
    public string PathOf(string sha256)
    {
        if (!Sha256Hex.IsValid(sha256))
        {
            throw new ArgumentException("a blob is named by 64 lower-case hex digits", nameof(sha256));
        }

        return Path.Combine(root, sha256[..2], sha256);
    }

    private sealed class Staging(LocalFolderBlobStore store, string path, FileStream stream) : IBlobStaging
    {
        private bool closed;

        public Stream Content => stream;

        public async Task CommitAsync(string sha256, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(closed, this);
            var target = store.PathOf(sha256);
            await stream.FlushAsync(cancellationToken);
            await stream.DisposeAsync();
            closed = true;

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Move(path, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Someone stored the same bytes first, possibly at the same moment; theirs is as good as ours.
                File.Delete(path);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (closed)
            {
                return;
            }

            closed = true;
            await stream.DisposeAsync();
            File.Delete(path);
        }
    }
}
