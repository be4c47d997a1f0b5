namespace Pilot.Samples.InfoPlatform.SidecarStandIn;

/// <summary>
/// Settings of the sidecar stand-in (section <c>InfoPlatform:StandIn</c>). The defaults follow the repository's
/// <c>dapr/components/pubsub.yaml</c> and <c>dapr/resiliency.yaml</c>, so the stand-in behaves like daprd there.
/// </summary>
public sealed class StandInOptions
{
    public const string Section = "InfoPlatform:StandIn";

    /// <summary>Null: on exactly when no daprd is configured (DAPR_HTTP_PORT and DAPR_GRPC_PORT unset).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The Dapr component the stand-in plays: only subscriptions to this pubsub are served.</summary>
    public string PubsubName { get; set; } = "pubsub";

    /// <summary>The app's own address (daprd's --app-port); default: the first address the server listens on.</summary>
    public Uri? AppUrl { get; set; }

    /// <summary>The consumer within the group; default machine name and process id.</summary>
    public string? ConsumerName { get; set; }

    /// <summary>XREADGROUP COUNT / BLOCK.</summary>
    public int ReadBatchSize { get; set; } = 50;

    public TimeSpan ReadBlockTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often entries left pending by another (dead) consumer are looked for with XAUTOCLAIM.</summary>
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an entry must have been pending before another consumer takes it over (processingTimeout).</summary>
    public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Backoff between deliveries of an entry answered RETRY or failed: doubles from this…</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>…up to this.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries before an entry goes to the subscription's dead-letter topic.</summary>
    public int MaxDeliveryAttempts { get; set; } = 6;

    /// <summary>Timeout of one POST to the app (resiliency's handler timeout).</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryDelay(int deliveries)
    {
        var delay = InitialRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, deliveries - 1));
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxRetryDelay.TotalMilliseconds));
    }
}
