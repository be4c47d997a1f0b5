using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilot.EventBus.Tests.Support;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Dapr;

public sealed class SubscriptionEndpointTests(RedisServerFixture redis) : IAsyncLifetime
{
    private static readonly string Route = EventBusEndpointExtensions.RoutePrefix + LicenceRenewed.Topic;
    private readonly string _appId = TestBus.NewAppId("licences");
    private readonly CapturingDaprHandler _daprd = new();
    private WebApplication? _app;
    private HandlerProbe? _probe;

    private const string AppApiToken = "daprd-token-for-tests";

    /// <summary>As daprd calls the app: with its app API token.</summary>
    private HttpClient Client => AsDaprd(_app!.GetTestClient(), AppApiToken);

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis.Multiplexer);
        builder.AddPilotEventBus(_appId, o =>
        {
            TestBus.Fast(o);
            o.Transport = EventBusTransport.Dapr;
            o.AppApiToken = AppApiToken;
        });
        _probe = builder.Services.AddCountingHandler<LicenceRenewed>(_appId);
        builder.Services.AddSingleton<DaprClient>(_daprd.CreateClient());
        _app = builder.Build();
        _app.MapPilotEventSubscriptions();
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Subscribe_handler_declares_the_topic_route_and_deadletter_topic()
    {
        using var json = JsonDocument.Parse(await Client.GetStringAsync("/dapr/subscribe", TestContext.Current.CancellationToken));

        var subscription = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("pubsub", subscription.GetProperty("pubsubName").GetString());
        Assert.Equal(LicenceRenewed.Topic, subscription.GetProperty("topic").GetString());
        Assert.Equal(PilotTopics.DeadLetterOf(LicenceRenewed.Topic), subscription.GetProperty("deadLetterTopic").GetString());
        Assert.Equal(Route.TrimStart('/'), subscription.GetProperty("route").GetString());
    }

    [Fact]
    public async Task Delivered_event_is_handled_once_and_every_delivery_answers_success()
    {
        var body = DaprdEntries.CloudEventJson(Guid.NewGuid().ToString(), LicenceRenewed.EventType, LicenceRenewed.Topic, "registry", new { key = "LIC-1", years = 3 });

        Assert.Equal("SUCCESS", await DeliverAsync(body));
        Assert.Equal("SUCCESS", await DeliverAsync(body));

        Assert.Equal(1, (int)await redis.Database.HashGetAsync(_probe!.StateKey, "LIC-1"));
        Assert.Equal(1, _probe.Calls);
    }

    [Fact]
    public async Task Transient_failure_answers_retry_and_the_redelivery_succeeds()
    {
        _probe!.FailOn = call => call == 1 ? new TimeoutException("registry slow") : null;
        var body = DaprdEntries.CloudEventJson(Guid.NewGuid().ToString(), LicenceRenewed.EventType, LicenceRenewed.Topic, "registry", new { key = "LIC-2", years = 1 });

        Assert.Equal("RETRY", await DeliverAsync(body));
        Assert.False(await redis.Database.HashExistsAsync(_probe.StateKey, "LIC-2"));
        Assert.Equal("SUCCESS", await DeliverAsync(body));
        Assert.Equal(1, (int)await redis.Database.HashGetAsync(_probe.StateKey, "LIC-2"));
    }

    [Fact]
    public async Task Poison_event_answers_drop_and_is_published_to_the_deadletter_topic()
    {
        var eventId = Guid.NewGuid().ToString();
        var body = DaprdEntries.CloudEventJson(eventId, LicenceRenewed.EventType, LicenceRenewed.Topic, "registry", new { key = "LIC-3", years = "many" });

        Assert.Equal("DROP", await DeliverAsync(body));

        Assert.Equal(0, _probe!.Calls);
        var deadLetter = Assert.Single(_daprd.Published);
        Assert.Equal(PilotTopics.DeadLetterOf(LicenceRenewed.Topic), deadLetter.Topic);
        Assert.Equal(eventId, deadLetter.Metadata["cloudevent.id"]);
    }

    [Fact]
    public async Task Only_daprd_with_the_app_api_token_reaches_the_routes()
    {
        var body = DaprdEntries.CloudEventJson(Guid.NewGuid().ToString(), LicenceRenewed.EventType, LicenceRenewed.Topic, "registry", new { key = "LIC-9", years = 1 });
        foreach (var client in new[] { _app!.GetTestClient(), AsDaprd(_app!.GetTestClient(), "not-the-token") })
        {
            using (client)
            {
                using var subscribe = await client.GetAsync("/dapr/subscribe", TestContext.Current.CancellationToken);
                using var content = new StringContent(body, Encoding.UTF8, "application/cloudevents+json");
                using var delivery = await client.PostAsync(Route, content, TestContext.Current.CancellationToken);

                Assert.Equal(System.Net.HttpStatusCode.Unauthorized, subscribe.StatusCode);
                Assert.Equal(System.Net.HttpStatusCode.Unauthorized, delivery.StatusCode);
            }
        }

        Assert.Equal(0, _probe!.Calls);
        Assert.False(await redis.Database.HashExistsAsync(_probe.StateKey, "LIC-9"));
    }

    private static HttpClient AsDaprd(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Add("dapr-api-token", token);
        return client;
    }

    private async Task<string> DeliverAsync(string cloudEventJson)
    {
        using var content = new StringContent(cloudEventJson, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json");
        using var response = await Client.PostAsync(Route, content, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return answer.RootElement.GetProperty("status").GetString()!;
    }
}
