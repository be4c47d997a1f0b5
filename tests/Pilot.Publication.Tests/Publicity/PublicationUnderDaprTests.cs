using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace Pilot.Publication.Tests.Publicity;

/// <summary>Publication as daprd sees it: the service's JWT authentication in place, daprd carrying only its app API token.</summary>
public sealed class PublicationUnderDaprTests(PublicationUnderDaprTests.UnderDaprFactory factory) : IClassFixture<PublicationUnderDaprTests.UnderDaprFactory>
{
    private const string AppApiToken = "publication-daprd-token";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Daprd_with_its_app_api_token_subscribes_and_delivers_past_the_services_JWT_authentication()
    {
        using var daprd = factory.CreateClient();
        daprd.DefaultRequestHeaders.Add("dapr-api-token", AppApiToken);

        using var subscriptions = JsonDocument.Parse(await daprd.GetStringAsync("/dapr/subscribe", Ct));
        var subscription = Assert.Single(subscriptions.RootElement.EnumerateArray(), item => item.GetProperty("topic").GetString() == FilingAcceptedEnvelopes.Topic);
        Assert.Equal(FilingAcceptedEnvelopes.Topic, subscription.GetProperty("topic").GetString());
        Assert.Equal("filing-events-deadletter", subscription.GetProperty("deadLetterTopic").GetString());

        var filingId = $"2020/{Guid.NewGuid():N}"[..17];
        using var content = new StringContent(
            FilingAcceptedEnvelopes.Json($"a-{filingId}:pilot.filing.filing-accepted.v1", filingId, "京人社备〔2020〕010号"), Encoding.UTF8, "application/cloudevents+json");
        using var delivery = await daprd.PostAsync("/" + subscription.GetProperty("route").GetString(), content, Ct);

        Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
        using var answer = JsonDocument.Parse(await delivery.Content.ReadAsStringAsync(Ct));
        Assert.Equal("SUCCESS", answer.RootElement.GetProperty("status").GetString());
        Assert.True(await factory.Redis.KeyExistsAsync(FilingAcceptedEnvelopes.BranchEntryKey(filingId)));
    }

    [Fact]
    public async Task Anyone_else_is_refused_by_daprds_routes()
    {
        using var stranger = factory.CreateClient();
        using var subscribe = await stranger.GetAsync("/dapr/subscribe", Ct);
        using var content = new StringContent(FilingAcceptedEnvelopes.Json("forged-1", "2020/forged", "伪造"), Encoding.UTF8, "application/cloudevents+json");
        using var delivery = await stranger.PostAsync("/pilot/events/" + FilingAcceptedEnvelopes.Topic, content, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, subscribe.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, delivery.StatusCode);
        Assert.False(await factory.Redis.KeyExistsAsync("publication:publicity:branch~2020~br-forged"));
    }

    /// <summary>The service with the Dapr transport and daprd's token configured; no daprd runs, the test calls as it would.</summary>
    public sealed class UnderDaprFactory : PublicityFactory
    {
        protected override void ConfigureEventBus(IWebHostBuilder builder)
        {
            builder.UseSetting("EventBus:Transport", "Dapr");
            builder.UseSetting("APP_API_TOKEN", AppApiToken);
        }
    }
}
