namespace Pilot.Filing.Domain.Files;

/// <summary>How large one uploaded document may be.</summary>
public sealed record UploadLimits
{
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    public UploadLimits(long maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        MaxBytes = maxBytes;
    }

    public static UploadLimits Default { get; } = new();

    public long MaxBytes { get; }

    /// <summary>The limit as people say it, e.g. "50 MB".</summary>
    public string Describe() =>
        MaxBytes % (1024 * 1024) == 0 ? $"{MaxBytes / (1024 * 1024)} MB" : $"{MaxBytes} bytes";
}
