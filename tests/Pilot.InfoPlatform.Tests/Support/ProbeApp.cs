using System.Collections.Concurrent;
using System.Text.Json;
using Dapr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pilot.Samples.InfoPlatform.SidecarStandIn;
using StackExchange.Redis;

namespace Pilot.InfoPlatform.Tests.Support;

/// <summary>One POST the stand-in made to the probe's route.</summary>
public sealed record Delivery(string EventId, string? ContentType, string? TraceParent, string? ApiToken, DateTimeOffset At);

/// <summary>
/// A subscriber of its own for the stand-in's tests: one Dapr route on <see cref="Topic"/> whose answer each event
/// scripts in its data (<c>{"answers":["RETRY","SUCCESS"]}</c>: the n-th delivery gets the n-th answer, the last
/// repeating; <c>500</c> and <c>404</c> answer with that status code).
/// </summary>
public sealed class ProbeApp : IAsyncDisposable
{
    public const string AppId = "probe";
    public const string Topic = "probe-events";
    public const string DeadLetterTopic = "probe-events-deadletter";

    private readonly WebApplication _app;
    private readonly ConnectionMultiplexer _redis;

    private ProbeApp(WebApplication app, ConnectionMultiplexer redis)
    {
        _app = app;
        _redis = redis;
    }

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public IReadOnlyList<Delivery> Of(string eventId) => [.. Deliveries.Where(d => d.EventId == eventId)];

    public static async Task<ProbeApp> StartAsync(TestDatabase database, params string[] settings)
    {
        var port = LoopbackPorts.ForImmediateUse();
        var builder = WebApplication.CreateBuilder([.. PlatformHost.StandInSettings(database, port), .. settings]);
        var redis = await ConnectionMultiplexer.ConnectAsync(database.ConnectionString);
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddSidecarStandIn(AppId);
        var app = builder.Build();
        var probe = new ProbeApp(app, redis);

        // What the stand-in posted, before the CloudEvents middleware replaces the content type with the data's.
        app.Use((context, next) =>
        {
            context.Items["posted-content-type"] = context.Request.ContentType;
            return next(context);
        });
        app.UseCloudEvents(new CloudEventsMiddlewareOptions { ForwardCloudEventPropertiesAsHeaders = true });
        app.MapSubscribeHandler();
        app.MapPost("/probe", async (HttpContext context) =>
        {
            var id = context.Request.Headers["Cloudevent.id"].ToString();
            probe.Deliveries.Enqueue(new Delivery(
                id,
                context.Items["posted-content-type"] as string,
                context.Request.Headers.TraceParent.ToString(),
                context.Request.Headers["dapr-api-token"].ToString(),
                DateTimeOffset.UtcNow));
            var data = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            var answers = data.GetProperty("answers").EnumerateArray().Select(a => a.GetString()!).ToList();
            var answer = answers[Math.Min(probe.Of(id).Count, answers.Count) - 1];
            return answer switch
            {
                "500" => Results.StatusCode(500),
                "404" => Results.NotFound(),
                _ => Results.Ok(new { status = answer }),
            };
        }).WithTopic(new TopicOptions { PubsubName = "pubsub", Name = Topic, DeadLetterTopic = DeadLetterTopic });

        await app.StartAsync();
        await app.Services.GetRequiredService<RedisStreamsSidecar>().Listening.WaitAsync(TimeSpan.FromSeconds(20));
        return probe;
    }

    public static Task<string> PublishAsync(IDatabase db, string id, params string[] answers) =>
        db.PublishAsync(id, "test.probe.v1", new { answers }, Topic);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _redis.DisposeAsync();
    }
}
