using Dapr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pilot.EventBus.Consuming;
using Pilot.EventBus.Dapr;

namespace Pilot.EventBus;

public static class EventBusEndpointExtensions
{
    /// <summary>Path prefix of the routes daprd delivers to, one per subscribed topic.</summary>
    public const string RoutePrefix = "/pilot/events/";

    /// <summary>
    /// Under Dapr: adds the CloudEvents middleware, <c>/dapr/subscribe</c>, and one route per subscribed
    /// topic declared with its dead-letter topic. On Redis Streams there is nothing to map.
    /// </summary>
    public static WebApplication MapPilotEventSubscriptions(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<IOptions<EventBusOptions>>().Value;
        if (settings.Transport != EventBusTransport.Dapr)
        {
            return app;
        }

        app.UseCloudEvents(new CloudEventsMiddlewareOptions { ForwardCloudEventPropertiesAsHeaders = true });
        app.MapSubscribeHandler();
        foreach (var topic in app.Services.GetRequiredService<SubscriptionRegistry>().Topics)
        {
            app.MapPost(RoutePrefix + topic, (HttpContext http, DaprEventEndpoint endpoint) => endpoint.HandleAsync(topic, http))
                .WithTopic(new TopicOptions
                {
                    PubsubName = settings.PubsubName,
                    Name = topic,
                    DeadLetterTopic = PilotTopics.DeadLetterOf(topic),
                })
                .ExcludeFromDescription();
        }

        return app;
    }
}
