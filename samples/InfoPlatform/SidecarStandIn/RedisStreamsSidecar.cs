using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Pilot.Samples.InfoPlatform.SidecarStandIn;

/// <summary>
/// Plays daprd's part for the app's subscriptions when no daprd runs: reads <c>/dapr/subscribe</c>, reads each
/// subscribed topic's Redis stream in Dapr's <c>pubsub.redis</c> layout with a consumer group named after the app id,
/// POSTs each CloudEvent to its route as <c>application/cloudevents+json</c>, and honours the answer:
/// SUCCESS → XACK; DROP → XACK and a warning; RETRY, a non-2xx answer or no answer → delivered again after a
/// backoff, and after <see cref="StandInOptions.MaxDeliveryAttempts"/> moved to the dead-letter topic (XADD + XACK in
/// one transaction); 404 → dropped, as daprd does. Entries left pending by a consumer that died are taken over with
/// XAUTOCLAIM once idle longer than <see cref="StandInOptions.ProcessingTimeout"/>.
/// <para>Nothing in the app depends on this class: under a real sidecar it is not registered at all.</para>
/// </summary>
public sealed partial class RedisStreamsSidecar(
    Microsoft.AspNetCore.Hosting.Server.IServer server,
    IHostApplicationLifetime lifetime,
    IConnectionMultiplexer redis,
    IHttpClientFactory clients,
    IOptions<StandInOptions> options,
    StandInIdentity identity,
    TimeProvider time,
    ILogger<RedisStreamsSidecar> logger) : BackgroundService
{
    public const string HttpClientName = "sidecar-stand-in";

    private readonly Dictionary<(string Topic, string Id), PendingRetry> _retries = [];
    private readonly TaskCompletionSource<IReadOnlyList<DaprSubscription>> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StandInOptions Options => options.Value;

    /// <summary>Completes with the subscriptions served once the consumer groups exist and reading has begun.</summary>
    public Task<IReadOnlyList<DaprSubscription>> Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever was read and not answered stays pending, and is taken over later.
        }
        finally
        {
            _listening.TrySetCanceled(CancellationToken.None);
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        await WaitForAppStartedAsync(stoppingToken);
        var app = clients.CreateClient(HttpClientName);
        app.BaseAddress = AppAddress();
        app.Timeout = Timeout.InfiniteTimeSpan;

        var subscriptions = (await ReadSubscriptionsAsync(app, stoppingToken))
            .Where(s => string.Equals(s.PubsubName, Options.PubsubName, StringComparison.Ordinal))
            .GroupBy(s => s.Topic, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToDictionary(s => s.Topic, StringComparer.Ordinal);
        if (subscriptions.Count == 0)
        {
            logger.LogWarning("The app subscribes to no topic of pubsub {Pubsub}; the sidecar stand-in has nothing to do", Options.PubsubName);
            _listening.TrySetResult([]);
            return;
        }

        await using var reader = await ConnectReaderAsync();
        await EnsureGroupsAsync(subscriptions.Keys, stoppingToken);
        var served = string.Join(", ", subscriptions.Values.Select(s => $"{s.Topic} → {s.Route}"));
        LogListening(logger, identity.AppId, identity.ConsumerName, served);
        _listening.TrySetResult([.. subscriptions.Values]);

        var nextClaim = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() >= nextClaim)
                {
                    await ClaimAbandonedAsync(app, subscriptions, stoppingToken);
                    nextClaim = time.GetUtcNow() + Options.ClaimInterval;
                }

                await RedeliverDueAsync(app, subscriptions, stoppingToken);
                foreach (var message in await ReadNewAsync(reader, subscriptions.Keys, BlockTime(nextClaim)))
                {
                    await DeliverAsync(app, subscriptions[message.Topic], message, deliveries: 1, stoppingToken);
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Redis failed under the sidecar stand-in; trying again in a second");
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Anything else: what was read and not answered stays pending (taken over again after ProcessingTimeout); the
                // loop, and with it the host, goes on.
                logger.LogError(e, "The sidecar stand-in failed; reading again in a second");
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    private async Task WaitForAppStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }

    /// <summary>The app's own address, as daprd knows it from --app-port.</summary>
    private Uri AppAddress()
    {
        if (Options.AppUrl is { } configured)
        {
            return configured;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => new Uri(a.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)))
            .OrderBy(a => a.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"The server listens on no address; set {StandInOptions.Section}:AppUrl.");
        var host = address.Host is "0.0.0.0" or "[::]" or "::" ? "127.0.0.1" : address.Host;
        return new UriBuilder(address) { Host = host, Path = "/" }.Uri;
    }

    private async Task<IReadOnlyList<DaprSubscription>> ReadSubscriptionsAsync(HttpClient app, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "dapr/subscribe");
                identity.AddApiToken(request);
                using var response = await app.SendAsync(request, stoppingToken);
                response.EnsureSuccessStatusCode();
                return DaprSubscriptions.Parse(await response.Content.ReadAsStringAsync(stoppingToken));
            }
            catch (Exception e) when (e is HttpRequestException or JsonException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "GET /dapr/subscribe failed (attempt {Attempt}); asking again", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, attempt)), time, stoppingToken);
            }
        }
    }

    /// <summary>A connection of its own for XREADGROUP … BLOCK, which holds its connection while it waits.</summary>
    private async Task<ConnectionMultiplexer> ConnectReaderAsync()
    {
        var configuration = ConfigurationOptions.Parse(redis.Configuration);
        configuration.ClientName = identity.AppId + "-standin-reader";
        configuration.AbortOnConnectFail = false;
        var timeout = (int)(Options.ReadBlockTime + TimeSpan.FromSeconds(5)).TotalMilliseconds;
        configuration.AsyncTimeout = Math.Max(configuration.AsyncTimeout, timeout);
        configuration.SyncTimeout = Math.Max(configuration.SyncTimeout, timeout);
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    }

    /// <summary><c>XGROUP CREATE &lt;topic&gt; &lt;appId&gt; 0 MKSTREAM</c>; BUSYGROUP (it exists) is fine.</summary>
    private async Task EnsureGroupsAsync(IEnumerable<string> topics, CancellationToken stoppingToken)
    {
        foreach (var topic in topics)
        {
            while (true)
            {
                try
                {
                    await redis.GetDatabase().StreamCreateConsumerGroupAsync(topic, identity.AppId, StreamPosition.Beginning, createStream: true);
                    break;
                }
                catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
                {
                    break;
                }
                catch (Exception e) when (e is RedisException or TimeoutException && !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Could not create consumer group {Group} on {Topic}; trying again", identity.AppId, topic);
                    await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                }
            }
        }
    }

    // Block no longer than until the next retry or claim is due, so neither waits on a quiet topic.
    private TimeSpan BlockTime(DateTimeOffset nextClaim)
    {
        var until = _retries.Count == 0 ? nextClaim : new[] { nextClaim, _retries.Values.Min(r => r.DueAt) }.Min();
        var wait = until - time.GetUtcNow();
        return wait < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : wait > Options.ReadBlockTime ? Options.ReadBlockTime : wait;
    }

    private async Task<IReadOnlyList<StreamMessage>> ReadNewAsync(ConnectionMultiplexer reader, IEnumerable<string> topics, TimeSpan block)
    {
        var names = topics.ToList();
        var args = new List<object>
        {
            "GROUP", identity.AppId, identity.ConsumerName,
            "COUNT", Options.ReadBatchSize,
            "BLOCK", (long)block.TotalMilliseconds,
            "STREAMS",
        };
        args.AddRange(names);
        args.AddRange(names.Select(_ => (object)">"));
        var result = await reader.GetDatabase().ExecuteAsync("XREADGROUP", args);
        if (result.IsNull)
        {
            return [];
        }

        var messages = new List<StreamMessage>();
        foreach (var stream in (RedisResult[])result!)
        {
            var parts = (RedisResult[])stream!;
            var topic = parts[0].ToString();
            foreach (var entry in (RedisResult[])parts[1]!)
            {
                var fields = (RedisResult[])entry!;
                messages.Add(new StreamMessage(topic, fields[0].ToString(), DataField(fields[1].IsNull ? [] : (RedisResult[])fields[1]!)));
            }
        }

        return messages;
    }

    private static string? DataField(RedisResult[] fields)
    {
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            if (fields[i].ToString() == "data")
            {
                return fields[i + 1].ToString();
            }
        }

        return null;
    }

    private static StreamMessage Message(string topic, StreamEntry entry) =>
        new(topic, entry.Id.ToString(), entry.IsNull ? null : entry["data"] is { IsNull: false } data ? data.ToString() : null);

    private async Task RedeliverDueAsync(HttpClient app, Dictionary<string, DaprSubscription> subscriptions, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        foreach (var retry in _retries.Values.Where(r => r.DueAt <= now).OrderBy(r => r.DueAt).ToList())
        {
            _retries.Remove((retry.Topic, retry.Id));
            // XCLAIM to ourselves only if no one else took it meanwhile (their claim would have reset its idle time).
            var minIdle = Math.Max(0, (long)Options.RetryDelay(retry.Deliveries).TotalMilliseconds - 100);
            var claimed = await redis.GetDatabase().StreamClaimAsync(retry.Topic, identity.AppId, identity.ConsumerName, minIdle, [retry.Id]);
            if (claimed.Length == 1)
            {
                await DeliverAsync(app, subscriptions[retry.Topic], Message(retry.Topic, claimed[0]), retry.Deliveries + 1, stoppingToken);
            }
        }
    }

    /// <summary>Takes over what a consumer that died left pending (XAUTOCLAIM … minIdle = processing timeout).</summary>
    private async Task ClaimAbandonedAsync(HttpClient app, Dictionary<string, DaprSubscription> subscriptions, CancellationToken stoppingToken)
    {
        var db = redis.GetDatabase();
        foreach (var subscription in subscriptions.Values)
        {
            RedisValue start = "0-0";
            do
            {
                var claim = await db.StreamAutoClaimAsync(
                    subscription.Topic, identity.AppId, identity.ConsumerName, (long)Options.ProcessingTimeout.TotalMilliseconds, start, Options.ReadBatchSize);
                foreach (var entry in claim.ClaimedEntries)
                {
                    if (_retries.ContainsKey((subscription.Topic, entry.Id.ToString())))
                    {
                        continue; // ours, waiting for its backoff
                    }

                    var pending = await db.StreamPendingMessagesAsync(subscription.Topic, identity.AppId, 1, identity.ConsumerName, entry.Id, entry.Id);
                    var deliveries = pending.Length == 1 ? pending[0].DeliveryCount : 1;
                    var id = entry.Id.ToString();
                    LogTakenOver(logger, subscription.Topic, id, deliveries);
                    await DeliverAsync(app, subscription, Message(subscription.Topic, entry), deliveries, stoppingToken);
                }

                foreach (var deleted in claim.DeletedIds)
                {
                    // Trimmed from the stream while pending: nothing to deliver, XAUTOCLAIM already removed it.
                    logger.LogWarning("{Topic} entry {Id} was pending but no longer exists", subscription.Topic, deleted);
                }

                start = claim.NextStartId;
            }
            while (start != "0-0" && !stoppingToken.IsCancellationRequested);
        }
    }

    private async Task DeliverAsync(HttpClient app, DaprSubscription subscription, StreamMessage message, int deliveries, CancellationToken stoppingToken)
    {
        if (message.Data is null)
        {
            await DeadLetterAsync(subscription, message, deliveries, "the entry has no data field");
            return;
        }

        var (answer, detail) = await PostAsync(app, subscription, message.Data, stoppingToken);
        var db = redis.GetDatabase();
        switch (answer)
        {
            case Answer.Success:
                await db.StreamAcknowledgeAsync(subscription.Topic, identity.AppId, message.Id);
                break;
            case Answer.Drop:
                logger.LogWarning("{Route} dropped {Topic} entry {Id} ({Detail}); acknowledged without handling", subscription.Route, subscription.Topic, message.Id, detail);
                await db.StreamAcknowledgeAsync(subscription.Topic, identity.AppId, message.Id);
                break;
            default:
                if (deliveries >= Options.MaxDeliveryAttempts)
                {
                    await DeadLetterAsync(subscription, message, deliveries, detail);
                }
                else
                {
                    var delay = Options.RetryDelay(deliveries);
                    LogRetryLater(logger, subscription.Topic, message.Id, detail, deliveries + 1, delay);
                    _retries[(subscription.Topic, message.Id)] = new PendingRetry(subscription.Topic, message.Id, deliveries, time.GetUtcNow() + delay);
                }

                break;
        }
    }

    private async Task<(Answer Answer, string Detail)> PostAsync(HttpClient app, DaprSubscription subscription, string cloudEvent, CancellationToken stoppingToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Route.TrimStart('/'))
        {
            Content = new StringContent(cloudEvent, Encoding.UTF8, "application/cloudevents+json"),
        };
        identity.AddApiToken(request);
        AddTraceContext(request, cloudEvent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(Options.DeliveryTimeout);
        try
        {
            using var response = await app.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return (Answer.Drop, "404 from the route");
            }

            if (!response.IsSuccessStatusCode)
            {
                return (Answer.Retry, $"HTTP {(int)response.StatusCode}");
            }

            if (string.IsNullOrWhiteSpace(body))
            {
                return (Answer.Success, "empty answer");
            }

            using var json = JsonDocument.Parse(body);
            var status = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("status", out var s) ? s.GetString() : null;
            return status?.ToUpperInvariant() switch
            {
                "SUCCESS" or null => (Answer.Success, "SUCCESS"),
                "DROP" => (Answer.Drop, "DROP"),
                "RETRY" => (Answer.Retry, "RETRY"),
                _ => (Answer.Retry, $"unknown status '{status}'"),
            };
        }
        catch (JsonException)
        {
            return (Answer.Retry, "the answer is not JSON");
        }
        catch (HttpRequestException e)
        {
            return (Answer.Retry, e.Message);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return (Answer.Retry, $"no answer within {Options.DeliveryTimeout}");
        }
    }

    private static void AddTraceContext(HttpRequestMessage request, string cloudEvent)
    {
        try
        {
            using var envelope = JsonDocument.Parse(cloudEvent);
            foreach (var name in new[] { "traceparent", "tracestate" })
            {
                if (envelope.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
                {
                    request.Headers.TryAddWithoutValidation(name, text);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the route will say what it makes of it.
        }
    }

    /// <summary>Moves an entry to the subscription's dead-letter topic and acknowledges it, in one transaction.</summary>
    private async Task DeadLetterAsync(DaprSubscription subscription, StreamMessage message, int deliveries, string error)
    {
        var db = redis.GetDatabase();
        if (subscription.DeadLetterTopic is null)
        {
            logger.LogError("{Topic} entry {Id} given up after {Deliveries} deliveries ({Error}); no dead-letter topic, acknowledged", subscription.Topic, message.Id, deliveries, error);
            await db.StreamAcknowledgeAsync(subscription.Topic, identity.AppId, message.Id);
            return;
        }

        var transaction = db.CreateTransaction();
        _ = transaction.StreamAddAsync(subscription.DeadLetterTopic,
        [
            new NameValueEntry("data", message.Data ?? string.Empty),
            new NameValueEntry("error", error),
            new NameValueEntry("attempts", deliveries.ToString(CultureInfo.InvariantCulture)),
            new NameValueEntry("originalid", message.Id),
            new NameValueEntry("appid", identity.AppId),
        ]);
        _ = transaction.StreamAcknowledgeAsync(subscription.Topic, identity.AppId, message.Id);
        await transaction.ExecuteAsync();
        logger.LogError("{Topic} entry {Id} moved to {DeadLetterTopic} after {Deliveries} deliveries: {Error}", subscription.Topic, message.Id, subscription.DeadLetterTopic, deliveries, error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sidecar stand-in for app {AppId} (consumer {Consumer}) delivers {Subscriptions}")]
    private static partial void LogListening(ILogger logger, string appId, string consumer, string subscriptions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Took over {Topic} entry {Id}, left pending by another consumer (delivery {Deliveries})")]
    private static partial void LogTakenOver(ILogger logger, string topic, string id, int deliveries);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Topic} entry {Id} not handled ({Detail}); delivery {Next} in {Delay}")]
    private static partial void LogRetryLater(ILogger logger, string topic, string id, string detail, int next, TimeSpan delay);

    private enum Answer
    {
        Success,
        Retry,
        Drop,
    }

    private sealed record StreamMessage(string Topic, string Id, string? Data);

    private sealed record PendingRetry(string Topic, string Id, int Deliveries, DateTimeOffset DueAt);
}
