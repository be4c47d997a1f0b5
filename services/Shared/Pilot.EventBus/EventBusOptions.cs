namespace Pilot.EventBus;

/// <summary>Settings bound from the <c>EventBus</c> configuration section.</summary>
public sealed class EventBusOptions
{
    public const string SectionName = "EventBus";

    /// <summary>The CloudEvents <c>source</c>, the consumer group and the prefix of the service's own keys.</summary>
    public string AppId { get; set; } = "";

    /// <summary>Chosen from the environment by default: Dapr when daprd's gRPC address is set.</summary>
    public EventBusTransport Transport { get; set; } = EventBusTransport.RedisStreams;

    public string PubsubName { get; set; } = "pubsub";

    /// <summary>
    /// Under Dapr: the token daprd sends in <c>dapr-api-token</c> on every call to the app (its <c>APP_API_TOKEN</c>).
    /// Read from the <c>APP_API_TOKEN</c> environment variable by default. Without one, the event routes refuse every
    /// call: they bypass the services' JWT authentication, so only daprd may reach them.
    /// </summary>
    public string? AppApiToken { get; set; }

    /// <summary>
    /// Approximate MAXLEN for topic and dead-letter streams: about a million entries, so a service's change stream
    /// (its topic) has a stated bound rather than growing for ever; trimming drops the oldest, which every subscriber
    /// has long handled unless it was down for about a million events. Null keeps every entry, as daprd does.
    /// </summary>
    public long? StreamMaxLength { get; set; } = DefaultStreamMaxLength;

    public const long DefaultStreamMaxLength = 1_000_000;

    /// <summary>Unique per process so that a crashed instance's pending messages can be told apart and reclaimed.</summary>
    public string ConsumerName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    public int ReadBatchSize { get; set; } = 100;

    /// <summary>How long one XREADGROUP waits for new entries; also bounds how late a shutdown or reclaim check runs.</summary>
    public TimeSpan ReadBlockTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages of one batch handled at the same time. 1 keeps the topic's order.</summary>
    public int HandlerConcurrency { get; set; } = 1;

    /// <summary>
    /// Commit the handlers' writes, dedupe markers and XACKs of a whole read batch in one transaction
    /// (one marker lookup and one commit per batch instead of per event). Handlers then see the state
    /// as it was before the batch, so turn it on only where no handler reads what an earlier event of
    /// the same batch writes (blind writes: HSET of the event's own record, INCRBY, SADD). Any failure
    /// or a lost race falls back to one event at a time, so nothing is lost or done twice.
    /// </summary>
    public bool CommitInBatches { get; set; }

    /// <summary>A pending message idle this long is taken to be abandoned and is claimed again.</summary>
    public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Each further delivery waits this much longer than the one before (exponential backoff).</summary>
    public double RetryBackoffMultiplier { get; set; } = 2.0;

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Deliveries before a message is moved to the dead-letter topic.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>How long handled event ids are remembered; redeliveries older than this are not recognised.</summary>
    public TimeSpan DedupeRetention { get; set; } = TimeSpan.FromDays(7);

    public int RelayBatchSize { get; set; } = 100;

    /// <summary>The relay is woken by local commits; the poll picks up entries left by a crashed process.</summary>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromSeconds(10);

    public long OutboxDepthDegradedThreshold { get; set; } = 1_000;

    /// <summary>Lag (entries not yet read) plus pending (read, not acknowledged) per topic.</summary>
    public long ConsumerBacklogDegradedThreshold { get; set; } = 1_000;

    /// <summary>The wait before a delivery numbered <paramref name="deliveryCount"/> (1-based) may be retried.</summary>
    public TimeSpan RetryDelayAfter(long deliveryCount)
    {
        var factor = Math.Pow(RetryBackoffMultiplier, Math.Max(0, deliveryCount - 1));
        var delay = TimeSpan.FromMilliseconds(ProcessingTimeout.TotalMilliseconds * factor);
        var cap = MaxRetryDelay > ProcessingTimeout ? MaxRetryDelay : ProcessingTimeout;
        return delay > cap ? cap : delay;
    }
}
